/**
 * Framing notes for contested names and terms that the article uses ("Artsakh", "anti-terror
 * operation"): the reader sees who uses which term, next to the parties and the timeline.
 */
import type { KnowledgeBase } from './knowledge/base';
import type { PackFraming } from './knowledge/pack';
import type { Token } from './parties/tokenize';
import type { Span } from './types';

export interface FramingNote {
  /** The term as the article writes it, first occurrence. */
  mention: Span;
  terms: string[];
  note: string;
  source: string;
  entry: string;
}

export function findFraming(text: string, tokens: readonly Token[], kb: KnowledgeBase): FramingNote[] {
  const found = new Map<PackFraming, FramingNote>();
  for (let i = 0; i < tokens.length; i++) {
    let key = '';
    for (let j = i; j < tokens.length && j - i < kb.maxTermWords; j++) {
      key = j === i ? tokens[j]!.key : `${key} ${tokens[j]!.key}`;
      if (!kb.hasTermPrefix(key)) break;
      for (const note of kb.framingFor(key)) {
        if (found.has(note)) continue;
        const start = tokens[i]!.start;
        const end = tokens[j]!.end;
        found.set(note, { mention: { start, end, text: text.slice(start, end) }, terms: note.terms, note: note.note, source: note.source, entry: note.entry });
      }
      if (!tokens[j]!.joinsNext && !/^\s$/.test(text.slice(tokens[j]!.end, tokens[j + 1]?.start ?? tokens[j]!.end + 2))) break;
    }
  }
  return [...found.values()].sort((a, b) => a.mention.start - b.mention.start);
}
