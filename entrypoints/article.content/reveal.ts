/** "Show in article" from the popup: scroll to a party's first mention and highlight it briefly. */
import type { TextPiece } from '../../core/extract';
import type { AnalysisView } from '../../core/protocol';
import { locate, type MarkSet } from '../../lib/marks';

const HIGHLIGHT_MS = 2000;

export function revealMark(marks: MarkSet | null, pieces: readonly TextPiece[], view: AnalysisView, key: string): boolean {
  const mark = marks?.marksOf(key)[0];
  const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
  if (mark) {
    mark.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    const prev = mark.style.getPropertyValue('background-color');
    mark.style.setProperty('background-color', 'color-mix(in srgb, Highlight 35%, transparent)', 'important');
    setTimeout(() => {
      if (prev) mark.style.setProperty('background-color', prev, 'important');
      else mark.style.removeProperty('background-color');
    }, HIGHLIGHT_MS);
    if (mark.tabIndex >= 0) mark.focus({ preventScroll: true });
    return true;
  }
  // Marks are off: select the mention's text instead, which changes nothing in the DOM.
  const mention = view.parties.find((p) => p.key === key)?.mentions[0];
  const piece = mention && locate(pieces, mention.start, mention.end);
  if (!mention || !piece || !piece.node.isConnected) return false;
  const range = document.createRange();
  const from = piece.nodeOffset + (mention.start - piece.textOffset);
  range.setStart(piece.node, from);
  range.setEnd(piece.node, from + (mention.end - mention.start));
  piece.node.parentElement?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
  const sel = getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  return true;
}
