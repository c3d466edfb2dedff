/**
 * Interface text, localizable through the extension's `_locales` (English first). Outside the
 * extension (unit tests, Node) the English catalogue is read directly.
 */
import { browser } from 'wxt/browser';
import en from '../public/_locales/en/messages.json';

type Catalogue = Record<string, { message: string }>;
export type MessageKey = keyof typeof en;

function fallback(key: MessageKey, subs: string[]): string {
  const entry = (en as Catalogue)[key];
  if (!entry) return key;
  return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const strings = subs.map(String);
  try {
    const message = browser?.i18n?.getMessage?.(key, strings);
    if (message) return message;
  } catch {
    // not inside an extension page
  }
  return fallback(key, strings);
}
