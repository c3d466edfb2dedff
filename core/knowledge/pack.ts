/**
 * The compiled knowledge file ("pack") that the extension ships and the analysis reads.
 * Produced by knowledge/compiler from the YAML sources; never edited by hand.
 */
import type { PartyType } from '../types';

/** How a name form refers to its entry; the linker trusts some kinds more than others. */
export type NameKind =
  | 'name' // canonical name
  | 'alias'
  | 'acronym'
  | 'former'
  | 'misspelling'
  | 'translation' // the name in another language
  | 'demonym' // "French" standing for France
  | 'capital' // "Baku" standing for Azerbaijan's government
  | 'surname' // part of a person's name written alone ("Darmanin"; "John Williams" for John C. Williams), linked only in context
  | 'titled'; // "Vice President Biden": an office the person held, then the surname

export interface PackFact {
  label: string;
  value: string;
  source: string;
}

export interface PackOffice {
  office: string;
  start: string | null;
  end: string | null;
  org: string | null;
  source: string;
}

export interface PackEvent {
  date: string;
  end: string | null;
  label: string;
  /** Entry ids involved, the owning entry first. */
  related: string[];
  source: string;
}

export interface PackFraming {
  terms: string[];
  note: string;
  source: string;
  /** The entry the note belongs to. */
  entry: string;
}

/** What the linker needs of an entry: in the index, loaded at start. */
export interface EntryHead {
  id: string;
  type: PartyType;
  name: string;
  related: string[];
}

/** What the cards and the timeline need: in the shards, loaded when the entry is linked. */
export interface EntryDetails {
  wikidata: string | null;
  note: string;
  facts: PackFact[];
  offices: PackOffice[];
  events: PackEvent[];
  source: string;
  asOf: string;
}

export type PackEntry = EntryHead & EntryDetails;

/** The order of name kinds in `PackIndex.nameHits` (a kind is stored as its position here). */
export const NAME_KINDS: readonly NameKind[] = ['name', 'alias', 'acronym', 'former', 'misspelling', 'translation', 'demonym', 'capital', 'surname', 'titled'];

/**
 * The part of the knowledge file read at start (format 2): every name form and what the linker
 * needs of each entry, as columns (one row per entry), which parse much faster than one object per
 * entry. Everything else is in shards of `shardSize` entries (`PackShard`), read when needed, so the
 * start-up cost grows with the number of names, not with the size of the notes and timelines.
 */
export interface PackIndex {
  format: 2;
  builtAt: string;
  entryCount: number;
  shardSize: number;
  ids: string[];
  types: PartyType[];
  names: string[];
  /** Related entries of each entry, as entry rows. */
  related: number[][];
  /** Every normalized name form (see normalizeName), sorted by UTF-16 code units. */
  nameKeys: string[];
  /** For each name form: entry row and kind (position in NAME_KINDS), flattened in pairs. */
  nameHits: number[][];
  framing: PackFraming[];
}

/** Entries `first … first + entries.length - 1` of the index, in the same order. */
export interface PackShard {
  format: 2;
  first: number;
  entries: EntryDetails[];
}

/** A whole pack in memory, as the compiler makes it; the extension ships it as files (`packFiles`). */
export interface KnowledgePack {
  index: PackIndex;
  shards: PackShard[];
}

/** File names of a pack in the extension (under `/knowledge/`) and for Node tools. */
export const INDEX_FILE = 'index.json';
export const shardFile = (n: number): string => `shard-${String(n).padStart(3, '0')}.json`;
