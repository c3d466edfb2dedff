/**
 * The knowledge compiler: reads every source file under knowledge/entries, validates it against the
 * schema, adds names and structured facts from country data packages, checks every reference, and
 * builds the pack the extension ships (see core/knowledge/pack.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { parse as parseYaml } from 'yaml';
import { normalizeName } from '../../core/knowledge/normalize';
import { NAME_KINDS, type KnowledgePack, type NameKind, type PackEntry, type PackFraming } from '../../core/knowledge/pack';
import type { PartyType } from '../../core/types';
import { FOLDER_TYPES, validateEntry, type SourceEntry } from './schema';

const require = createRequire(import.meta.url);

interface CountryData {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  translations: Record<string, { common: string; official: string }>;
  demonyms?: { eng?: { m: string; f: string } };
  independent?: boolean;
  region: string;
}

export interface CompileResult {
  pack: KnowledgePack;
  errors: string[];
  summary: {
    entries: number;
    byType: Record<string, number>;
    events: number;
    framingNotes: number;
    names: number;
    errors: number;
  };
}

function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listYamlFiles(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

/** Plural of a demonym used as a noun ("Armenians", "Azerbaijanis"); "French" has none. */
function demonymPlural(demonym: string): string | null {
  return /(an|i)$/.test(demonym) ? `${demonym}s` : null;
}

/** The part of a person's name that news writing uses alone: "Darmanin", "von der Leyen". */
export function surnameOf(fullName: string): string | null {
  const tokens = fullName.split(/\s+/).filter(Boolean);
  if (tokens.length < 2) return null;
  let i = tokens.length - 1;
  while (i > 1 && /^(?:da|de|del|der|di|do|dos|du|la|le|van|von|bin|al|ibn)$/.test(tokens[i - 1]!)) i--;
  return tokens.slice(i).join(' ');
}

/**
 * The titles news writing puts before a surname ("Vice President Biden", "Senator Paul"), read from
 * the offices a person held: "Vice President of the United States" → "Vice President", "United
 * States Senator from Kentucky" → "Senator". Only titles that are written that way.
 */
const TITLES_BEFORE_SURNAMES = new Set(
  ['President', 'Vice President', 'Prime Minister', 'Deputy Prime Minister', 'Chancellor', 'Vice Chancellor', 'Governor', 'Senator', 'Secretary', 'Speaker', 'King', 'Queen', 'Mayor', 'Chairman', 'Premier', 'Vice Premier', 'Ambassador', 'Attorney General', 'Supreme Leader', 'Secretary-General', 'Taoiseach', 'Tánaiste', 'Emir', 'Crown Prince', 'Pope'].map((t) => t.toLowerCase()),
);

export function officeTitles(offices: readonly string[]): string[] {
  const titles = new Set<string>();
  for (const office of offices) {
    const title = office
      .replace(/\s+(of|for|from|to|in)\s.*$/i, '')
      .replace(/^(United States|U\.S\.|US|Federal|Acting|Interim)\s+/i, '')
      .replace(/^(United States|U\.S\.|US)\s+/i, '')
      .trim();
    if (TITLES_BEFORE_SURNAMES.has(title.toLowerCase())) titles.add(title);
  }
  return [...titles];
}

/** Sovereign status is disputed for these: they stay "country" rather than take a side. */
const CONTESTED_STATUS = new Set(['TW', 'PS', 'XK', 'EH']);

/**
 * Dependent territories (New Caledonia, Greenland, Puerto Rico) are places, not countries; the
 * data's "independent" flag says which, except where that status is itself contested.
 */
function entryType(type: PartyType, c: CountryData | undefined): PartyType {
  if (type !== 'country' || !c || c.independent !== false || CONTESTED_STATUS.has(c.cca2)) return type;
  return 'place';
}

let demonymCounts: { all: Map<string, number>; independent: Map<string, number> } | null = null;

/** True when a data demonym names only this country (or only this one among sovereign states). */
function demonymIsTelling(demonym: string, c: CountryData): boolean {
  if (!demonymCounts) {
    demonymCounts = { all: new Map(), independent: new Map() };
    for (const other of require('world-countries') as CountryData[]) {
      const names = new Set([other.demonyms?.eng?.m, other.demonyms?.eng?.f].filter((x): x is string => !!x));
      for (const n of names) {
        demonymCounts.all.set(n, (demonymCounts.all.get(n) ?? 0) + 1);
        if (other.independent) demonymCounts.independent.set(n, (demonymCounts.independent.get(n) ?? 0) + 1);
      }
    }
  }
  if (demonymCounts.all.get(demonym) === 1) return true;
  return c.independent === true && demonymCounts.independent.get(demonym) === 1;
}

export function compileKnowledge(entriesDir: string, now = new Date()): CompileResult {
  const errors: string[] = [];
  const sources: SourceEntry[] = [];
  for (const path of listYamlFiles(entriesDir)) {
    const file = relative(entriesDir, path);
    const folderType: PartyType | undefined = FOLDER_TYPES[file.split('/')[0] ?? ''];
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(path, 'utf8'));
    } catch (err) {
      errors.push(`${file}: YAML does not parse: ${(err as Error).message.split('\n')[0]}`);
      continue;
    }
    const { entry, errors: entryErrors } = validateEntry(raw, file, folderType);
    errors.push(...entryErrors);
    if (entry) sources.push(entry);
  }

  const countries = new Map<string, CountryData>(
    (require('world-countries') as CountryData[]).map((c) => [c.cca2, c]),
  );

  const index = new Map<string, number>();
  sources.forEach((s, i) => {
    if (index.has(s.id)) errors.push(`${s.file}: id "${s.id}" is used twice`);
    index.set(s.id, i);
  });
  const checkRef = (s: SourceEntry, id: string, where: string) => {
    if (!index.has(id)) errors.push(`${s.file}: ${where} refers to unknown entry "${id}"`);
  };

  const entries: PackEntry[] = [];
  let eventCount = 0;
  const framing: PackFraming[] = [];
  const names = new Map<string, Map<number, NameKind>>();
  // A stronger kind wins when one entry has the same form twice (a canonical name beats an alias).
  const rank: NameKind[] = ['name', 'alias', 'acronym', 'titled', 'former', 'translation', 'misspelling', 'demonym', 'capital', 'surname'];
  const addName = (form: string, entryIndex: number, kind: NameKind) => {
    const key = normalizeName(form);
    if (key.length < 2) return;
    let forms = names.get(key);
    if (!forms) names.set(key, (forms = new Map()));
    const prev = forms.get(entryIndex);
    if (prev === undefined || rank.indexOf(kind) < rank.indexOf(prev)) forms.set(entryIndex, kind);
  };

  sources.forEach((s, i) => {
    const facts = s.facts.map((f) => ({ label: f.label, value: f.value, source: f.source ?? s.source }));
    addName(s.name, i, 'name');
    for (const a of s.aliases) addName(a.name, i, a.kind === 'alias' && /^[A-Z]{2,6}$/.test(a.name) ? 'acronym' : a.kind);
    for (const d of s.demonyms) {
      addName(d, i, 'demonym');
      const plural = demonymPlural(d);
      if (plural) addName(plural, i, 'demonym');
    }
    if (s.type === 'person') {
      const surname = s.surname ?? surnameOf(s.name);
      // "John Williams" for John C. Williams: as weak as a surname, linked only in context.
      const withoutInitials = s.name.split(/\s+/).filter((w) => !/^\p{Lu}\.$/u.test(w)).join(' ');
      if (withoutInitials !== s.name && withoutInitials.includes(' ')) addName(withoutInitials, i, 'surname');
      if (surname) {
        addName(surname, i, 'surname');
        for (const title of officeTitles(s.offices.map((o) => o.office))) addName(`${title} ${surname}`, i, 'titled');
      }
    }

    let capital = s.capital;
    if (s.iso2) {
      const c = countries.get(s.iso2);
      if (!c) errors.push(`${s.file}: iso2 "${s.iso2}" is not in the country data`);
      else {
        const dataSource = 'https://github.com/mledoze/countries';
        addName(c.name.common, i, 'alias');
        addName(c.name.official, i, 'alias');
        for (const alt of c.altSpellings) {
          if (alt.length <= 2) continue; // ISO codes like "AZ" are not how news refers to a country
          addName(alt, i, /^[A-Z]{3,6}$/.test(alt) ? 'acronym' : 'alias');
        }
        for (const t of Object.values(c.translations)) {
          addName(t.common, i, 'translation');
          addName(t.official, i, 'translation');
        }
        const dem = c.demonyms?.eng;
        if (dem) {
          for (const d of new Set([dem.m, dem.f])) {
            // A dependency often carries its metropole's demonym in the data ("French" for the
            // French Southern Lands): take a data demonym only where it points to one place.
            if (!d || !demonymIsTelling(d, c)) continue;
            addName(d, i, 'demonym');
            const plural = demonymPlural(d);
            if (plural) addName(plural, i, 'demonym');
          }
        }
        capital ??= c.capital?.[0] ?? null;
        if (capital && !facts.some((f) => f.label === 'Capital')) {
          facts.unshift({ label: 'Capital', value: capital, source: dataSource });
        }
      }
    }
    if (capital) addName(capital, i, 'capital');

    for (const r of s.related) checkRef(s, r, 'related');
    for (const e of s.events) for (const r of e.related) checkRef(s, r, `event "${e.label}"`);
    eventCount += s.events.length;
    for (const o of s.offices) if (o.org) checkRef(s, o.org, `office "${o.office}"`);
    for (const f of s.framing) framing.push({ terms: f.terms, note: f.note, source: f.source ?? s.source, entry: s.id });

    entries.push({
      id: s.id,
      wikidata: s.wikidata,
      type: entryType(s.type, s.iso2 ? countries.get(s.iso2) : undefined),
      name: s.name,
      note: s.note,
      facts,
      offices: s.offices.map((o) => ({ ...o, source: o.source ?? s.source })),
      related: s.related,
      events: s.events.map((e) => ({
        date: e.date,
        end: e.end,
        label: e.label,
        related: [s.id, ...e.related.filter((r) => r !== s.id)],
        source: e.source ?? s.source,
      })),
      source: s.source,
      asOf: s.asOf,
    });
  });

  const nameKeys = [...names.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const nameHits = nameKeys.map((key) => [...names.get(key)!].flatMap(([entry, kind]) => [entry, NAME_KINDS.indexOf(kind)]));

  const byType: Record<string, number> = {};
  for (const e of entries) byType[e.type] = (byType[e.type] ?? 0) + 1;
  return {
    pack: packOf(entries, nameKeys, nameHits, framing, now),
    errors,
    summary: {
      entries: entries.length,
      byType,
      events: eventCount,
      framingNotes: framing.length,
      names: nameKeys.length,
      errors: errors.length,
    },
  };
}

/** Entries per shard: an article links a few dozen entries, so it reads a few dozen shards at most. */
export const SHARD_SIZE = 128;

/** Splits compiled entries into the index (read at start) and the shards (read when linked). */
export function packOf(
  entries: readonly PackEntry[],
  nameKeys: string[],
  nameHits: number[][],
  framing: PackFraming[],
  now: Date,
  shardSize = SHARD_SIZE,
): KnowledgePack {
  const row = new Map(entries.map((e, i) => [e.id, i]));
  const shards: KnowledgePack['shards'] = [];
  for (let first = 0; first < entries.length; first += shardSize) {
    shards.push({
      format: 2,
      first,
      entries: entries.slice(first, first + shardSize).map(({ wikidata, note, facts, offices, events, source, asOf }) => ({ wikidata, note, facts, offices, events, source, asOf })),
    });
  }
  return {
    index: {
      format: 2,
      builtAt: now.toISOString(),
      entryCount: entries.length,
      shardSize,
      ids: entries.map((e) => e.id),
      types: entries.map((e) => e.type),
      names: entries.map((e) => e.name),
      related: entries.map((e) => e.related.flatMap((id) => (row.has(id) ? [row.get(id)!] : []))),
      nameKeys,
      nameHits,
      framing,
    },
    shards,
  };
}
