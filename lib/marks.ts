/**
 * Inline marks on party mentions, exactly reversible.
 *
 * A marked Text node is replaced by new nodes holding the same characters: the text before, a
 * <backstory-mark> element around the mention, the text after. The original node object is kept,
 * and unmarking puts it back (with the current text, should the page have edited ours), so that the
 * DOM is restored node for node and `textContent` never changes. Marks carry no data the page could
 * read: which party a mark stands for is kept in a WeakMap on our side.
 *
 * DOM only, no extension API: unit-tested in happy-dom and used by the article content script.
 */
import type { TextPiece } from '../core/extract';

export const MARK_TAG = 'backstory-mark';

export interface MarkTarget {
  /** The party key (see core/view partyKey). */
  key: string;
  /** Offsets into the extracted article text. */
  start: number;
  end: number;
}

interface Replacement {
  original: Text;
  inserted: Node[];
}

export interface MarkSet {
  readonly marks: readonly HTMLElement[];
  keyOf(mark: Element): string | undefined;
  /** The marks of one party, in document order. */
  marksOf(key: string): HTMLElement[];
  /** Restores every marked Text node; safe to call twice. */
  remove(): void;
}

/**
 * Elements whose text is never marked: editable or interactive content, frames (an iframe's child
 * nodes are never shown), and our own UI.
 */
const NO_MARK_SELECTOR = 'input, textarea, select, button, option, label, summary, iframe, [contenteditable]:not([contenteditable="false"]), [role="textbox"], backstory-mark, backstory-tooltip';
/** Marks inside these are not made focusable (the ancestor already is; nesting would be invalid). */
export const INTERACTIVE_SELECTOR = 'a[href], [tabindex], [role="button"], [role="link"]';

const MARK_STYLE: [string, string][] = [
  ['all', 'unset'],
  // The browser's own focus ring (which `all: unset` and page rules such as `:focus { outline: none }`
  // would strip): an outline takes no room, so showing it moves nothing.
  ['outline', 'revert'],
  ['display', 'inline'],
  ['text-decoration-line', 'underline'],
  ['text-decoration-style', 'dotted'],
  ['text-decoration-thickness', 'from-font'],
  ['text-decoration-color', 'color-mix(in srgb, currentColor 55%, transparent)'],
  ['text-underline-offset', '0.2em'],
  ['text-decoration-skip-ink', 'auto'],
  ['cursor', 'help'],
];

/** The extraction piece that holds the whole span [start, end) of the article text, if one does. */
export function locate(pieces: readonly TextPiece[], start: number, end: number): TextPiece | null {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid]!;
    if (p.textOffset + p.length <= start) lo = mid + 1;
    else if (p.textOffset > start) hi = mid - 1;
    else return end <= p.textOffset + p.length ? p : null;
  }
  return null;
}

function styleMark(mark: HTMLElement): void {
  for (const [prop, value] of MARK_STYLE) mark.style.setProperty(prop, value, 'important');
}

function selectionTouches(doc: Document, node: Node): boolean {
  const sel = doc.getSelection?.();
  if (!sel || sel.rangeCount === 0) return false;
  for (let i = 0; i < sel.rangeCount; i++) {
    const range = sel.getRangeAt(i);
    if (range.collapsed) {
      if (range.startContainer === node) return true;
      continue;
    }
    if (range.intersectsNode(node)) return true;
  }
  return false;
}

/**
 * Marks the targets that fall inside one verbatim text run of the extraction. Targets crossing
 * element boundaries, inside editable or interactive-only regions, in another document (a frame's),
 * or inside the user's current selection are left alone.
 */
export function applyMarks(doc: Document, pieces: readonly TextPiece[], targets: readonly MarkTarget[]): MarkSet {
  const byNode = new Map<Text, { from: number; to: number; key: string }[]>();
  for (const t of targets) {
    if (!(t.end > t.start)) continue;
    const piece = locate(pieces, t.start, t.end);
    if (!piece || !piece.node.isConnected) continue;
    const from = piece.nodeOffset + (t.start - piece.textOffset);
    const to = from + (t.end - t.start);
    const list = byNode.get(piece.node) ?? [];
    if (list.some((r) => from < r.to && r.from < to)) continue;
    list.push({ from, to, key: t.key });
    byNode.set(piece.node, list);
  }

  const keys = new WeakMap<Element, string>();
  const marks: HTMLElement[] = [];
  const replacements: Replacement[] = [];
  for (const [node, ranges] of byNode) {
    const parent = node.parentElement;
    if (!parent || node.ownerDocument !== doc || parent.closest(NO_MARK_SELECTOR) || selectionTouches(doc, node)) continue;
    const focusable = !parent.closest(INTERACTIVE_SELECTOR);
    ranges.sort((a, b) => a.from - b.from);
    const data = node.data;
    const inserted: Node[] = [];
    let at = 0;
    for (const r of ranges) {
      if (r.from > at) inserted.push(doc.createTextNode(data.slice(at, r.from)));
      const mark = doc.createElement(MARK_TAG) as HTMLElement;
      styleMark(mark);
      if (focusable) {
        mark.tabIndex = 0;
        mark.setAttribute('role', 'button');
      }
      mark.appendChild(doc.createTextNode(data.slice(r.from, r.to)));
      keys.set(mark, r.key);
      marks.push(mark);
      inserted.push(mark);
      at = r.to;
    }
    if (at < data.length) inserted.push(doc.createTextNode(data.slice(at)));
    const frag = doc.createDocumentFragment();
    for (const n of inserted) frag.appendChild(n);
    parent.replaceChild(frag, node);
    replacements.push({ original: node, inserted });
  }

  let removed = false;
  return {
    marks,
    keyOf: (mark) => keys.get(mark),
    marksOf: (key) => marks.filter((m) => keys.get(m) === key && m.isConnected),
    remove() {
      if (removed) return;
      removed = true;
      for (const { original, inserted } of replacements) restore(original, inserted);
    },
  };
}

/** Puts `original` back in place of `inserted`, carrying over any text the page changed since. */
function restore(original: Text, inserted: Node[]): void {
  const first = inserted.find((n) => n.parentNode);
  const parent = first?.parentNode;
  if (!first || !parent) return; // the page removed the whole region itself: nothing of ours is left
  const current = inserted.map((n) => (n.parentNode === parent ? n.textContent ?? '' : '')).join('');
  if (current !== original.data) original.data = current;
  parent.insertBefore(original, first);
  for (const n of inserted) if (n.parentNode === parent) parent.removeChild(n);
}
