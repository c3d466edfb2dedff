/**
 * Article extraction without cloning or modifying the document: pick the main content container by
 * content scoring (paragraph text, commas, link density, class/id hints, schema.org articleBody,
 * <article>), then serialise its text, skipping boilerplate, while recording for every copied run of
 * text the DOM Text node it came from (`pieces`), so that offsets in `article.text` map back to the DOM.
 */
import type { Article } from '../types';
import { extractMeta } from './meta';

export interface TextPiece {
  node: Text;
  nodeOffset: number;
  textOffset: number;
  length: number;
}

export interface Extraction {
  article: Article;
  pieces: TextPiece[];
  root: Element | null;
  /** A size limit (characters or nodes) stopped the reading before the content's end: the text is its beginning. */
  truncated: boolean;
}

const MAX_BLOCKS = 6000;
const MAX_NODES = 200_000;
const MAX_TEXT = 1_000_000;
/** Blocks scored (or nodes serialised, ×10) between two pauses of the extraction generator. */
const SLICE = 100;

const UNLIKELY = /-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|promo|outbrain|taboola|cookie|consent|subscribe|paywall|share|trending|most-popular|recommend/i;
const MAYBE = /and|article|body|column|content|main|mathjax|shadow|story|text|post/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|prose|rich-text|articlebody/i;
const NEGATIVE = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|newsletter|social|byline|author|caption|credit|teaser|nav|menu/i;
/** Descendants of the content root skipped when serialising (by class / id). */
const BOILERPLATE = /(^|[\s_-])(share|sharing|social|related|comments?|advert|advertisement|ads?|ad-slot|adslot|promo|newsletter|subscribe|subscription|byline|bylines|author|authors|caption|credit|credits|breadcrumbs?|tags|read-?more|more-?stories|recommended|recommendations|outbrain|taboola|sidebar|footer|nav|navigation|signup|popup|modal|toolbar|print|timestamp|dateline|metadata|meta|trending|most-?popular|teaser|related-?links|inline-?promo|rail|disclaimer|copyright|hidden|visually-hidden|sr-only|screen-reader-text|tooltip|video-?player|embed|gallery|slideshow|photo-?credit|image-?credit|figure|caption-text|article-?meta|post-?meta|entry-?meta|toc|table-of-contents|sponsored|affiliate)([\s_-]|$)/i;

const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS', 'FORM', 'BUTTON',
  'INPUT', 'SELECT', 'TEXTAREA', 'NAV', 'ASIDE', 'FOOTER', 'FIGURE', 'FIGCAPTION', 'PICTURE', 'VIDEO', 'AUDIO',
  'HEADER', 'H1', 'MENU', 'DIALOG', 'LABEL', 'OPTION', 'HEAD', 'TITLE', 'META', 'LINK', 'MAP', 'MATH', 'IMG',
]);
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD',
  'BLOCKQUOTE', 'PRE', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH', 'CAPTION', 'BR', 'HR', 'ADDRESS',
  'CENTER', 'FIELDSET', 'DETAILS', 'SUMMARY', 'BODY', 'HTML', 'FIGURE', 'HEADER', 'FOOTER', 'NAV', 'ASIDE',
]);
const INLINE_ONLY = /^(A|B|I|EM|STRONG|SPAN|BR|SMALL|SUP|SUB|Q|CITE|TIME|ABBR|MARK|U|S|FONT|CODE|KBD|VAR|DFN|BDI|BDO|WBR|INS|DEL|IMG)$/;

function attrs(el: Element): string {
  return (el.getAttribute('class') || '') + ' ' + (el.getAttribute('id') || '');
}

function classWeight(el: Element): number {
  const s = attrs(el);
  if (s.length < 2) return 0;
  let w = 0;
  if (NEGATIVE.test(s)) w -= 25;
  if (POSITIVE.test(s)) w += 25;
  return w;
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const st = el.getAttribute('style');
  return !!st && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(st);
}

function commas(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 0xff0c || c === 0x3001 || c === 0x060c) n++;
  }
  return n;
}

function linkLength(el: Element): number {
  const links = el.getElementsByTagName('a');
  let n = 0;
  for (let i = 0; i < links.length && i < 2000; i++) {
    const href = links[i].getAttribute('href') || '';
    const len = (links[i].textContent || '').length;
    n += href.charAt(0) === '#' ? len * 0.3 : len;
  }
  return n;
}

function textLength(el: Element): number {
  return (el.textContent || '').replace(/\s+/g, ' ').trim().length;
}

function linkDensity(el: Element): number {
  const t = textLength(el);
  return t ? Math.min(1, linkLength(el) / t) : 0;
}

function initScore(el: Element): number {
  let s = classWeight(el);
  switch (el.tagName) {
    case 'DIV':
    case 'SECTION':
      s += 5;
      break;
    case 'ARTICLE':
    case 'MAIN':
      s += 10;
      break;
    case 'PRE':
    case 'TD':
    case 'BLOCKQUOTE':
      s += 3;
      break;
    case 'ADDRESS':
    case 'OL':
    case 'UL':
    case 'DL':
    case 'DD':
    case 'DT':
    case 'LI':
    case 'FORM':
      s -= 3;
      break;
    case 'H1':
    case 'H2':
    case 'H3':
    case 'H4':
    case 'H5':
    case 'H6':
    case 'TH':
      s -= 5;
      break;
  }
  const ip = el.getAttribute('itemprop') || '';
  const prop = el.getAttribute('property') || '';
  if (/articleBody/i.test(ip) || /articleBody/i.test(prop)) s += 40;
  return s;
}

/**
 * Pick the element that holds the article body. A generator that pauses every `SLICE` scored
 * blocks, so that a caller on a page's main thread can spread the work over several tasks.
 */
function* findRoot(doc: Document, strict: boolean): Generator<void, { top: Element; parts: Element[] } | null> {
  const body = doc.body || doc.documentElement;
  if (!body) return null;
  const unlikelyCache = new Map<Element, boolean>();
  const unlikely = (el: Element | null): boolean => {
    // True if el or an ancestor looks like boilerplate (comments, sidebars…).
    const path: Element[] = [];
    let res = false;
    for (let e = el; e && e !== body; e = e.parentElement) {
      const c = unlikelyCache.get(e);
      if (c !== undefined) {
        res = c;
        break;
      }
      path.push(e);
      const tag = e.tagName;
      if (tag === 'NAV' || tag === 'ASIDE' || tag === 'FOOTER' || isHidden(e)) {
        res = true;
        break;
      }
      const a = attrs(e);
      if (a.length > 1 && UNLIKELY.test(a) && !MAYBE.test(a) && tag !== 'ARTICLE' && tag !== 'MAIN') {
        res = true;
        break;
      }
    }
    for (const p of path) unlikelyCache.set(p, res);
    return res;
  };

  const scores = new Map<Element, number>();
  const add = (el: Element, s: number) => {
    if (!scores.has(el)) scores.set(el, initScore(el));
    scores.set(el, (scores.get(el) as number) + s);
  };
  const score = (el: Element): void => {
    const text = el.textContent || '';
    if (text.length < 25 || text.length > 50_000) return;
    const t = text.replace(/\s+/g, ' ').trim();
    if (t.length < 25) return;
    if (strict && unlikely(el)) return;
    const s = 1 + commas(t) + Math.min(Math.floor(t.length / 100), 3);
    let anc = el.parentElement;
    for (let level = 0; anc && level < 5; level++, anc = anc.parentElement) {
      if (!anc.tagName || anc === doc.documentElement) break;
      add(anc, level === 0 ? s : level === 1 ? s / 2 : s / (level * 3));
    }
  };

  let seen = 0;
  const ps = body.getElementsByTagName('p');
  for (let i = 0; i < ps.length && seen < MAX_BLOCKS; i++, seen++) {
    score(ps[i]);
    if (i % SLICE === SLICE - 1) yield;
  }
  const pres = body.getElementsByTagName('pre');
  for (let i = 0; i < pres.length && i < 200; i++) score(pres[i]);
  yield;
  // Text-only <div>s / <td>s (no block children) count as paragraphs, as in Readability.
  for (const tag of ['div', 'td', 'section']) {
    const els = body.getElementsByTagName(tag);
    for (let i = 0; i < els.length && seen < MAX_BLOCKS; i++) {
      if (i % (4 * SLICE) === 4 * SLICE - 1) yield;
      const d = els[i];
      const kids = d.children;
      let inline = true;
      for (let k = 0; k < kids.length; k++) {
        if (!INLINE_ONLY.test(kids[k].tagName)) {
          inline = false;
          break;
        }
      }
      if (inline) {
        seen++;
        score(d);
      }
    }
  }
  if (!scores.size) return null;
  yield;

  // Link density penalty on the best raw candidates only (textContent of big containers is costly).
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
  const final = new Map<Element, number>();
  for (const [el, s] of ranked) final.set(el, s * (1 - linkDensity(el)));
  const cands = [...final.entries()].sort((a, b) => b[1] - a[1]);
  let [top, topScore] = cands[0];

  // Several near-best candidates under one ancestor: the ancestor is the content.
  const alts = cands.slice(1, 6).filter(([, s]) => s >= topScore * 0.75).map(([e]) => e);
  if (alts.length >= 2) {
    for (let p = top.parentElement; p && p !== body && p !== doc.documentElement; p = p.parentElement) {
      if (alts.filter((a) => p!.contains(a)).length >= 2) {
        top = p;
        break;
      }
    }
  }
  // Walk up while the parent scores at least as well (the content is split between children).
  let last = final.get(top) ?? scores.get(top) ?? topScore;
  for (let p = top.parentElement; p && p !== body && p !== doc.documentElement; p = p.parentElement) {
    const ps2 = scores.get(p);
    if (ps2 === undefined) continue;
    if (ps2 < topScore / 3) break;
    if (ps2 > last) {
      top = p;
      last = ps2;
    } else break;
  }
  while (top.parentElement && top.parentElement !== body && top.parentElement.children.length === 1) top = top.parentElement;
  topScore = final.get(top) ?? scores.get(top) ?? topScore;

  // Siblings that also look like content.
  const parts: Element[] = [];
  const parent = top.parentElement;
  if (!parent) return { top, parts: [top] };
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.getAttribute('class') || '';
  const sibs = parent.children;
  for (let i = 0; i < sibs.length && i < 200; i++) {
    const s = sibs[i];
    if (s === top) {
      parts.push(s);
      continue;
    }
    if (SKIP_TAGS.has(s.tagName) || isHidden(s)) continue;
    let bonus = 0;
    if (topClass && s.getAttribute('class') === topClass) bonus += topScore * 0.2;
    const sc = scores.get(s);
    if (sc !== undefined && sc * (1 - linkDensity(s)) + bonus >= threshold) {
      parts.push(s);
      continue;
    }
    if (s.tagName === 'P' || (s.tagName === 'DIV' && s.children.length === 0)) {
      const len = textLength(s);
      const ld = linkDensity(s);
      const t = (s.textContent || '').trim();
      if ((len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld === 0 && /\.( |$)/.test(t))) parts.push(s);
    }
  }
  return { top, parts };
}

interface Seg {
  node: Text;
  nodeOffset: number;
  at: number;
  length: number;
}
interface Para {
  text: string;
  segs: Seg[];
  tag: string;
  /** Characters of text inside links. */
  linked: number;
}

/** Serialise `parts` into paragraphs, skipping boilerplate, recording verbatim text runs; `cut` when a size limit stopped it. */
function* serialise(parts: Element[], root: Element): Generator<void, { paras: Para[]; cut: boolean }> {
  const paras: Para[] = [];
  let cut = false;
  let cur: Para = { text: '', segs: [], tag: '', linked: 0 };
  let inLink = 0;
  let space = false;
  let budget = MAX_NODES;
  let chars = 0;
  const flush = () => {
    if (cur.text) paras.push(cur);
    cur = { text: '', segs: [], tag: '', linked: 0 };
    space = false;
  };
  const RUN = /\S+(?: \S+)*/g;
  const onText = (node: Text) => {
    const data = node.data;
    if (!data) return;
    if (chars > MAX_TEXT) {
      cut = true;
      return;
    }
    RUN.lastIndex = 0;
    let m: RegExpExecArray | null;
    let end = 0;
    while ((m = RUN.exec(data))) {
      if (m.index > end || (m.index > 0 && end === 0)) space = true;
      if (space && cur.text) cur.text += ' ';
      space = false;
      cur.segs.push({ node, nodeOffset: m.index, at: cur.text.length, length: m[0].length });
      cur.text += m[0];
      chars += m[0].length;
      if (inLink) cur.linked += m[0].length;
      end = m.index + m[0].length;
    }
    if (end < data.length) space = true;
  };
  const skip = (el: Element): boolean => {
    if (SKIP_TAGS.has(el.tagName) || isHidden(el)) return true;
    const a = attrs(el);
    if (a.length > 1 && BOILERPLATE.test(a.replace(/([a-z])([A-Z])/g, '$1 $2')) && !/articleBody|article-body|story-body|post-body|entry-content/i.test(a)) return true;
    const tag = el.tagName;
    if (tag === 'DIV' || tag === 'SECTION' || tag === 'UL' || tag === 'OL' || tag === 'TABLE') {
      // Readability's conditional cleaning: link lists and short, link-heavy blocks.
      const text = el.textContent || '';
      if (text.length > 20_000) return false;
      const len = text.replace(/\s+/g, ' ').trim().length;
      if (!len) return true;
      if (tag === 'TABLE' && el.getElementsByTagName('th').length > 0 && el.getElementsByTagName('tr').length >= 3) return false; // data table
      const ld = linkLength(el) / len;
      if (ld > 0.5 && len < 2000) return true;
      if ((tag === 'UL' || tag === 'OL') && ld > 0.35) return true;
      if (ld > 0.25 && len < 200 && el.getElementsByTagName('p').length === 0) return true;
    }
    return false;
  };
  /** Depth-first over `el`'s subtree with an explicit stack, so that the walk can pause anywhere. */
  function* walk(el: Element): Generator<void> {
    interface Frame {
      next: ChildNode | null;
      block: boolean;
      link: boolean;
    }
    const stack: Frame[] = [{ next: el.firstChild, block: false, link: false }];
    let visited = 0;
    while (stack.length) {
      const frame = stack[stack.length - 1]!;
      const n = frame.next;
      if (!n || budget <= 0) {
        if (n) cut = true;
        stack.pop();
        if (frame.link) inLink--;
        if (frame.block) flush();
        continue;
      }
      frame.next = n.nextSibling;
      budget--;
      if (++visited % (10 * SLICE) === 0) yield;
      if (n.nodeType === 3) onText(n as Text);
      else if (n.nodeType === 1) {
        const c = n as Element;
        const tag = c.tagName;
        if (tag === 'BR') {
          flush();
          continue;
        }
        if (c !== root && skip(c)) continue;
        const block = BLOCK_TAGS.has(tag);
        if (block) {
          flush();
          cur.tag = tag;
        }
        const link = tag === 'A';
        if (link) inLink++;
        if (stack.length > 60) {
          // Too deep to be article text: closed at once, as if empty.
          if (link) inLink--;
          if (block) flush();
          continue;
        }
        stack.push({ next: c.firstChild, block, link });
      }
    }
  }
  for (const p of parts) {
    flush();
    if (p !== root && skip(p)) continue;
    cur.tag = p.tagName;
    yield* walk(p);
    flush();
  }
  return { paras, cut };
}

const JUNK = /^(advertisement|anzeige|publicité|publicidade|werbung|sponsored|read more|read next|read also|lire aussi|leia (também|mais)|see also|related:?|more:|click here|sign up|subscribe|follow us|share this|share on|image:|photo:|foto:|getty images|reuters$|afp$|ap photo|copyright|©|all rights reserved|\(?(photo|image|credit|picture)s?\b)/i;
const BYLINE = /^([Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor)\s+\p{Lu}[\p{L}.'’-]+(\s+(and\s+)?\p{Lu}[\p{L}.'’-]+){0,5}\s*($|,|\||•|·|-|—|\d)/u;
const DATELINE = /^((published|updated|posted|last updated?|last update|first published|veröffentlicht|aktualisiert|publié|mis à jour|publicado|atualizado)\b.{0,60}|\p{L}+\.? \d{1,2},? \d{4}.{0,25}|\d{1,2}\.? \p{L}+\.? \d{4}.{0,25})$/iu;

const FURNITURE = /^(see more|see also|don'?t miss|more on this|more from|related (articles?|stories|coverage|content)|recommended|most read|watch( now)?:|listen:|read:|also read|trending|top stories|latest|you may also like|what to read next|in pictures)\b/i;
const OUTRO = /\b(follow (us|him|her|them|me) on|join our|sign up for|subscribe to|let us know at|contact us at|email us at|newsletter)\b/i;

function keep(p: Para, title: string): boolean {
  const t = p.text;
  if (p.linked > t.length * 0.5 && t.length < 400 && p.tag !== 'TD' && p.tag !== 'TH') return false;
  if (t.length < 200 && FURNITURE.test(t)) return false;
  if (t.length < 30 && /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u.test(t) && t.split(' ').length <= 4) return false;
  if (t.length < 140) {
    if (JUNK.test(t)) return false;
    if (BYLINE.test(t)) return false;
    if (DATELINE.test(t)) return false;
    if (title && t.toLowerCase() === title.toLowerCase()) return false;
    if (/^(share|tweet|email|print|comments?|facebook|twitter|whatsapp|linkedin|pinterest|reddit)(\s*[|/·•]?\s*(share|tweet|email|print|comments?|facebook|twitter|whatsapp|linkedin|pinterest|reddit))*$/i.test(t)) return false;
  }
  return true;
}

/** Extract the article of `doc` (metadata, plain body text, and the text→DOM map). Never throws. */
export function extractArticle(doc: Document, options?: { url?: string }): Extraction {
  const steps = extractArticleSteps(doc, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `extractArticle` as a generator that pauses between short steps (each a fraction of the work,
 * whatever the page's size), so the content script can yield the main thread between them and
 * never hold it for a long task. Core code stays free of timers: the caller decides when to resume.
 */
export function* extractArticleSteps(doc: Document, options?: { url?: string }): Generator<void, Extraction> {
  const url = options?.url;
  let root: Element | null = null;
  let paras: Para[] = [];
  let truncated = false;
  let bylineHint: Element | null = null;
  try {
    // As Readability: first without the blocks whose class/id looks like boilerplate, and again
    // with them when that leaves too little text.
    for (const strict of [true, false]) {
      const found = yield* findRoot(doc, strict);
      if (!found) continue;
      const { paras: ps, cut } = yield* serialise(found.parts, found.top);
      yield;
      const len = ps.reduce((n, p) => n + p.text.length, 0);
      if (len > paras.reduce((n, p) => n + p.text.length, 0)) {
        root = found.top;
        paras = ps;
        truncated = cut;
      }
      if (len >= 500) break;
    }
    if (root) bylineHint = findBylineEl(doc, root);
  } catch {
    paras = [];
    truncated = false;
  }
  yield;
  let meta;
  try {
    meta = extractMeta(doc, url, bylineHint);
  } catch {
    meta = { title: '', byline: null, siteName: null, lang: null, published: null, modified: null };
  }
  paras = paras.filter((p) => keep(p, meta.title));
  // Short label-like lines before the first / after the last real paragraph ("Text size", kickers,
  // section names, "Topics") are page furniture.
  const stub = (p: Para) => p.text.length < 40 && !/[.!?:;…"”»)]$/.test(p.text);
  while (paras.length && stub(paras[0])) paras.shift();
  while (paras.length && (stub(paras[paras.length - 1]) || (paras[paras.length - 1].text.length < 400 && OUTRO.test(paras[paras.length - 1].text)))) paras.pop();
  const pieces: TextPiece[] = [];
  let text = '';
  for (const p of paras) {
    if (text) text += '\n\n';
    const base = text.length;
    text += p.text;
    for (const s of p.segs) pieces.push({ node: s.node, nodeOffset: s.nodeOffset, textOffset: base + s.at, length: s.length });
  }
  return { article: { ...meta, text }, pieces, root, truncated };
}

/** A short "By …" element near the content (for byline and date when metadata is missing). */
function findBylineEl(doc: Document, root: Element): Element | null {
  const scope = root.parentElement?.parentElement || doc.body;
  if (!scope) return null;
  const els = scope.querySelectorAll('p, div, span, address');
  for (let i = 0; i < els.length && i < 400; i++) {
    const e = els[i];
    const t = (e.textContent || '').replace(/\s+/g, ' ').trim();
    if (t.length > 3 && t.length < 160 && BYLINE.test(t)) return e;
  }
  return null;
}
