/** The seed article's body text, read from the shared fixture (paragraphs of <p> elements). */
import { readFileSync } from 'node:fs';

import { SEED_HTML as FIXTURE } from '../../../scripts/paths';

function decode(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", copy: '©', nbsp: '\u00a0' };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : +e.slice(1));
    return named[e.toLowerCase()] ?? m;
  });
}

export function seedArticleText(): string {
  const html = readFileSync(FIXTURE, 'utf8');
  const paras = [...html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)].map((m) => decode(m[1].replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim());
  return paras.filter(Boolean).join('\n\n');
}

export const SEED_PUBLISHED = '2024-05-02';
