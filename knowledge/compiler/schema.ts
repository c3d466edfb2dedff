/**
 * The schema of one knowledge source file, as code: `validateEntry` turns parsed YAML into a typed
 * `SourceEntry` or says precisely what is wrong. The README of this folder documents the format.
 */
import type { PartyType } from '../../core/types';

export const FOLDER_TYPES: Record<string, PartyType> = {
  countries: 'country',
  places: 'place',
  people: 'person',
  organizations: 'organization',
  events: 'event',
  other: 'other',
};

const PARTY_TYPES = new Set<PartyType>(['person', 'organization', 'country', 'place', 'event', 'other']);
const ALIAS_KINDS = new Set(['alias', 'acronym', 'former', 'misspelling']);

export interface SourceAlias {
  name: string;
  lang: string | null;
  kind: 'alias' | 'acronym' | 'former' | 'misspelling';
}

export interface SourceFact {
  label: string;
  value: string;
  source: string | null;
}

export interface SourceOffice {
  office: string;
  start: string | null;
  end: string | null;
  org: string | null;
  source: string | null;
}

export interface SourceEvent {
  date: string;
  end: string | null;
  label: string;
  related: string[];
  source: string | null;
}

export interface SourceFraming {
  terms: string[];
  note: string;
  source: string | null;
}

export interface SourceEntry {
  file: string;
  id: string;
  wikidata: string | null;
  type: PartyType;
  name: string;
  iso2: string | null;
  aliases: SourceAlias[];
  demonyms: string[];
  capital: string | null;
  /** People: the family name when it is not the last word ("Xi" for Xi Jinping). */
  surname: string | null;
  note: string;
  facts: SourceFact[];
  offices: SourceOffice[];
  related: string[];
  events: SourceEvent[];
  framing: SourceFraming[];
  source: string;
  asOf: string;
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar date. */
export function isValidDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

function isUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** YAML turns unquoted dates into Date objects and years into numbers; accept both as strings. */
function asDateString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.trim();
  return null;
}

const KNOWN_KEYS = new Set([
  'id', 'wikidata', 'type', 'name', 'iso2', 'aliases', 'demonyms', 'capital', 'surname', 'note', 'facts',
  'offices', 'related', 'events', 'framing', 'source', 'asOf',
]);

export function validateEntry(
  raw: unknown,
  file: string,
  folderType: PartyType | undefined,
): { entry: SourceEntry | null; errors: string[] } {
  const errors: string[] = [];
  const fail = (msg: string) => errors.push(`${file}: ${msg}`);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    fail('the file must hold one YAML mapping (an entry)');
    return { entry: null, errors };
  }
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!KNOWN_KEYS.has(key)) fail(`unknown field "${key}"`);

  const str = (key: string, required: boolean): string | null => {
    const v = r[key];
    if (v === undefined || v === null || v === '') {
      if (required) fail(`missing "${key}"`);
      return null;
    }
    if (typeof v !== 'string') {
      fail(`"${key}" must be a string`);
      return null;
    }
    return v.trim();
  };
  const list = (key: string): unknown[] => {
    const v = r[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      fail(`"${key}" must be a list`);
      return [];
    }
    return v;
  };
  const date = (value: unknown, where: string, required: boolean): string | null => {
    const s = asDateString(value);
    if (s === null) {
      if (required) fail(`${where}: missing date`);
      return null;
    }
    if (!isValidDate(s)) fail(`${where}: date "${s}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    return s;
  };
  const source = (value: unknown, where: string): string | null => {
    if (value === undefined || value === null) return null;
    if (!isUrl(value)) fail(`${where}: source must be an https URL`);
    return typeof value === 'string' ? value : null;
  };

  const id = str('id', true) ?? '';
  if (id && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) fail(`id "${id}" must be a lowercase slug`);
  const expectedId = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  if (id && id !== expectedId) fail(`id "${id}" must match the file name "${expectedId}"`);

  const wikidata = str('wikidata', false);
  if (wikidata && !/^Q\d+$/.test(wikidata)) fail(`wikidata "${wikidata}" is not a Q-id`);

  const type = str('type', true) as PartyType | null;
  if (type && !PARTY_TYPES.has(type)) fail(`type "${type}" is not one of ${[...PARTY_TYPES].join(', ')}`);
  if (type && folderType && type !== folderType && !(folderType === 'place' && type === 'country')) {
    fail(`type "${type}" does not belong in this folder (expected ${folderType})`);
  }

  const name = str('name', true) ?? '';
  const note = str('note', true) ?? '';
  if (note && (note.length < 40 || note.length > 700)) fail(`note must be 40–700 characters (has ${note.length})`);
  const entrySource = str('source', true);
  if (entrySource !== null && !isUrl(entrySource)) fail('source must be an https URL');
  const asOf = date(r.asOf, 'asOf', true);
  if (asOf && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) fail('asOf must be a full date YYYY-MM-DD');

  const iso2 = str('iso2', false);
  if (iso2 && !/^[A-Z]{2}$/.test(iso2)) fail(`iso2 "${iso2}" must be two capital letters`);

  const aliases: SourceAlias[] = [];
  list('aliases').forEach((a, i) => {
    const where = `aliases[${i}]`;
    if (typeof a === 'string') {
      aliases.push({ name: a, lang: null, kind: 'alias' });
      return;
    }
    if (!a || typeof a !== 'object') return void fail(`${where} must be a name or {name, lang, kind}`);
    const o = a as Record<string, unknown>;
    const kind = (o.kind ?? 'alias') as SourceAlias['kind'];
    if (typeof o.name !== 'string' || !o.name.trim()) return void fail(`${where}: missing name`);
    if (!ALIAS_KINDS.has(kind)) fail(`${where}: kind "${String(kind)}" is not one of ${[...ALIAS_KINDS].join(', ')}`);
    aliases.push({ name: o.name.trim(), lang: typeof o.lang === 'string' ? o.lang : null, kind });
  });

  const demonyms = list('demonyms').filter((d): d is string => {
    if (typeof d !== 'string') fail('demonyms must be strings');
    return typeof d === 'string';
  });

  const facts: SourceFact[] = [];
  list('facts').forEach((f, i) => {
    const o = (f ?? {}) as Record<string, unknown>;
    const value = typeof o.value === 'number' ? String(o.value) : o.value;
    if (typeof o.label !== 'string' || typeof value !== 'string') {
      return void fail(`facts[${i}] needs a label and a value`);
    }
    facts.push({ label: o.label, value, source: source(o.source, `facts[${i}]`) });
  });

  const offices: SourceOffice[] = [];
  list('offices').forEach((f, i) => {
    const o = (f ?? {}) as Record<string, unknown>;
    const where = `offices[${i}]`;
    if (typeof o.office !== 'string') return void fail(`${where}: missing office`);
    const start = date(o.start, where, true);
    const end = o.end === null || o.end === undefined ? null : date(o.end, where, false);
    if (start && end && start > end) fail(`${where}: ends before it starts`);
    offices.push({
      office: o.office,
      start,
      end,
      org: typeof o.org === 'string' ? o.org : null,
      source: source(o.source, where),
    });
  });

  const related = list('related').filter((x): x is string => typeof x === 'string');

  const events: SourceEvent[] = [];
  list('events').forEach((e, i) => {
    const o = (e ?? {}) as Record<string, unknown>;
    const where = `events[${i}]`;
    const d = date(o.date, where, true);
    const end = o.end === undefined || o.end === null ? null : date(o.end, `${where}.end`, false);
    if (d && end && end < d) fail(`${where}: ends before it starts`);
    if (typeof o.label !== 'string' || !o.label.trim()) return void fail(`${where}: missing label`);
    if (o.label.length > 160) fail(`${where}: label longer than 160 characters`);
    const rel = Array.isArray(o.related) ? o.related.filter((x): x is string => typeof x === 'string') : [];
    events.push({ date: d ?? '', end, label: o.label.trim(), related: rel, source: source(o.source, where) });
  });

  const framing: SourceFraming[] = [];
  list('framing').forEach((f, i) => {
    const o = (f ?? {}) as Record<string, unknown>;
    const where = `framing[${i}]`;
    const terms = Array.isArray(o.terms) ? o.terms.filter((t): t is string => typeof t === 'string') : [];
    if (terms.length === 0) fail(`${where}: needs terms`);
    if (typeof o.note !== 'string' || !o.note.trim()) return void fail(`${where}: missing note`);
    framing.push({ terms, note: o.note.trim(), source: source(o.source, where) });
  });

  if (errors.length > 0 || !type || !entrySource || !asOf) return { entry: null, errors };
  return {
    entry: {
      file, id, wikidata, type, name, iso2, aliases, demonyms,
      capital: str('capital', false), surname: str('surname', false), note, facts, offices, related, events, framing,
      source: entrySource, asOf,
    },
    errors,
  };
}
