/** Article metadata: title, byline, site name, language, first-publication and modification dates. */
import type { ArticleMeta } from '../types';
import { isoDate, textDate, urlDate } from '../detect/dates';
import { ARTICLE_TYPES, NEWS_TYPES, OTHER_TYPES, ldString, ldTypes, readJsonLd, type LdObject } from '../detect/jsonld';

const UPDATE_RE = /updat|modif|aktualisiert|mis à jour|atualiza|actualiza|edited|revised/i;

function metaContent(doc: Document, selectors: string[]): string | null {
  for (const sel of selectors) {
    let els: ArrayLike<Element>;
    try {
      els = doc.querySelectorAll(sel);
    } catch {
      continue;
    }
    for (let i = 0; i < els.length && i < 5; i++) {
      const v = els[i].getAttribute('content') || els[i].getAttribute('datetime') || els[i].getAttribute('value');
      if (v && v.trim()) return v.trim();
    }
  }
  return null;
}

function clean(s: string | null | undefined): string {
  return (s || '').replace(/\s+/g, ' ').trim();
}

function norm(s: string): string {
  return clean(s)
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»„]/g, '"');
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|quot|#39|apos|lt|gt|nbsp);/g, (_, e: string) => ({ amp: '&', quot: '"', '#39': "'", apos: "'", lt: '<', gt: '>', nbsp: ' ' })[e] || '');
}

/** The page's main schema.org article object, if any. */
function mainLd(objects: LdObject[]): LdObject | null {
  const rank = (o: LdObject): number => {
    const t = ldTypes(o);
    if (t.some((x) => NEWS_TYPES.test(x))) return 3;
    if (t.some((x) => ARTICLE_TYPES.test(x) || OTHER_TYPES.test(x))) return 2;
    if (o.datePublished || o.headline) return 1;
    return 0;
  };
  let best: LdObject | null = null;
  let br = 0;
  for (const o of objects) {
    const r = rank(o);
    if (r > br) {
      best = o;
      br = r;
    }
  }
  return best;
}

function stripSiteFromTitle(title: string, site: string | null): string {
  const parts = title.split(/\s+[|–—•·:»-]\s+/);
  if (parts.length < 2) return title;
  if (site) {
    const s = norm(site);
    const kept = parts.filter((p) => !norm(p).includes(s) && !s.includes(norm(p)));
    if (kept.length && kept.length < parts.length) return kept.join(' - ');
  }
  // Keep the longest part (the headline), typical "Headline | Section | Site".
  let best = parts[0];
  for (const p of parts) if (p.length > best.length) best = p;
  return best.split(/\s+/).length >= 4 ? best : title;
}

function h1Title(doc: Document, candidates: string[]): string | null {
  const hs = doc.getElementsByTagName('h1');
  let first: string | null = null;
  for (let i = 0; i < hs.length && i < 10; i++) {
    const t = clean(hs[i].textContent);
    if (t.length < 8 || t.length > 300) continue;
    if (!first) first = t;
    const n = norm(t);
    if (candidates.some((c) => c && (norm(c).includes(n) || n.includes(norm(c))))) return t;
  }
  return candidates.some(Boolean) ? null : first;
}

export function extractMeta(doc: Document, url?: string, bylineHint?: Element | null): ArticleMeta {
  const { objects } = readJsonLd(doc);
  const ld = mainLd(objects);
  const siteName =
    clean(metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]', 'meta[name="publisher"]'])) ||
    (ld && ldString((ld.publisher as LdObject | undefined) ?? null)) ||
    null;

  // Title
  const ogTitle = decodeEntities(clean(metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="title"]'])));
  const ldTitle = ld ? clean(ldString(ld.headline) || ldString(ld.name)) : '';
  const docTitle = clean(doc.title || doc.querySelector('title')?.textContent || '');
  const h1 = h1Title(doc, [ogTitle, ldTitle, docTitle]);
  // The publisher's social title is the most deliberate one; then the schema.org headline, the <h1>
  // that agrees with the <title>, and the <title> without the site name.
  const title = (ogTitle.length > 3 ? ogTitle : '') || (ldTitle.length > 8 ? ldTitle : '') || h1 || stripSiteFromTitle(docTitle, siteName);

  // Byline
  let byline: string | null = null;
  if (ld) {
    const a = ld.author;
    const list = Array.isArray(a) ? a : a ? [a] : [];
    const names = list.map((x) => ldString(x)).filter((x): x is string => !!x && !/^https?:/.test(x));
    if (names.length) byline = names.slice(0, 4).join(', ');
  }
  if (!byline) byline = clean(metaContent(doc, ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]', 'meta[name="sailthru.author"]'])) || null;
  if (byline && /^https?:/.test(byline)) byline = null;
  if (!byline) {
    const el = doc.querySelector('[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"], [class*="byline"], [class*="Byline"]');
    const t = el ? clean(el.textContent) : '';
    if (t && t.length < 120) byline = t;
  }
  if (!byline && bylineHint) byline = clean(bylineHint.textContent);
  if (byline) {
    byline = byline
      .replace(/^\s*(by|von|par|por|di|door)\s+/i, '')
      .replace(/\s*[,|·•–—-]?\s*(\d{1,2}\s+\p{L}+\.?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}).*$/u, '')
      .replace(/[,\s]+$/, '')
      .trim();
    if (!byline || byline.length > 120) byline = null;
  }

  // Language
  const lang =
    clean(doc.documentElement?.getAttribute('lang') || doc.documentElement?.getAttribute('xml:lang')) ||
    (ld && clean(ldString(ld.inLanguage))) ||
    clean(metaContent(doc, ['meta[http-equiv="content-language"]', 'meta[property="og:locale"]'])).replace('_', '-') ||
    null;

  // Dates
  const ldPub = ld ? isoDate(ldString(ld.datePublished) || ldString(ld.dateCreated)) : null;
  const ldMod = ld ? isoDate(ldString(ld.dateModified)) : null;
  let anyLdPub: string | null = null;
  if (!ldPub) for (const o of objects) if (!anyLdPub && typeof o.datePublished === 'string') anyLdPub = isoDate(o.datePublished);
  const metaPub = isoDate(
    metaContent(doc, [
      'meta[property="article:published_time"]',
      'meta[property="article:published"]',
      'meta[property="og:published_time"]',
      'meta[name="article:published_time"]',
      '[itemprop~="datePublished"]',
      'meta[name="pubdate"]',
      'meta[name="publishdate"]',
      'meta[name="publish-date"]',
      'meta[name="parsely-pub-date"]',
      'meta[name="sailthru.date"]',
      'meta[name="DC.date.issued"]',
      'meta[name="dcterms.created"]',
      'meta[name="DC.date"]',
      'meta[name="date"]',
      'meta[name="dc.date"]',
    ]),
  );
  const metaMod = isoDate(
    metaContent(doc, ['meta[property="article:modified_time"]', 'meta[property="article:modified"]', 'meta[property="og:updated_time"]', '[itemprop~="dateModified"]', 'meta[name="last-modified"]']),
  );
  let timePub: string | null = null;
  let timeMod: string | null = null;
  const times = doc.getElementsByTagName('time');
  for (let i = 0; i < times.length && i < 30; i++) {
    const t = times[i];
    const ctx = (t.getAttribute('class') || '') + ' ' + (t.getAttribute('itemprop') || '') + ' ' + (t.parentElement?.getAttribute('class') || '') + ' ' + clean(t.parentElement?.textContent).slice(0, 60);
    const v = isoDate(t.getAttribute('datetime')) || textDate(clean(t.textContent));
    if (!v) continue;
    if (UPDATE_RE.test(ctx)) {
      if (!timeMod) timeMod = v;
    } else if (!timePub && !t.closest('aside, nav, footer, li')) timePub = v;
  }
  let textPub: string | null = null;
  if (bylineHint) textPub = textDate(clean(bylineHint.textContent));
  if (!textPub) {
    const els = doc.querySelectorAll('[class*="byline"], [class*="dateline"], [class*="date"], [class*="time"], [class*="published"], [class*="meta"]');
    for (let i = 0; i < els.length && i < 40 && !textPub; i++) {
      const t = clean(els[i].textContent);
      if (t.length > 200 || UPDATE_RE.test(t.slice(0, 40)) || els[i].closest('aside, nav, footer, li')) continue;
      textPub = textDate(t);
    }
  }
  const published = ldPub || metaPub || anyLdPub || timePub || textPub || urlDate(url) || null;
  let modified = ldMod || metaMod || timeMod || null;
  if (modified && published && modified < published) modified = null;

  return { title: title || '', byline, siteName: siteName || null, lang: lang || null, published, modified };
}
