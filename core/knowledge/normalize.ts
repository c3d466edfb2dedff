/**
 * One normal form for names, shared by the knowledge compiler (which indexes names) and the
 * linker (which looks mentions up): case, diacritics, apostrophes, dots and dashes are folded, so
 * "Azerbaïdjan" finds "azerbaidjan", "U.S." finds "us" and "Nagorno Karabakh" finds "nagorno-karabakh".
 */
const PLAIN = /^[A-Za-z0-9]+$/;

export function normalizeName(name: string): string {
  if (PLAIN.test(name)) return name.toLowerCase(); // the common case, same result as below
  return name
    .replace(/\u00ad/g, '') // soft hyphens: invisible line-break hints inside words
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\.(?=\S)/g, '') // U.S. -> us., then trailing dot below
    .replace(/\.$/g, '')
    .replace(/[\u2010-\u2015\-]+/g, ' ')
    .replace(/[^\p{L}\p{N}' &]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
