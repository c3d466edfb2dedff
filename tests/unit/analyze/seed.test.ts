/**
 * The whole analysis on the seed article against its reference annotation
 * (shared fixtures/pages/seed-article.expected.json): required parties found and linked, article
 * events dated against the publication date, background events merged into the timeline.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../../core/analyze';
import { parseHtml } from '../../../core/dom/parse-html';
import { loadKnowledge } from '../../../scripts/load-knowledge';
import { SEED_EXPECTED, SEED_HTML, FIXTURES } from '../../../scripts/paths';

interface Expected {
  published: string;
  parties: { name: string; type: string; required: boolean; forms: string[] }[];
  articleEvents: { date: string; evidence: string }[];
  backgroundEvents: { date: string; parties: string[] }[];
  afterPublication: { date: string }[];
}

const expected = JSON.parse(readFileSync(SEED_EXPECTED, 'utf8')) as Expected;
const kb = loadKnowledge();
const result = analyzeDocument(parseHtml(readFileSync(SEED_HTML, 'utf8')), kb);
const text = result.article!.text;

describe('seed article analysis', () => {
  it('is a news article published on the reference date', () => {
    expect(result.isArticle).toBe(true);
    expect(result.article!.published).toBe(expected.published);
  });

  for (const want of expected.parties.filter((p) => p.required)) {
    it(`finds and links ${want.name}`, () => {
      const party = result.parties.find((p) => p.id && kb.entry(p.id)?.name === want.name);
      expect(party, `${want.name} among ${result.parties.map((p) => p.name).join(', ')}`).toBeDefined();
      expect(party!.note).toBeTruthy();
      // Every form the reference lists that the article really uses is (part of) a mention of this party.
      for (const form of want.forms) {
        const at = text.indexOf(form);
        if (at < 0) continue;
        expect(party!.mentions.some((m) => m.start < at + form.length && at < m.end), form).toBe(true);
      }
    });
  }

  it('keeps every mention and timex offset true to the text', () => {
    for (const p of result.parties) for (const m of p.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    for (const t of result.timexes) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('dates the article events against the publication date', () => {
    const dates = result.events.map((e) => e.date);
    for (const e of expected.articleEvents) expect(dates, e.evidence).toContain(e.date);
  });

  it('merges the reference background events into a timeline, oldest first', () => {
    const background = result.timeline.filter((t) => t.source === 'knowledge');
    for (const e of expected.backgroundEvents) expect(background.map((t) => t.date), e.date).toContain(e.date);
    const dates = result.timeline.map((t) => t.date);
    expect([...dates].sort()).toEqual(dates);
    for (const e of expected.afterPublication) {
      const item = result.timeline.find((t) => t.date === e.date);
      expect(item?.afterPublication, e.date).toBe(true);
    }
    expect(result.timeline.filter((t) => t.afterPublication).every((t) => t.date > expected.published)).toBe(true);
  });

  it('without metadata, the same text gives the same parties', () => {
    const bare = analyzeDocument(parseHtml(readFileSync(`${FIXTURES}/seed-article-bare.html`, 'utf8')), kb, { force: true });
    const ids = new Set(bare.parties.map((p) => p.id).filter(Boolean));
    for (const p of result.parties.filter((p) => p.id && p.mentions.length > 1)) expect(ids.has(p.id), p.name).toBe(true);
  });
});
