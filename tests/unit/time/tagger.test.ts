import { describe, expect, it } from 'vitest';
import { tagTimexes } from '../../../core/time/index.ts';
import type { Timex } from '../../../core/types.ts';

const DCT = '2024-05-02'; // a Thursday

function tag(text: string, dct: string | null = DCT): Timex[] {
  const out = tagTimexes(text, dct);
  for (const t of out) expect(text.slice(t.start, t.end)).toBe(t.text);
  return out;
}

function one(text: string, dct: string | null = DCT): Pick<Timex, 'text' | 'type' | 'value'> {
  const out = tag(text, dct);
  expect(out, JSON.stringify(out)).toHaveLength(1);
  return { text: out[0].text, type: out[0].type, value: out[0].value };
}

describe('weekdays', () => {
  it('resolves to the most recent one in a past-tense report, without the preposition', () => {
    expect(one('The ministry released a statement on Tuesday.')).toEqual({ text: 'Tuesday', type: 'DATE', value: '2024-04-30' });
    expect(one('Darmanin said Monday that the talks had failed.').value).toBe('2024-04-29');
    expect(one('Officials met on Friday to discuss the plan.').value).toBe('2024-04-26');
  });
  it('resolves to the next one in future tense', () => {
    expect(one('The two leaders will meet on Tuesday.').value).toBe('2024-05-07');
    expect(one('The committee is expected to vote on Monday.').value).toBe('2024-05-06');
    expect(one('The strike will continue until Saturday.').value).toBe('2024-05-04');
  });
  it('uses last/next modifiers and keeps them in the extent', () => {
    expect(one('He arrived last Thursday.')).toMatchObject({ text: 'last Thursday', value: '2024-04-25' });
    expect(one('They meet next Thursday.')).toMatchObject({ text: 'next Thursday', value: '2024-05-09' });
  });
  it('the publication weekday itself is the publication date', () => {
    expect(one('The minister resigned Thursday.').value).toBe('2024-05-02');
  });
});

describe('months and days', () => {
  it('puts a bare month in a past-tense sentence before the publication date', () => {
    expect(one('A reporter said in October that residents left.')).toMatchObject({ text: 'October', value: '2023-10' });
    expect(one('In January, members of parliament blamed France.')).toMatchObject({ text: 'January', value: '2024-01' });
  });
  it('puts a bare month in a future-tense sentence after it', () => {
    expect(one('Elections will be held in March.').value).toBe('2025-03');
    expect(one('The summit will take place in September.').value).toBe('2024-09');
  });
  it('month and day', () => {
    expect(one('The memorandum was signed on April 18.')).toMatchObject({ text: 'April 18', value: '2024-04-18' });
    expect(one('The deal was signed on Aug. 7, 1998.')).toMatchObject({ text: 'Aug. 7, 1998', value: '1998-08-07' });
  });
  it('does not take "may" the verb for the month', () => {
    expect(tag('The talks may fail, officials said.')).toEqual([]);
    expect(one('The vote took place in May.').value).toBe('2024-05');
  });
});

describe('other notations', () => {
  const cases: [string, string, string][] = [
    ['It opened on May 2, 2024, in Baku.', 'May 2, 2024', '2024-05-02'],
    ['It opened on 2 May 2024 in Baku.', '2 May 2024', '2024-05-02'],
    ['Dated 18.04.2024 and stamped.', '18.04.2024', '2024-04-18'],
    ['Dated 2024-04-18 and stamped.', '2024-04-18', '2024-04-18'],
    ['Dated 04/18/2024 and stamped.', '04/18/2024', '2024-04-18'],
    ['On the 18th of April 2024 it rained.', '18th of April 2024', '2024-04-18'],
    ['Sales fell in July 1997.', 'July 1997', '1997-07'],
  ];
  for (const [text, span, value] of cases) {
    it(span, () => expect(one(text)).toMatchObject({ text: span, type: 'DATE', value }));
  }
});

describe('years, decades, centuries, quarters, seasons', () => {
  it('bare years, but not counts', () => {
    expect(one('After the end of the 2020 Armenia-Azerbaijan conflict, talks began.')).toMatchObject({ text: '2020', value: '2020' });
    expect(one('The measures taken in 2023 were criticised.')).toMatchObject({ text: '2023', value: '2023' });
    expect(tag('About 2020 people attended the rally.')).toEqual([]);
    expect(tag('The company sold 1990 shares.')).toEqual([]);
    expect(tag('It cost $2000 and weighed 1500 kg.')).toEqual([]);
  });
  it('relative years and months', () => {
    expect(one('Prices rose last year.')).toMatchObject({ text: 'last year', value: '2023' });
    expect(one('The law takes effect next month.')).toMatchObject({ text: 'next month', value: '2024-06' });
    expect(one('Two years ago, the war ended.')).toMatchObject({ text: 'Two years ago', value: '2022' });
    expect(one('It was announced earlier this month.')).toMatchObject({ text: 'earlier this month', value: '2024-05' });
  });
  it('weeks', () => {
    expect(one('Talks resumed this week.')).toMatchObject({ text: 'this week', value: '2024-W18' });
    expect(one('Talks resumed last week.').value).toBe('2024-W17');
  });
  it('decades, centuries, quarters, seasons', () => {
    expect(one('The conflict began in the 1990s.')).toMatchObject({ text: 'the 1990s', value: '199' });
    expect(one('It was built in the 19th century.')).toMatchObject({ text: 'the 19th century', value: '18' });
    expect(one('Profits will rise in the third quarter.')).toMatchObject({ text: 'the third quarter', value: '2024-Q3' });
    expect(one('Profits rose in the third quarter.').value).toBe('2023-Q3');
    expect(one('Profits rose in the first quarter.').value).toBe('2024-Q1');
    expect(one('The fighting started last summer.')).toMatchObject({ text: 'last summer', value: '2023-SU' });
  });
  it('yesterday, today, now, recently', () => {
    expect(one('The minister spoke yesterday.').value).toBe('2024-05-01');
    expect(one('The minister speaks today.').value).toBe('2024-05-02');
    expect(one('The region is now calm.')).toMatchObject({ text: 'now', value: 'PRESENT_REF' });
    expect(one('The ministry recently denied it.')).toMatchObject({ text: 'recently', value: 'PAST_REF' });
  });
});

describe('ranges', () => {
  it('"between October 11 and 13" gives two dates', () => {
    const out = tag('The talks were held between October 11 and 13, officials said.');
    expect(out.map((t) => [t.text, t.value])).toEqual([
      ['October 11', '2023-10-11'],
      ['13', '2023-10-13'],
    ]);
  });
  it('"October 11-13" gives two dates', () => {
    const out = tag('The festival will run October 11-13.');
    expect(out.map((t) => [t.text, t.value])).toEqual([
      ['October 11', '2024-10-11'],
      ['13', '2024-10-13'],
    ]);
  });
});

describe('durations, sets, times', () => {
  it('durations', () => {
    expect(one('He served three years in prison.')).toMatchObject({ text: 'three years', type: 'DURATION', value: 'P3Y' });
    expect(one('The truce lasted two weeks.')).toMatchObject({ text: 'two weeks', type: 'DURATION', value: 'P2W' });
    expect(one('The ultimatum expires in 48 hours.')).toMatchObject({ text: '48 hours', type: 'DURATION', value: 'PT48H' });
    expect(one('Output fell for nearly two years.')).toMatchObject({ text: 'nearly two years', value: 'P2Y' });
    expect(one('They signed a two-year contract.')).toMatchObject({ text: 'two-year', value: 'P2Y' });
  });
  it('sets', () => {
    expect(one('The council meets every week.')).toMatchObject({ text: 'every week', type: 'SET', value: 'P1W' });
    expect(one('The report is published annually.')).toMatchObject({ text: 'annually', type: 'SET', value: 'P1Y' });
  });
  it('times of day', () => {
    expect(one('The vote opened at 9 a.m. and closed late.')).toMatchObject({ type: 'TIME', value: '2024-05-02T09:00' });
    expect(one('The vote opened at 9:30 p.m. on the island.').value).toBe('2024-05-02T21:30');
  });
});

describe('without a publication date', () => {
  it('leaves relative expressions unresolved and never uses today', () => {
    const values = tag('On Tuesday, in October and last year, prices rose; tomorrow they fall. This week is busy.', null).map((t) => t.value);
    expect(values).toEqual(['XXXX-WXX-2', 'XXXX-10', 'PAST_REF', 'FUTURE_REF', 'PRESENT_REF']);
    expect(one('It was signed on April 18.', null).value).toBe('XXXX-04-18');
    expect(one('It was signed on April 18, 2024.', null).value).toBe('2024-04-18');
  });
});

describe('robustness', () => {
  it('never throws on odd input, and offsets always slice to the text', () => {
    const inputs = [
      '',
      ' ',
      '🙂 On Tuesday 🎉 in 2023 👍🏽',
      'اجتمع الوزراء يوم الثلاثاء في 2023 and on Monday',
      'עברית 18.04.2024 טקסט',
      '\u0000\uFFFF\uD800 2020 \uDC00',
      '1'.repeat(10_000),
      'May May May Monday Monday 2020 2020s 19th century ' + 'year '.repeat(2000),
      'On Tuesday, the ministry said. '.repeat(5000),
      'a\n\n\n.\n?!',
    ];
    for (const s of inputs) {
      expect(() => tag(s)).not.toThrow();
      expect(() => tag(s, null)).not.toThrow();
      expect(() => tag(s, 'not-a-date')).not.toThrow();
    }
    expect(tag('🙂 On Tuesday 🎉 in 2023 👍🏽').map((t) => t.text)).toEqual(['Tuesday', '2023']);
  });
});
