import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAllowed, MAX_ARTICLE_CHARS, parseRequest, senderRole } from '../../../core/protocol';

const detection = { isArticle: true, kind: 'news', score: 0.9, signals: ['json-ld:NewsArticle'] };
const article = { title: 'T', byline: null, siteName: null, lang: 'en', published: '2024-05-02', modified: null, text: 'Body' };
const EXT = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;

describe('parseRequest', () => {
  it('accepts each well-formed request', () => {
    expect(parseRequest({ type: 'page:detected', url: 'https://x.test/a', detection })).not.toBeNull();
    expect(parseRequest({ type: 'page:analyze', url: 'https://x.test/a', detection, article, truncated: false })).not.toBeNull();
    expect(parseRequest({ type: 'tab:get', tabId: 3 })).toEqual({ type: 'tab:get', tabId: 3 });
    expect(parseRequest({ type: 'tab:changed', tabId: 3 })).toEqual({ type: 'tab:changed', tabId: 3 });
    expect(parseRequest({ type: 'mention:reveal', key: 'france' })).toEqual({ type: 'mention:reveal', key: 'france' });
    expect(parseRequest({ type: 'card:load', tabId: 9, files: ['evil.js'] })).toEqual({ type: 'card:load' });
  });

  it('carries whether the article text was cut, and requires the sender to say', () => {
    const text = 'x'.repeat(MAX_ARTICLE_CHARS);
    expect(parseRequest({ type: 'page:analyze', url: 'u', detection, article: { ...article, text }, truncated: true })).toMatchObject({ truncated: true, article: { text } });
    expect(parseRequest({ type: 'page:analyze', url: 'u', detection, article, truncated: false })).toMatchObject({ truncated: false });
    expect(parseRequest({ type: 'page:analyze', url: 'u', detection, article })).toBeNull();
    expect(parseRequest({ type: 'page:analyze', url: 'u', detection, article, truncated: 'yes' })).toBeNull();
  });

  it('drops extra fields, so nothing unchecked reaches a handler', () => {
    expect(parseRequest({ type: 'tab:get', tabId: 1, evil: true })).toEqual({ type: 'tab:get', tabId: 1 });
  });

  it('rejects malformed shapes, types and sizes', () => {
    expect(parseRequest(null)).toBeNull();
    expect(parseRequest('tab:get')).toBeNull();
    expect(parseRequest({ type: 'tab:get', tabId: -1 })).toBeNull();
    expect(parseRequest({ type: 'tab:get', tabId: 1.5 })).toBeNull();
    expect(parseRequest({ type: 'page:analyze', url: 'u', detection, article: { ...article, text: 'x'.repeat(MAX_ARTICLE_CHARS + 1) }, truncated: true })).toBeNull();
    expect(parseRequest({ type: 'page:analyze', url: 'u', detection, article: { ...article, published: 'yesterday' }, truncated: false })).toBeNull();
    expect(parseRequest({ type: 'tab:changed', tabId: '3' })).toBeNull();
    expect(parseRequest({ type: 'page:detected', url: 'u', detection: { ...detection, kind: 'evil' } })).toBeNull();
    expect(parseRequest({ type: 'page:detected', url: 'u', detection: { ...detection, score: Number.NaN } })).toBeNull();
    expect(parseRequest({ type: 'unknown' })).toBeNull();
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        parseRequest(v);
        parseRequest({ type: 'page:analyze', url: 'u', detection, article: v, truncated: false });
        parseRequest({ type: 'page:analyze', url: 'u', detection, article, truncated: v });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('senderRole and isAllowed', () => {
  it('tells our content scripts, our pages and everyone else apart', () => {
    expect(senderRole({ id: EXT, tab: { id: 4 }, url: 'https://news.test/a' }, EXT, ORIGIN)).toEqual({ role: 'content', tabId: 4 });
    expect(senderRole({ id: EXT, tab: { id: 4 }, frameId: 0, url: 'https://news.test/a' }, EXT, ORIGIN)).toEqual({ role: 'content', tabId: 4, frameId: 0 });
    expect(senderRole({ id: EXT, url: `${ORIGIN}popup.html` }, EXT, ORIGIN)).toEqual({ role: 'extension-page' });
    expect(senderRole({ id: 'other-extension', url: `${ORIGIN}popup.html` }, EXT, ORIGIN)).toEqual({ role: 'untrusted' });
    expect(senderRole({ url: 'https://evil.test' }, EXT, ORIGIN)).toEqual({ role: 'untrusted' });
  });

  it('lets content scripts report pages but not read other tabs, and pages not report pages', () => {
    const content = { role: 'content', tabId: 1 } as const;
    const page = { role: 'extension-page' } as const;
    expect(isAllowed({ type: 'page:detected', url: 'u', detection } as never, content)).toBe(true);
    expect(isAllowed({ type: 'tab:get', tabId: 2 }, content)).toBe(false);
    expect(isAllowed({ type: 'tab:analyze', tabId: 2 }, content)).toBe(false);
    expect(isAllowed({ type: 'tab:get', tabId: 2 }, page)).toBe(true);
    expect(isAllowed({ type: 'page:detected', url: 'u', detection } as never, page)).toBe(false);
    expect(isAllowed({ type: 'tab:get', tabId: 2 }, { role: 'untrusted' })).toBe(false);
  });

  it('lets only a content script in a tab\'s top frame, where the article script runs, ask for the card UI', () => {
    const load = { type: 'card:load' } as const;
    expect(isAllowed(load, { role: 'content', tabId: 1, frameId: 0 })).toBe(true);
    expect(isAllowed(load, { role: 'content', tabId: 1, frameId: 3 })).toBe(false);
    expect(isAllowed(load, { role: 'content', tabId: 1 })).toBe(false);
    expect(isAllowed(load, { role: 'extension-page' })).toBe(false);
    expect(isAllowed(load, { role: 'untrusted' })).toBe(false);
  });

  it('lets only our own pages tell a popup that a tab changed (a content script reaches popups too)', () => {
    expect(isAllowed({ type: 'tab:changed', tabId: 2 }, { role: 'extension-page' })).toBe(true);
    expect(isAllowed({ type: 'tab:changed', tabId: 2 }, { role: 'content', tabId: 2 })).toBe(false);
    expect(isAllowed({ type: 'tab:changed', tabId: 2 }, { role: 'untrusted' })).toBe(false);
  });
});
