import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../core/dom/parse-html';
import { extractArticle, type Extraction } from '../../../core/extract/index';
import { MAX_ARTICLE_CHARS } from '../../../core/protocol';

import { CORPUS, FIXTURES } from '../../../scripts/paths';
interface Entry {
  file: string;
  url: string | null;
  label: string;
  published: string | null;
}
const dev: Entry[] = JSON.parse(readFileSync(join(CORPUS, 'dev.json'), 'utf8'));
const load = (dir: string, f: string) => parseHtml(readFileSync(join(dir, f), 'utf8'));

function checkPieces(x: Extraction): void {
  const { text } = x.article;
  let last = -1;
  for (const p of x.pieces) {
    expect(p.length).toBeGreaterThan(0);
    expect(p.textOffset).toBeGreaterThan(last); // in order, non-overlapping
    last = p.textOffset + p.length - 1;
    expect(text.substr(p.textOffset, p.length)).toBe(p.node.data.substr(p.nodeOffset, p.length));
  }
  // Everything outside pieces is separator whitespace inserted by the extractor.
  let covered = 0;
  for (const p of x.pieces) covered += p.length;
  expect(text.length - covered).toBe((text.match(/\s/g) || []).length - (x.pieces.reduce((n, p) => n + (text.substr(p.textOffset, p.length).match(/\s/g) || []).length, 0)));
}

describe('seed article', () => {
  it('full page: title, byline, first publication date (not the update), body', () => {
    const doc = load(FIXTURES, 'seed-article.html');
    const x = extractArticle(doc);
    const want = JSON.parse(readFileSync(join(FIXTURES, 'seed-article.expected.json'), 'utf8'));
    expect(x.article.title).toBe(want.title);
    expect(x.article.byline).toBe('Ilham Karimli');
    expect(x.article.published).toBe('2024-05-02');
    expect(x.article.modified).toBe('2024-07-14');
    expect(x.article.lang).toBe('en');
    expect(x.article.text.startsWith('The Azerbaijani government has rejected')).toBe(true);
    expect(x.article.text).toContain('\n\nIn a statement released on Tuesday');
    expect(x.article.text).not.toMatch(/Last update|Ilham Karimli|Home/);
    expect(x.article.text.endsWith('reintegrate.')).toBe(true);
    checkPieces(x);
  });
  it('bare page (no metadata, paragraphs as divs): same date, byline and body', () => {
    const x = extractArticle(load(FIXTURES, 'seed-article-bare.html'));
    expect(x.article.title).toBe('Azerbaijan Rejects French Allegations of Supporting Separatism in New Caledonia');
    expect(x.article.byline).toBe('Ilham Karimli');
    expect(x.article.published).toBe('2024-05-02');
    expect(x.article.modified).toBeNull();
    expect(x.article.text.startsWith('The Azerbaijani government has rejected')).toBe(true);
    expect(x.article.text.split('\n\n').length).toBe(14);
    expect(x.article.text).not.toMatch(/By Ilham|Contact us|Home/);
    checkPieces(x);
  });
});

describe('dev corpus', () => {
  for (const e of dev) {
    it(`${e.file}: pieces are exact and the DOM is untouched`, () => {
      const doc = load(join(CORPUS, 'pages'), e.file);
      const before = doc.documentElement.outerHTML;
      const x = extractArticle(doc, { url: e.url || undefined });
      expect(doc.documentElement.outerHTML).toBe(before);
      checkPieces(x);
      expect(x.article.text).not.toMatch(/\n{3,}|^\s|\s$/);
      expect(x.article.text).not.toMatch(/[ \t]{2,}/);
      if (e.label === 'news') {
        expect(x.article.text.length).toBeGreaterThan(500);
        if (e.published && e.file !== 'abcnews-2016-clinton-putin-dnc-hack.html') expect(x.article.published).toBe(e.published);
      }
    });
  }
});

describe('odd inputs', () => {
  const odd: [string, string][] = [
    ['empty', ''],
    ['text only', 'hello world'],
    ['binary garbage', Array.from({ length: 20000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('')],
    ['broken markup', '<p>Unclosed <b>bold <i>italic<div>' + 'word, '.repeat(300) + '</span></td></html><p>tail'],
    ['deep nesting', '<div>'.repeat(5000) + 'deep text, with a comma, and more words to count'.repeat(3) + '</div>'.repeat(5000)],
    ['only scripts', '<script>var x = "<p>not text</p>";</script><style>p{}</style>'],
  ];
  for (const [name, html] of odd) {
    it(`never throws: ${name}`, () => {
      const doc = parseHtml(html);
      const x = extractArticle(doc);
      expect(typeof x.article.text).toBe('string');
      expect(typeof x.article.title).toBe('string');
      checkPieces(x);
    });
  }
  it('collapses whitespace runs but keeps pieces exact', () => {
    const doc = parseHtml('<html><body><article><p>  Alpha   beta,\n\n gamma <b>delta</b>epsilon\u00a0zeta.  </p><p>' + 'Second paragraph, with commas, and enough words to score. '.repeat(5) + '</p></article></body></html>');
    const x = extractArticle(doc);
    expect(x.article.text.startsWith('Alpha beta, gamma deltaepsilon zeta.\n\nSecond paragraph')).toBe(true);
    checkPieces(x);
  });
  it('a 20 MB page finishes, and says its text is only the beginning', () => {
    const para = '<p>' + 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(8) + '</p>';
    const html = '<html><body><main>' + para.repeat(Math.ceil(20e6 / para.length)) + '</main></body></html>';
    const doc = parseHtml(html);
    const x = extractArticle(doc);
    expect(x.article.text.length).toBeGreaterThan(1000);
    expect(x.article.text.length).toBeLessThan((doc.querySelector('main')!.textContent ?? '').length);
    expect(x.truncated).toBe(true);
    checkPieces(x);
  }, 120_000);
  it('an article of many tiny nodes is cut by the node limit before any character limit, and says so', () => {
    // Per paragraph about 215 characters in about 240 nodes: the node limit comes first.
    const para = '<p>A sentence long enough to count, with commas, as text. ' + '<b>x</b> '.repeat(80) + '</p>';
    const doc = parseHtml('<html><body><article>' + para.repeat(1500) + '</article></body></html>');
    const whole = (doc.querySelector('article')!.textContent ?? '').replace(/\s+/g, ' ').trim();
    const x = extractArticle(doc);
    expect(whole.length).toBeLessThan(MAX_ARTICLE_CHARS);
    expect(x.article.text.length).toBeGreaterThan(1000);
    expect(x.article.text.length).toBeLessThan(whole.length);
    expect(x.truncated).toBe(true);
  });
  it('a whole article is not marked as cut', () => {
    expect(extractArticle(load(FIXTURES, 'seed-article.html')).truncated).toBe(false);
  });
});
