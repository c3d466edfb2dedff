/**
 * Dates written in French, Spanish, Italian and Portuguese, resolved against the publication date.
 */
import { describe, expect, it } from 'vitest';
import { tagTimexes } from '../../../core/time/index.ts';
import { dateLanguage, tagLocalDates } from '../../../core/time/romance.ts';

const dates = (text: string, dct: string | null, lang: string) => tagLocalDates(text, dct, lang).map((t) => [t.text, t.value]);

describe('dates in Romance-language news text', () => {
  it('reads French day-month(-year) forms with their weekday, and months with a year', () => {
    // 4 May 2015 was a Monday.
    expect(dates('lors d’un vote solennel, mardi 5 mai. Le texte date du 1er juillet 2015 et de mai 2014.', '2015-05-04', 'fr')).toEqual([
      ['mardi 5 mai', '2015-05-05'],
      ['1er juillet 2015', '2015-07-01'],
      ['mai 2014', '2014-05'],
    ]);
  });

  it('gives a day without a year the year nearest the publication date', () => {
    expect(dates('Le 28 décembre, le gouvernement a tranché.', '2016-01-03', 'fr')).toEqual([['28 décembre', '2015-12-28']]);
    expect(dates('Il partira le 2 janvier.', '2015-12-30', 'fr-FR')).toEqual([['2 janvier', '2016-01-02']]);
  });

  it('resolves weekdays and yesterday/tomorrow against the publication date, never today’s date', () => {
    // 7 May 2015 was a Thursday.
    expect(dates('Hier, lundi dernier et jeudi prochain ; vendredi, puis demain.', '2015-05-07', 'fr')).toEqual([
      ['Hier', '2015-05-06'],
      ['lundi dernier', '2015-05-04'],
      ['jeudi prochain', '2015-05-14'],
      ['vendredi', '2015-05-01'],
      ['demain', '2015-05-08'],
    ]);
  });

  it('reads Spanish, Portuguese and Italian forms', () => {
    expect(dates('El acuerdo se firmó el 5 de mayo de 2015 y entró en vigor en junio de 2015.', '2015-06-10', 'es')).toEqual([
      ['5 de mayo de 2015', '2015-05-05'],
      ['junio de 2015', '2015-06'],
    ]);
    expect(dates('A votação foi na segunda-feira, 17 de dezembro.', '2018-12-21', 'pt-BR')).toEqual([
      ['segunda-feira, 17 de dezembro', '2018-12-17'],
    ]);
    expect(dates("Dopo l'11 settembre 2001, martedì scorso.", '2001-10-04', 'it')).toEqual([
      ['11 settembre 2001', '2001-09-11'],
      ['martedì scorso', '2001-10-02'],
    ]);
  });

  it('does not read words that only look like dates', () => {
    expect(dates('Por la mañana llegó por segunda vez.', '2015-05-05', 'es')).toEqual([]);
    expect(dates('A segunda vez e a quinta tentativa.', '2015-05-05', 'pt')).toEqual([]);
    expect(dates('Le 30 février et le 31 avril ne sont pas des dates.', '2015-05-05', 'fr')).toEqual([]);
    expect(dates('Il a vu Mars, la planète.', '2015-05-05', 'fr')).toEqual([]);
  });

  it('keeps weekdays and relative days unresolved without a publication date', () => {
    expect(dates('Mardi, puis hier, et le 5 mai.', null, 'fr')).toEqual([['5 mai', 'XXXX-05-05']]);
  });

  it('leaves English and unknown languages to the English tagger', () => {
    expect(dateLanguage('en-GB')).toBeNull();
    expect(dateLanguage('de')).toBeNull();
    const english = 'The vote was on Tuesday, May 5, and the law took effect in July 2015.';
    expect(tagTimexes(english, '2015-05-07', 'en')).toEqual(tagTimexes(english, '2015-05-07'));
    expect(tagLocalDates(english, '2015-05-07', 'en')).toEqual([]);
  });

  it('lets the local reading win where the English tagger also matched', () => {
    const text = 'Publié le 04.05.2015. Le vote a eu lieu mardi 5 mai.';
    const timexes = tagTimexes(text, '2015-05-04', 'fr');
    expect(timexes.map((t) => t.value)).toEqual(['2015-05-04', '2015-05-05']);
    for (let i = 1; i < timexes.length; i++) expect(timexes[i]!.start).toBeGreaterThanOrEqual(timexes[i - 1]!.end);
  });
});
