/**
 * Linking forms that real pages write: names with a possessive inside them, words broken by soft
 * hyphens, abbreviations with inner dots. Against the shipped knowledge file.
 */
import { describe, expect, it } from 'vitest';
import { linkParties } from '../../../core/parties/link';
import { recognizeNames } from '../../../core/parties/recognize';
import { tokenize } from '../../../core/parties/tokenize';
import { loadKnowledge } from '../../../scripts/load-knowledge';

const kb = loadKnowledge();

function link(text: string) {
  const parties = linkParties(text, kb, recognizeNames(text), tokenize(text));
  for (const p of parties) for (const m of p.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  return parties;
}
const idOf = (text: string, form: string) => link(text).find((p) => p.mentions.some((m) => m.text === form))?.id ?? null;

describe('linking names as pages write them', () => {
  it('keeps a possessive that belongs to the name', () => {
    expect(idOf('Troops of the People’s Liberation Army were seen in Kowloon.', 'People’s Liberation Army')).toBe('peoples-liberation-army');
    expect(idOf("An editorial in the People's Daily on Monday said so.", "People's Daily")).toBe('peoples-daily');
  });

  it('still reads an ordinary possessive as the name followed by "s"', () => {
    const parties = link("China's foreign ministry said on Tuesday that France's position had changed.");
    expect(parties.map((p) => p.id)).toEqual(expect.arrayContaining(['china', 'france']));
    expect(parties.find((p) => p.id === 'china')?.mentions[0]?.text).toBe('China');
  });

  it('reads through soft hyphens, keeping them in the mention', () => {
    const text = 'Russian President Vladi\u00admir Putin met Prime Minister Benja\u00admin Netan\u00adyahu.';
    expect(idOf(text, 'Vladi\u00admir Putin')).toBe('vladimir-putin');
    expect(link(text).some((p) => p.id === 'benjamin-netanyahu')).toBe(true);
  });

  it('links "U.S." and "US" used as adjectives, never the pronoun', () => {
    const text = 'U.S. military aid was held back. Officials said US forces left. Let us go, they told us. Us and them.';
    const us = link(text).filter((p) => p.id === 'united-states');
    expect(us).toHaveLength(1);
    expect(us[0]!.mentions.map((m) => m.text)).toEqual(['U.S.', 'US']);
  });

  it('links initials written with or without spaces', () => {
    expect(idOf('George H.W. Bush sent troops to the Gulf.', 'George H.W. Bush')).toBe('george-h-w-bush');
    expect(idOf('George H. W. Bush sent troops to the Gulf.', 'George H. W. Bush')).toBe('george-h-w-bush');
  });
});

describe('a title before a surname', () => {
  it('picks the namesake who held that office, and marks only the surname', () => {
    const text = 'Hunter Biden sat on the board. Vice President Biden had visited Kyiv. Senator Paul of Kentucky objected.';
    const parties = link(text);
    const biden = parties.find((p) => p.id === 'joe-biden');
    expect(biden?.mentions.map((m) => m.text)).toEqual(['Biden']);
    expect(parties.find((p) => p.id === 'hunter-biden')?.mentions.map((m) => m.text)).toEqual(['Hunter Biden']);
    expect(idOf(text, 'Paul')).toBe('rand-paul');
  });

  it('does not turn a title into a name on its own', () => {
    expect(link('The Vice President and the Senator met.').filter((p) => p.id !== null)).toEqual([]);
  });
});

describe('a surname or short name no one is named by in full', () => {
  it('is the one namesake tied to someone the article names, and unlinked otherwise', () => {
    expect(idOf('Mike Pence said little. Trump assailed Williams over the weekend.', 'Williams')).toBe('jennifer-williams');
    expect(idOf('The Federal Reserve held rates. Williams said growth was slowing.', 'Williams')).toBe('john-c-williams');
    expect(idOf('Williams said growth was slowing in the region.', 'Williams')).toBeNull();
  });

  it('reads a name written without its middle initial only in context', () => {
    expect(idOf('“Tensions are rising,” John Williams, the president of the Federal Reserve Bank of New York, said.', 'John Williams')).toBe('john-c-williams');
    expect(idOf('The composer John Williams wrote the score for the film.', 'John Williams')).toBeNull();
  });

  it('leaves a surname to the namesake named in full, even when another is tied to that one', () => {
    // George W. Bush is tied to his father, who is named: "Bush" is still the father.
    const text = 'George H. W. Bush met Israeli leaders in 1991. Bush pressed them on settlements.';
    expect(link(text).find((p) => p.mentions.some((m) => m.text === 'Bush'))?.id).toBe('george-h-w-bush');
  });
});
