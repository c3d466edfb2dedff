import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../core/dom/parse-html';
import { detectArticle } from '../../../core/detect/index';
import { isoDate, textDate, urlDate } from '../../../core/detect/dates';

import { CORPUS, FIXTURES } from '../../../scripts/paths';
interface Entry {
  file: string;
  url: string | null;
  label: 'news' | 'article-other' | 'not-article';
}
const dev: Entry[] = JSON.parse(readFileSync(join(CORPUS, 'dev.json'), 'utf8'));
const load = (dir: string, f: string) => parseHtml(readFileSync(join(dir, f), 'utf8'));

describe('detectArticle on the dev corpus', () => {
  for (const e of dev) {
    it(`${e.file} is ${e.label === 'news' ? 'news' : 'not news'}`, () => {
      const d = detectArticle(load(join(CORPUS, 'pages'), e.file), e.url || undefined);
      expect(d.isArticle).toBe(e.label === 'news');
      expect(d.isArticle).toBe(d.kind === 'news');
      expect(d.score).toBeGreaterThanOrEqual(0);
      expect(d.score).toBeLessThanOrEqual(1);
      expect(d.signals.length).toBeGreaterThan(0);
    });
  }
  it('gets the three-way kind right on at least 48 of 50 pages', () => {
    let ok = 0;
    for (const e of dev) if (detectArticle(load(join(CORPUS, 'pages'), e.file), e.url || undefined).kind === e.label) ok++;
    expect(ok).toBeGreaterThanOrEqual(48);
  });
});

describe('detectArticle on the seed fixtures', () => {
  it('seed article (full metadata) is news', () => {
    const d = detectArticle(load(FIXTURES, 'seed-article.html'));
    expect(d).toMatchObject({ isArticle: true, kind: 'news' });
    expect(d.signals).toContain('json-ld:NewsArticle');
    expect(d.signals).toContain('og:type=article');
  });
  it('bare seed article (no metadata, divs only, no URL) is news', () => {
    const d = detectArticle(load(FIXTURES, 'seed-article-bare.html'));
    expect(d).toMatchObject({ isArticle: true, kind: 'news' });
    expect(d.signals).toContain('byline+date');
  });
  it('news front page is not an article', () => {
    const d = detectArticle(load(FIXTURES, 'news-front-page.html'));
    expect(d.isArticle).toBe(false);
    expect(d.kind).toBe('not-article');
  });
  it('does not modify the DOM', () => {
    const doc = load(FIXTURES, 'seed-article.html');
    const before = doc.documentElement.outerHTML;
    detectArticle(doc, 'https://example.com/2024/05/02/azerbaijan-rejects-french-allegations');
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('detectArticle on addresses that name an item in the query', () => {
  // WordPress's plain permalinks put every post at the site's root path ("/?p=123"); some CMSs do
  // the same with "?id=". Such a page is not the home page.
  const news = dev.filter((e) => e.label === 'news');
  it('finds the dev news pages at /?p=… as at their own address', () => {
    let found = 0;
    for (const e of news) {
      const d = detectArticle(load(join(CORPUS, 'pages'), e.file), 'https://site.example/?p=4821');
      expect(d.signals).not.toContain('url:root');
      if (d.isArticle) found++;
    }
    expect(found).toBeGreaterThanOrEqual(news.length - 1);
  });
  it('still reads the bare root, and a search at the root, as the home page', () => {
    for (const url of ['https://site.example/', 'https://site.example/?s=ukraine', 'https://site.example/?utm_source=x']) {
      const d = detectArticle(load(FIXTURES, 'news-front-page.html'), url);
      expect(d.signals).toContain('url:root');
      expect(d.isArticle).toBe(false);
    }
  });
});

describe('detectArticle on odd inputs', () => {
  const odd: [string, string][] = [
    ['empty string', ''],
    ['whitespace', '   \n '],
    ['text only', 'just some text'],
    ['binary garbage', Array.from({ length: 20000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('')],
    ['broken markup', '<html><body><p>Unclosed <div><article><p>' + 'word, '.repeat(300) + '<table><td><p>x</article></span></html>'],
    ['deep nesting', '<div>'.repeat(5000) + 'deep' + '</div>'.repeat(5000)],
    ['bad json-ld', '<script type="application/ld+json">{"@type": "NewsArticle", broken</script><p>hi</p>'],
    ['json-ld graph', '<script type="application/ld+json">{"@graph":[{"@type":["WebPage"]},{"@type":"CollectionPage"}]}</script>'],
  ];
  for (const [name, html] of odd) {
    it(`never throws: ${name}`, () => {
      const d = detectArticle(parseHtml(html));
      expect(d.isArticle).toBe(false);
      expect(['news', 'article-other', 'not-article']).toContain(d.kind);
    });
  }
  it('a 20 MB page finishes (time is measured by npm run bench)', () => {
    const para = '<p>' + 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(8) + '</p>';
    const html = '<html><body><div class="teasers">' + ('<article><h2><a href="/x">Headline here</a></h2>' + para + '</article>').repeat(Math.ceil(20.5e6 / (para.length + 60))) + '</div></body></html>';
    expect(html.length).toBeGreaterThan(20e6);
    const doc = parseHtml(html);
    const d = detectArticle(doc);
    expect(d.isArticle).toBe(false);
  }, 120_000);
  it('finds schema.org types in @graph and arrays', () => {
    const body = '<p>' + 'Reporting, with commas, and more words in a long sentence. '.repeat(6) + '</p>';
    const html = (ld: string) => `<html><head><script type="application/ld+json">${ld}</script></head><body><article>${body.repeat(6)}</article></body></html>`;
    expect(detectArticle(parseHtml(html('{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle"}]}'))).signals).toContain('json-ld:NewsArticle');
    expect(detectArticle(parseHtml(html('[{"@type":"Organization"},{"@type":["OpinionNewsArticle"]}]'))).signals).toContain('json-ld:OpinionNewsArticle');
    expect(detectArticle(parseHtml(html('{"@type":"Product","name":"x"}'))).kind).toBe('not-article');
  });
});

describe('detectArticle reads <meta> as the whole document does', () => {
  const body = '<p>' + 'Reporting, with commas, and more words in a long sentence. '.repeat(6) + '</p>';
  const page = (head: string, bodyMetas: string) => `<html><head>${head}</head><body>${bodyMetas}<article>${body.repeat(6)}</article></body></html>`;
  it('finds metadata that is only in the body', () => {
    expect(detectArticle(parseHtml(page('<meta name="viewport" content="width=device-width">', '<meta property="og:type" content="article">'))).signals).toContain('og:type=article');
    expect(detectArticle(parseHtml(page('', '<meta property="og:type" content="product">'))).kind).toBe('not-article');
  });
  it('takes the first value in document order: the head before the body', () => {
    const d = detectArticle(parseHtml(page('<meta property="og:type" content="article">', '<meta property="og:type" content="product">')));
    expect(d.signals).toContain('og:type=article');
    expect(d.signals).not.toContain('og:type=product');
  });
  it('reads a page whose first element is not the head', () => {
    const html = `<html><meta property="og:type" content="product"><head><meta property="og:type" content="article"></head><body><article>${body.repeat(6)}</article></body></html>`;
    expect(detectArticle(parseHtml(html)).signals).toContain('og:type=product');
  });
  it('does not count short paragraphs in page chrome', () => {
    const teaser = '<p>' + 'Short teaser text for another story, with a few words. '.repeat(2) + '</p>';
    const d = detectArticle(parseHtml(`<html><head></head><body><nav><div>${teaser.repeat(8)}</div></nav></body></html>`));
    expect(d.signals).toContain('paragraphs:0');
  });
});

describe('date helpers', () => {
  it('reads machine dates literally (publisher local date)', () => {
    expect(isoDate('2024-05-02T09:00:00+04:00')).toBe('2024-05-02');
    expect(isoDate('2016-02-01 01:28:49')).toBe('2016-02-01');
    expect(isoDate('20191118')).toBe('2019-11-18');
    expect(isoDate('garbage')).toBeNull();
  });
  it('reads dates in text', () => {
    expect(textDate('By Ilham Karimli, May 2, 2024')).toBe('2024-05-02');
    expect(textDate('24 July 2015')).toBe('2015-07-24');
    expect(textDate('04.05.2015 à 13h36')).toBe('2015-05-04');
    expect(textDate('21.dez.2018 às 14h00')).toBe(null);
    expect(textDate('21 de dezembro de 2018')).toBe('2018-12-21');
    expect(textDate('nothing here')).toBeNull();
  });
  it('reads dates in URLs', () => {
    expect(urlDate('https://www.nytimes.com/2019/11/18/business/x.html')).toBe('2019-11-18');
    expect(urlDate('https://www.theguardian.com/commentisfree/2019/nov/18/x')).toBe('2019-11-18');
    expect(urlDate('https://example.com/about')).toBeNull();
  });
});
