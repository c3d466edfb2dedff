/** schema.org JSON-LD reading shared by the detector and the extractor (bounded, never throws). */

export type LdObject = Record<string, unknown>;

const MAX_SCRIPTS = 12;
const MAX_CHARS = 300_000;

function typesOf(o: LdObject): string[] {
  const t = o['@type'];
  const list = Array.isArray(t) ? t : t == null ? [] : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#]/, ''));
}

/**
 * The page-level JSON-LD objects: top-level objects, members of arrays and @graph, and their
 * mainEntity / mainEntityOfPage objects. Nested objects (authors, list items…) are not returned.
 */
export function readJsonLd(doc: Document): { objects: LdObject[]; types: string[] } {
  let scripts: ArrayLike<Element> = [];
  try {
    scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  } catch {
    scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  }
  return readJsonLdScripts(scripts);
}

/** `readJsonLd` over JSON-LD script elements the caller has already found. */
export function readJsonLdScripts(scripts: ArrayLike<Element>): { objects: LdObject[]; types: string[] } {
  const objects: LdObject[] = [];
  const add = (v: unknown, depth: number): void => {
    if (depth > 3 || objects.length > 40 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v.slice(0, 40)) add(x, depth + 1);
      return;
    }
    const o = v as LdObject;
    if (o['@graph']) add(o['@graph'], depth + 1);
    if (o['@type']) objects.push(o);
    for (const k of ['mainEntity', 'mainEntityOfPage']) {
      const m = o[k];
      if (m && typeof m === 'object' && (m as LdObject)['@type']) add(m, depth + 1);
    }
  };
  for (let i = 0; i < scripts.length && i < MAX_SCRIPTS; i++) {
    let src = scripts[i]!.textContent || '';
    if (src.length > MAX_CHARS) continue;
    src = src.replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[)/, '').replace(/(-->|\/\/\s*\]\]>)\s*$/, '').trim().replace(/;\s*$/, '');
    try {
      add(JSON.parse(src), 0);
    } catch {
      // Invalid JSON (common: raw newlines in strings): retry with control characters removed.
      try {
        add(JSON.parse(src.replace(/[\u0000-\u001f]+/g, ' ')), 0);
      } catch {
        /* ignore */
      }
    }
  }
  const types: string[] = [];
  for (const o of objects) for (const t of typesOf(o)) if (!types.includes(t)) types.push(t);
  return { objects, types };
}

export function ldTypes(o: LdObject): string[] {
  return typesOf(o);
}

/** schema.org types that denote a news article. */
export const NEWS_TYPES = /^(NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|LiveBlogPosting)$/;
/** Generic article types. */
export const ARTICLE_TYPES = /^(Article|Report|SatiricalArticle)$/;
/** Long-form pages that are not news. */
export const OTHER_TYPES = /^(BlogPosting|TechArticle|ScholarlyArticle|MedicalWebPage|MedicalScholarlyArticle|HowTo|Recipe|APIReference|Guide|Course|Book|Chapter|SocialMediaPosting|FAQPage)$/;
/** Pages that are not articles at all. */
export const NOT_TYPES = /^(Product|ProductGroup|Offer|AggregateOffer|CollectionPage|ItemList|SearchResultsPage|ProfilePage|VideoObject|VideoGallery|ImageGallery|MediaGallery|DiscussionForumPosting|QAPage|Event|Movie|MusicRecording|MusicAlbum|SoftwareApplication|WebApplication|MobileApplication|Store|LocalBusiness|Restaurant|Hotel|JobPosting|Review|RealEstateListing|CheckoutPage|ContactPage)$/;

/** First string value of a JSON-LD property (handles strings, arrays, {name}, {@value}). */
export function ldString(v: unknown, depth = 0): string | null {
  if (v == null || depth > 3) return null;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = ldString(x, depth + 1);
      if (s) return s;
    }
    return null;
  }
  if (typeof v === 'object') {
    const o = v as LdObject;
    return ldString(o.name ?? o['@value'], depth + 1);
  }
  return null;
}
