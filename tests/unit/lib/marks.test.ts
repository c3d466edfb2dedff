// @vitest-environment happy-dom
/**
 * Marks must be exactly reversible: over generated DOM trees (nested inline elements, links, <br>,
 * RTL text, emoji and combining characters, text split over many nodes, editable regions, shadow
 * roots, iframes), marking never changes textContent, never enters a shadow root or a frame, and
 * unmarking restores the same nodes in the same places.
 *
 * Frames are srcdoc iframes: happy-dom builds their documents (it loads no other frame page). The
 * pieces handed to applyMarks include the text inside each frame's document and the iframe
 * element's own child nodes, as a faulty extraction could, and none of it may be marked. What
 * happy-dom cannot show is a real browser reloading a frame that was moved; the frame keeping its
 * document object stands for that (it would get a new one had it been taken out of the page).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TextPiece } from '../../../core/extract';
import { applyMarks, MARK_TAG } from '../../../lib/marks';

type Tree = { tag: string; children: Tree[] } | string;

const textArb = fc.constantFrom('Paris', 'Gérald Darmanin', ' and ', 'Azərbaycan', 'مرحبا بالعالم', 'שלום', '👩‍👩‍👧 family', 'e\u0301te\u0301', '  spaced  out ', 'x', 'New\nCaledonia');
const treeArb: fc.Arbitrary<Tree> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, textArb, tie('element')),
  element: fc.record({
    tag: fc.constantFrom('span', 'a', 'b', 'em', 'p', 'div', 'br', 'editable', 'shadow', 'iframe'),
    children: fc.array(tie('node'), { maxLength: 4 }),
  }),
})).element as fc.Arbitrary<Tree>;

const SHADOW_HTML = '<b>Paris</b> in a shadow root';
const FRAME_HTML = '<p>Gérald Darmanin in <b>Paris</b>, in a frame</p>';

function build(doc: Document, tree: Tree): Node {
  if (typeof tree === 'string') return doc.createTextNode(tree);
  const tag = tree.tag === 'editable' || tree.tag === 'shadow' ? 'div' : tree.tag;
  const el = doc.createElement(tag);
  if (tree.tag === 'a') el.setAttribute('href', '#x');
  if (tree.tag === 'editable') el.setAttribute('contenteditable', 'true');
  // A component's shadow root: its text is not the article's.
  if (tree.tag === 'shadow') el.attachShadow({ mode: 'open' }).innerHTML = SHADOW_HTML;
  // A frame (an embed, an ad): its own document, and child nodes that are never rendered.
  if (tree.tag === 'iframe') {
    el.setAttribute('srcdoc', FRAME_HTML);
    el.setAttribute('title', 'embed');
  }
  if (tag !== 'br') for (const c of tree.children) el.appendChild(build(doc, c));
  return el;
}

const shadowContents = (root: Element) => [...root.querySelectorAll('div')].flatMap((d) => (d.shadowRoot ? [d.shadowRoot.innerHTML] : []));
const frames = (root: Element) => [...root.querySelectorAll('iframe')].map((f) => ({ frame: f, doc: f.contentDocument, html: f.contentDocument?.documentElement.outerHTML }));

/**
 * One piece per text node, as if the whole body were the article; with `intoFrames`, the text of
 * frame documents too, as an extraction that wrongly read them would hand it over.
 */
function piecesOf(root: Node, intoFrames = false): TextPiece[] {
  const pieces: TextPiece[] = [];
  let offset = 0;
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      const t = n as Text;
      if (t.data.length) pieces.push({ node: t, nodeOffset: 0, textOffset: offset, length: t.data.length });
      offset += t.data.length;
    }
    n.childNodes.forEach(walk);
    if (intoFrames && n instanceof HTMLIFrameElement && n.contentDocument) walk(n.contentDocument.body);
  };
  walk(root);
  return pieces;
}

function snapshot(root: Node): Node[] {
  const nodes: Node[] = [];
  const walk = (n: Node) => {
    nodes.push(n);
    n.childNodes.forEach(walk);
  };
  walk(root);
  return nodes;
}

describe('applyMarks', () => {
  it('never changes textContent and restores the DOM node for node', () => {
    fc.assert(
      fc.property(treeArb, fc.array(fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 20 })), { maxLength: 12 }), (tree, spans) => {
        document.body.innerHTML = '';
        const root = document.createElement('article');
        root.appendChild(build(document, tree));
        document.body.appendChild(root);
        const html = root.innerHTML;
        const text = root.textContent;
        const shadows = shadowContents(root);
        const framed = frames(root);
        expect(framed.every((f) => f.doc && f.html?.includes('Darmanin'))).toBe(true);
        const nodes = snapshot(root);
        const pieces = piecesOf(root, true);
        const total = pieces.reduce((n, p) => n + p.length, 0);
        const targets = spans.map(([s, len], i) => ({ key: `k${i % 3}`, start: s % Math.max(1, total), end: Math.min(total, (s % Math.max(1, total)) + len) }));

        const set = applyMarks(document, pieces, targets);
        expect(root.textContent).toBe(text);
        expect(shadowContents(root)).toEqual(shadows); // nothing of ours inside a shadow root
        expect(shadows.every((h) => h === SHADOW_HTML)).toBe(true);
        expect(frames(root)).toEqual(framed); // the same frames with the same documents, untouched
        for (const mark of set.marks) {
          expect(mark.ownerDocument).toBe(document);
          expect(mark.closest('[contenteditable="true"], iframe')).toBeNull();
          expect(set.keyOf(mark)).toMatch(/^k\d$/);
          expect(mark.attributes.length).toBeLessThanOrEqual(3); // style, tabindex, role: no data for the page
          if (mark.closest('a')) expect(mark.hasAttribute('tabindex')).toBe(false);
        }
        set.remove();
        expect(root.innerHTML).toBe(html);
        expect(shadowContents(root)).toEqual(shadows);
        expect(frames(root)).toEqual(framed);
        const after = snapshot(root);
        expect(after.length).toBe(nodes.length);
        after.forEach((n, i) => expect(n).toBe(nodes[i]));
        expect(root.querySelector(MARK_TAG)).toBeNull();
        set.remove(); // idempotent
        expect(root.innerHTML).toBe(html);
      }),
      { numRuns: 500 },
    );
  });

  it('marks exactly the target text, once per overlapping span', () => {
    document.body.innerHTML = '<p>France and <a href="#">Azerbaijan</a> met.</p>';
    const pieces = piecesOf(document.body);
    const set = applyMarks(document, pieces, [
      { key: 'france', start: 0, end: 6 },
      { key: 'fr2', start: 2, end: 4 },
      { key: 'azerbaijan', start: 11, end: 21 },
      { key: 'across', start: 8, end: 15 },
    ]);
    expect(set.marks.map((m) => m.textContent)).toEqual(['France', 'Azerbaijan']);
    expect(set.marksOf('azerbaijan')[0]!.hasAttribute('tabindex')).toBe(false);
    expect(set.marksOf('france')[0]!.getAttribute('tabindex')).toBe('0');
    set.remove();
    expect(document.body.innerHTML).toBe('<p>France and <a href="#">Azerbaijan</a> met.</p>');
  });

  it('keeps text the page changed inside a mark when unmarking', () => {
    document.body.innerHTML = '<p>France said no.</p>';
    const set = applyMarks(document, piecesOf(document.body), [{ key: 'france', start: 0, end: 6 }]);
    set.marks[0]!.firstChild!.textContent = 'Paris';
    set.remove();
    expect(document.body.innerHTML).toBe('<p>Paris said no.</p>');
  });

  it('leaves text under the user\'s selection alone', () => {
    document.body.innerHTML = '<p>France said no.</p>';
    const node = document.body.querySelector('p')!.firstChild!;
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, 6);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    const set = applyMarks(document, piecesOf(document.body), [{ key: 'france', start: 0, end: 6 }]);
    expect(set.marks).toHaveLength(0);
    document.getSelection()!.removeAllRanges();
  });
});
