import { describe, expect, it } from 'vitest';
import { extractEvents } from '../../../core/time/events.ts';
import { tagTimexes } from '../../../core/time/index.ts';
import type { Party } from '../../../core/types.ts';
import { SEED_PUBLISHED, seedArticleText } from './seed.ts';

/** Parties found by plain string search, standing in for the parties stage. */
function partiesIn(text: string, forms: Record<string, string[]>): Party[] {
  return Object.entries(forms).map(([id, names]) => ({
    id,
    name: names[0],
    type: 'other' as const,
    note: null,
    mentions: names.flatMap((n) => [...text.matchAll(new RegExp(n, 'g'))].map((m) => ({ start: m.index!, end: m.index! + n.length, text: n }))),
  }));
}

describe('seed article events', () => {
  const text = seedArticleText();
  const timexes = tagTimexes(text, SEED_PUBLISHED);
  const parties = partiesIn(text, {
    'q-azerbaijan': ['Azerbaijan', 'Baku'],
    'q-france': ['France', 'French'],
    'q-darmanin': ['Darmanin'],
    'q-armenia': ['Armenia'],
    'q-karabakh': ['Karabakh'],
    'q-al-jazeera': ['Al Jazeera'],
    'q-new-caledonia': ['New Caledonia'],
  });
  const events = extractEvents(text, timexes, parties, SEED_PUBLISHED);

  it('finds the eight dated happenings with their dates', () => {
    expect(events.map((e) => e.date)).toEqual([
      '2024-04-30', '2024-04-29', '2024-04-18', '2020', '2023', '2023', '2024-01', '2023-10',
    ]);
  });

  it('the dates come from the expected expressions', () => {
    const spans = events.map((e) => timexes[e.timex].text);
    expect(spans).toEqual(['Tuesday', 'Monday', 'April 18', '2020', '2023', '2023', 'January', 'October']);
  });

  it('summaries are one tidy line around the date, with the parties of the sentence', () => {
    for (const e of events) {
      expect(e.summary.length).toBeLessThanOrEqual(162);
      expect(e.summary).not.toMatch(/^(and|but|or)\b|[,;]$/i);
      expect(e.summary).toContain(timexes[e.timex].text);
    }
    const jan = events.find((e) => e.date === '2024-01')!;
    expect(jan.summary).toMatch(/^In January, the members of the Azerbaijani parliament blamed France/);
    expect(jan.partyIds).toEqual(expect.arrayContaining(['q-azerbaijan', 'q-france', 'q-armenia']));
    const oct = events.find((e) => e.date === '2023-10')!;
    expect(oct.partyIds).toContain('q-al-jazeera');
  });

  it('is deterministic', () => {
    expect(extractEvents(text, tagTimexes(text, SEED_PUBLISHED), parties, SEED_PUBLISHED)).toEqual(events);
  });
});

describe('extractEvents', () => {
  it('skips durations, present references and the dateline', () => {
    const text = 'By Jane Doe May 2, 2024\n\nThe war lasted three years. It is now over. Talks were held on April 18.';
    const ev = extractEvents(text, tagTimexes(text, '2024-05-02'), [], '2024-05-02');
    expect(ev.map((e) => [e.date, e.summary])).toEqual([['2024-04-18', 'Talks were held on April 18']]);
  });

  it('merges repeated mentions of one event, keeps distinct ones', () => {
    const text =
      'The army launched an offensive in Karabakh in 2023. Critics said the 2023 offensive in Karabakh displaced thousands. ' +
      'Separately, France signed arms contracts with Armenia in 2023.';
    const ev = extractEvents(text, tagTimexes(text, '2024-05-02'), [], '2024-05-02');
    expect(ev.map((e) => e.date)).toEqual(['2023', '2023']);
    expect(ev[1].summary).toMatch(/France signed arms contracts/);
  });

  it('does not resolve against today without a publication date', () => {
    const text = 'The ministry said on Tuesday that talks held in 2023 had failed.';
    const ev = extractEvents(text, tagTimexes(text, null), [], null);
    expect(ev.map((e) => e.date)).toEqual(['2023']);
  });
});
