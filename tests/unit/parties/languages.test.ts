/**
 * Articles in languages other than English: their function words never become names, elided
 * articles are not part of a name, and the analysis of the corpus's French and Portuguese news pages
 * links what it links without inventing parties out of ordinary words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../../core/analyze';
import { parseHtml } from '../../../core/dom/parse-html';
import { elisionLength, languageWords } from '../../../core/parties/languages';
import { recognizeNames } from '../../../core/parties/recognize';
import { tokenize } from '../../../core/parties/tokenize';
import { loadKnowledge } from '../../../scripts/load-knowledge';
import { CORPUS, CORPUS_PAGES } from '../../../scripts/paths';

const names = (text: string, lang?: string) => recognizeNames(text, lang).map((s) => s.text);

describe('language word lists', () => {
  it('reads the primary subtag of any spelling of a language tag', () => {
    expect(languageWords('fr')).toBe(languageWords('fr-FR'));
    expect(languageWords('pt_BR')).toBe(languageWords('PT'));
    expect(languageWords('en-GB')).toBeNull();
    expect(languageWords('xx')).toBeNull();
    expect(languageWords(null)).toBeNull();
    expect(languageWords('constructor')).toBeNull();
  });

  it('cuts an elided article only in languages that elide, and only before a letter', () => {
    const fr = languageWords('fr');
    expect(elisionLength("l'UMP", fr)).toBe(2);
    expect(elisionLength('d’Etat', fr)).toBe(2);
    expect(elisionLength("jusqu'à", fr)).toBe(6);
    expect(elisionLength("O'Brien", fr)).toBe(0);
    expect(elisionLength("l'", fr)).toBe(0);
    expect(elisionLength('dell’Onu', languageWords('it'))).toBe(5);
    expect(elisionLength("L'Oréal", null)).toBe(0);
    expect(elisionLength("l'UMP", languageWords('es'))).toBe(0);
  });
});

describe('recognizing names in French text', () => {
  const text =
    'Elle remplacera la commission actuelle. De l’autre, Christiane Taubira était défavorable. ' +
    "Parmi les opposants figurent l'UMP Laure de la Raudière et l'écologiste Sergio Coronado. " +
    'Le Monde | Par Martin Untersinger. Mardi, le texte a été adopté.';

  it('drops sentence-initial function words, day names and bylines’ "Par"', () => {
    const found = names(text, 'fr');
    for (const word of ['Elle', 'De', 'Parmi', 'Mardi', 'Par Martin Untersinger']) expect(found).not.toContain(word);
    expect(found).toEqual(expect.arrayContaining(['Christiane Taubira', 'Sergio Coronado', 'Martin Untersinger']));
  });

  it('separates an elided article and a party label from a person’s name', () => {
    const spans = recognizeNames(text, 'fr');
    expect(spans.find((s) => s.text === 'UMP')?.type).toBe('ORG');
    expect(spans.find((s) => s.text === 'Laure de la Raudière')?.type).toBe('PER');
  });

  it('leaves English text as it was: the French lists apply only to French', () => {
    const english = "De Niro met L'Oréal executives. Elle magazine ran the story.";
    expect(names(english, 'en')).toEqual(names(english));
    expect(tokenize("l'Assemblée", 'en').map((t) => t.text)).toEqual(["l'Assemblée"]);
    expect(tokenize("l'Assemblée nationale", 'fr').map((t) => t.text)).toEqual(['Assemblée', 'nationale']);
  });

  it('keeps two name particles inside a name in any language', () => {
    expect(names('Ursula von der Leyen met Jean de la Fontaine’s heirs.')).toEqual(expect.arrayContaining(['Ursula von der Leyen']));
  });
});

describe('analysis of the corpus news pages not written in English', () => {
  const kb = loadKnowledge();
  const dev = JSON.parse(readFileSync(join(CORPUS, 'dev.json'), 'utf8')) as { file: string; url: string | null; label: string }[];
  const pages = dev
    .filter((e) => e.label === 'news')
    .map((e) => ({ ...e, doc: parseHtml(readFileSync(join(CORPUS_PAGES, e.file), 'utf8')) }))
    .filter((e) => languageWords(e.doc.documentElement.getAttribute('lang')) !== null);

  it('covers at least two languages', () => {
    expect(new Set(pages.map((p) => p.doc.documentElement.getAttribute('lang')!.slice(0, 2))).size).toBeGreaterThanOrEqual(2);
  });

  it('finds no party whose name starts with a function word of the page’s language', () => {
    for (const page of pages) {
      const analysis = analyzeDocument(page.doc, kb, { url: page.url ?? undefined });
      const words = languageWords(analysis.article!.lang)!;
      const stop = new Set([...words.functionWords, ...words.nonNames]);
      const unlinked = analysis.parties.filter((p) => !p.id);
      for (const party of unlinked) for (const m of party.mentions) expect(stop.has(m.text.split(/[\s'’]/)[0]!.toLowerCase()), `${page.file}: ${m.text}`).toBe(false);
      expect(analysis.parties.filter((p) => p.id).length, page.file).toBeGreaterThan(0);
    }
  });
});
