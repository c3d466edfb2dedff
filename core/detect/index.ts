/**
 * Is this page a news article? Runs on every page in the always-on content script, so it stays
 * small and cheap: bounded DOM queries and textContent lengths only, no layout, no DOM changes.
 * Works the same on a live page and on a Node (linkedom / happy-dom) Document.
 */
import type { Detection, PageKind } from '../types';
import { textDate, urlHasDate } from './dates';
import { ARTICLE_TYPES, NEWS_TYPES, NOT_TYPES, OTHER_TYPES, readJsonLdScripts } from './jsonld';

const MAX_P = 1500;
const MAX_DIV = 4000;
const LONG = 80;
const INLINE = new Set('A B I EM STRONG SPAN BR SMALL SUP SUB Q CITE TIME ABBR MARK U FONT'.split(' '));

const BYLINE_RE = /^\s*([Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Tt]exto:?)\s+\p{Lu}/u;

export interface BlockStats {
  /** Long text blocks (paragraphs) on the page with low link density. */
  paragraphs: number;
  chars: number;
  /** The densest container: paragraph count and characters. */
  clusterParagraphs: number;
  clusterChars: number;
  byline: boolean;
  bylineDate: boolean;
}

/** <meta> values by lower-cased property / name / itemprop: the first of each among (at most 400) `metas`. */
function readMetas(metas: HTMLCollectionOf<Element>): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i < metas.length && i < 400; i++) {
    const m = metas[i];
    const v = m.getAttribute('content');
    if (!v) continue;
    for (const a of ['property', 'name', 'itemprop']) {
      const k = m.getAttribute(a);
      if (k) for (const key of k.toLowerCase().split(/\s+/)) if (!map.has(key)) map.set(key, v.trim());
    }
  }
  return map;
}

/**
 * The page's <meta> values, read from the <head> and from the whole document only when asked for a
 * key the head does not have. The answers are those of the whole document (the head's metas come
 * first in it), but most pages keep their metadata in the head: a small subtree, where a
 * whole-document query walks every node in Node DOMs (linkedom).
 */
function metaReader(doc: Document): (key: string) => string | undefined {
  const head = doc.documentElement.firstElementChild;
  // Only a head that is the first element holds the document's first metas (always so in browsers).
  const first = head && head.localName === 'head' ? readMetas(head.getElementsByTagName('meta')) : null;
  let all: Map<string, string> | undefined;
  return (key) => (first?.has(key) ? first.get(key) : (all ??= readMetas(doc.getElementsByTagName('meta'))).get(key));
}

// Tag-name collections rather than attribute selectors: as fast in browsers, and Node DOMs
// (linkedom) match attribute selectors slowly.
function jsonLdScripts(doc: Document): Element[] {
  const out: Element[] = [];
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length && out.length < 12; i++) {
    const type = scripts[i]!.getAttribute('type');
    if (type && type.trim().toLowerCase() === 'application/ld+json') out.push(scripts[i]!);
  }
  return out;
}

/** A `<time itemprop="datePublished">` or `<time pubdate>`. */
function hasPublishedTime(doc: Document): boolean {
  const times = doc.getElementsByTagName('time');
  for (let i = 0; i < times.length && i < 200; i++) {
    const t = times[i]!;
    if (t.hasAttribute('pubdate') || /(^|\s)datePublished(\s|$)/.test(t.getAttribute('itemprop') || '')) return true;
  }
  return false;
}

function linkChars(el: Element, cap: number): number {
  const links = el.getElementsByTagName('a');
  let n = 0;
  for (let i = 0; i < links.length && i < 50 && n < cap; i++) n += (links[i].textContent || '').length;
  return n;
}

// Page chrome: a paragraph inside one of these (or that is one) is navigation, not text.
const CHROME = new Set(['nav', 'footer', 'aside', 'header', 'form', 'menu']);

/**
 * `el.closest('nav,footer,aside,header,form,menu')` as a loop over localName (lower case for HTML
 * elements, so the same matches): Node DOMs (linkedom) compile the selector on every call.
 */
function inChrome(el: Element): boolean {
  for (let a: Element | null = el; a; a = a.parentElement) if (CHROME.has(a.localName)) return true;
  return false;
}

/** Paragraph statistics: long, low-link-density text blocks and the container that holds most of them. */
export function blockStats(doc: Document): BlockStats {
  const groups = new Map<Element, { n: number; c: number }>();
  const st: BlockStats = { paragraphs: 0, chars: 0, clusterParagraphs: 0, clusterChars: 0, byline: false, bylineDate: false };
  const addTo = (el: Element | null, len: number, w: number) => {
    if (!el) return;
    const g = groups.get(el) || { n: 0, c: 0 };
    g.n += w;
    g.c += len * w;
    groups.set(el, g);
  };
  const consider = (el: Element): void => {
    const text = el.textContent || '';
    if (text.length > 30_000) return; // a "paragraph" wrapping the page: not a paragraph
    const t = text.trim();
    const len = t.length;
    if (len < LONG) {
      if (!st.byline && len > 4 && len < 160 && BYLINE_RE.test(t)) {
        st.byline = true;
        st.bylineDate = textDate(t) !== null;
      }
      return;
    }
    if (linkChars(el, len) > len * 0.4) return;
    if (len < 400 && inChrome(el)) return;
    st.paragraphs++;
    st.chars += len;
    const parent = el.parentElement;
    addTo(parent, len, 1);
    addTo(parent && parent.parentElement, len, 1);
  };
  const ps = doc.getElementsByTagName('p');
  for (let i = 0; i < ps.length && i < MAX_P; i++) consider(ps[i]);
  if (st.paragraphs < 4) {
    // Pages that write paragraphs as text-only <div>s.
    const divs = doc.getElementsByTagName('div');
    for (let i = 0; i < divs.length && i < MAX_DIV; i++) {
      // A paragraph-like div has text of its own and only inline children.
      let own = false;
      let ok = true;
      let k = 0;
      for (let n = divs[i].firstChild; n; n = n.nextSibling) {
        if (++k > 16) {
          ok = false;
          break;
        }
        if (n.nodeType === 3) {
          if (!own && (n.nodeValue || '').length > 20) own = true;
        } else if (n.nodeType === 1 && !INLINE.has((n as Element).tagName)) {
          ok = false;
          break;
        }
      }
      if (own && ok) consider(divs[i]);
    }
  }
  for (const g of groups.values()) {
    if (g.c > st.clusterChars) {
      st.clusterChars = g.c;
      st.clusterParagraphs = g.n;
    }
  }
  return st;
}

function urlInfo(url: string | undefined): { path: string; host: string } | null {
  if (!url) return null;
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)(\?[^#]*)?/i.exec(url);
  if (!m) return null;
  return { host: m[1].toLowerCase(), path: (m[2] || '/') + (m[3] || '') };
}

const OG_ARTICLE = /^(article|news|blog|.*:article)$/i;

/** Decide whether `doc` is a news article. Never throws. */
export function detectArticle(doc: Document, url?: string): Detection {
  try {
    return detect(doc, url);
  } catch {
    return { isArticle: false, kind: 'not-article', score: 0, signals: ['error'] };
  }
}

function detect(doc: Document, url?: string): Detection {
  const signals: string[] = [];
  let news = -1; // log-odds that this is a news article
  let other = 0; // evidence for "long-form but not news"
  let not = 0; // evidence for "not an article at all"
  const sig = (s: string, dn: number, dother = 0, dnot = 0) => {
    signals.push(s);
    news += dn;
    other += dother;
    not += dnot;
  };
  if (!doc || !doc.documentElement) return { isArticle: false, kind: 'not-article', score: 0, signals: ['empty'] };
  const meta = metaReader(doc);
  if (!url) {
    try {
      const u = doc.location?.href || doc.URL;
      if (u && /^https?:/.test(u) && !/^https?:\/\/(localhost|127\.)/.test(u)) url = u;
    } catch {
      /* no location */
    }
    const canon = meta('og:url') || doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
    if (!url && canon && /^https?:\/\//.test(canon)) url = canon;
  }

  // schema.org
  const ld = readJsonLdScripts(jsonLdScripts(doc));
  const micro: string[] = [];
  const items = doc.querySelectorAll('[itemtype]');
  for (let i = 0; i < items.length && i < 30; i++) {
    const t = (items[i].getAttribute('itemtype') || '').replace(/^.*[/#]/, '');
    if (t && !micro.includes(t)) micro.push(t);
  }
  const types = ld.types.concat(micro);
  const ldNews = types.find((t) => NEWS_TYPES.test(t));
  const ldArticle = types.find((t) => ARTICLE_TYPES.test(t));
  const ldOther = types.find((t) => OTHER_TYPES.test(t));
  const ldNot = types.find((t) => NOT_TYPES.test(t));
  if (ldNews) sig('json-ld:' + ldNews, 3);
  else if (ldArticle) sig('json-ld:' + ldArticle, 1.2);
  if (ldOther && !ldNews) sig('json-ld:' + ldOther, 0, 2);
  if (ldNot && !ldNews && !ldArticle) sig('json-ld:' + ldNot, -2, 0, 2);

  // Open Graph and dates
  const og = (meta('og:type') || '').toLowerCase();
  if (og) {
    if (OG_ARTICLE.test(og)) sig('og:type=article', 1);
    else if (og === 'website') sig('og:type=website', -0.7);
    else sig('og:type=' + og.slice(0, 20), -2.5, 0, 2);
  }
  // URL shape
  const u = urlInfo(url);
  if (u) {
    const path = u.path.toLowerCase();
    const segs = path.split(/[?#]/)[0].split('/').filter(Boolean);
    const slugWords = Math.max(0, ...segs.map((s) => s.replace(/\.[a-z]+$/, '').split(/[-_]/).filter((w) => /[a-z]/.test(w)).length));
    if (urlHasDate(url)) sig('url:dated-path', 0.8);
    if (/\/(news|story|stories|article|articles|politics|world|business|economy|nachrichten|noticias|noticia|actualite|actualites|notizie|nieuws|markets|opinion|commentisfree|editorial)(\/|$|[-_.?])/.test(path)) sig('url:news-path', 0.5);
    if (slugWords >= 4) sig('url:slug', 0.5);
    if (/\d{5,}/.test(path)) sig('url:id', 0.2);
    // A query naming one item ("/?p=123", WordPress's plain permalinks; "/news/?id=5") is a page of
    // its own, not the site's home page or a section front.
    const itemQuery = /[?&](p|id|story|article)=/.test(path);
    if (segs.length === 0 && !itemQuery) sig('url:root', -3, 0, 3);
    else if (!itemQuery && segs.length <= 2 && slugWords < 3 && !/\d{4,}/.test(path) && !urlHasDate(url)) sig('url:section', -1.2, 0, 1);
    if (/\/(section|sections|category|categories|tag|tags|topic|topics|themen|search|suche|recherche|author|authors|archive|watch|video|videos|av|gallery|galleries|photos|product|products|produkt|shop|store|cart|forum|forums|thread|threads|comments|reviews|user|users|profile|login|signin)(\/|$|[?_-])/.test(path) || /[?&](q|query|search|s)=/.test(path)) sig('url:listing', -1.5, 0, 1.5);
    if (/(^|\.)(blog|blogs|wiki|docs|doc|developer|developers|help|support|learn)\./.test(u.host) || /\/(blog|blogs|wiki|docs|documentation|manual|guide|guides|tutorial|tutorials|how-to|howto|learn|help|faq|book|books|chapter)(\/|$|[._-])|\/how_|\/@[a-z0-9_.-]+/.test(path)) sig('url:long-form', 0, 2);
  }

  // Strong non-article metadata (product, video, listing, home page): no need to look at the text.
  if (not >= 2 && !ldNews && !ldArticle) return finish('not-article');

  // Structure
  const st = blockStats(doc);
  signals.push('paragraphs:' + st.paragraphs);
  const shaped = st.clusterParagraphs >= 3 && st.clusterChars >= 800;
  if (st.clusterParagraphs >= 6 && st.clusterChars >= 2000) sig('cluster:long', 1.2);
  else if (shaped) sig('cluster:medium', 0.6);
  else sig('cluster:short', -2.5, 0, 2);

  const score0 = !shaped && !(ldNews && st.clusterChars >= 300);
  if (score0) return finish('not-article');

  // Publication date (only now: looking for <time> elements walks the whole page, and a page
  // without article-like text is not an article whatever its date)
  const published =
    ['article:published_time', 'article:published', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'date', 'dc.date.issued', 'parsely-pub-date', 'sailthru.date'].some((k) => meta(k) !== undefined) ||
    hasPublishedTime(doc) ||
    (ld.objects.some((o) => typeof o.datePublished === 'string') ? 'ld' : null);
  if (published) sig('published-date', 0.8);
  const section = meta('article:section');
  if (section) sig('article:section', 0.3);

  if (st.byline) sig(st.bylineDate ? 'byline+date' : 'byline', st.bylineDate ? 0.9 : 0.5);
  else if (doc.querySelector('[rel="author"], [itemprop="author"], [class*="byline"], [class*="Byline"], [class*="article-author"]')) sig('byline', 0.4);

  // Listing and long-form structure (only on pages that have article-like text).
  const articles = doc.getElementsByTagName('article').length;
  if (articles >= 6) sig('articles:' + articles, -1.2, 0, 1);
  let headings = 0;
  let headlineLinks = 0;
  for (const tag of ['h2', 'h3', 'h4']) {
    const hs = doc.getElementsByTagName(tag);
    if (tag !== 'h4') headings += hs.length;
    for (let i = 0; i < hs.length && i < 150; i++) if (hs[i].getElementsByTagName('a').length) headlineLinks++;
  }
  if (headlineLinks >= 12) sig('headline-links:' + headlineLinks, -0.8, 0, 0.8);
  const pres = doc.getElementsByTagName('pre').length;
  if (pres >= 2 || (pres === 0 && doc.getElementsByTagName('code').length >= 8)) sig('code', -0.5, 1.5);
  if (headings >= 12 && st.clusterParagraphs >= 6) sig('headings:' + headings, -0.3, 0.8);

  if (not >= 2 && !ldNews) return finish('not-article');
  if ((news >= 1 && other < 1.5) || (ldNews && news >= 2)) return finish('news');
  return finish('article-other');

  function finish(kind: PageKind): Detection {
    const score = Math.round((1 / (1 + Math.exp(-news))) * 1000) / 1000;
    return { isArticle: kind === 'news', kind, score, signals };
  }
}
