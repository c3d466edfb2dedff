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
  | 'surname'; // "Darmanin" after a full mention of Gérald Darmanin

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

export interface PackEntry {
  id: string;
  wikidata: string | null;
  type: PartyType;
  name: string;
  note: string;
  facts: PackFact[];
  offices: PackOffice[];
  related: string[];
  /** Indices into `KnowledgePack.events`. */
  events: number[];
  source: string;
  asOf: string;
}

export interface KnowledgePack {
  format: 1;
  builtAt: string;
  entries: PackEntry[];
  events: PackEvent[];
  framing: PackFraming[];
  /** Normalized name form -> [entry index, kind][] (see normalizeName). */
  names: Record<string, [number, NameKind][]>;
}
