/**
 * What the name recognizer and the linker need to know about the language an article is written in.
 * The recognizer's lists are English; for a few other languages written in the Latin alphabet this
 * adds the words that start sentences capitalized without naming anyone ("Elle", "Dans", "Según"),
 * day and month names, and the elided articles written before a name ("l'Assemblée", "dell'Onu").
 * Only what is needed to keep function words out of the names: the knowledge file's aliases carry
 * the names themselves. Words that also begin names are left out (Portuguese "são": São Paulo).
 */

/** Languages with their own word lists; any other language tag reads as English. */
export type NameLanguage = 'en' | 'fr' | 'es' | 'it' | 'pt';

export interface LanguageWords {
  /** Lower-case words that are not names when they come capitalized at the start of a sentence. */
  functionWords: readonly string[];
  /** Lower-case words that are never names on their own (days, months). */
  nonNames: readonly string[];
  /** Lower-case elided forms written with an apostrophe before the next word ("l'", "dell'"). */
  elisions: readonly string[];
}

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

const WORDS: Record<Exclude<NameLanguage, 'en'>, LanguageWords> = {
  fr: {
    functionWords: words(`
      le la les l un une des du de d au aux à a et ou mais donc or ni car que qu qui quoi dont où ce cet cette ces
      ceci cela ça il ils elle elles on nous vous je tu me te se lui leur leurs eux son sa ses mon ma mes ton ta tes
      notre nos votre vos tout tous toute toutes chaque plusieurs certains certaines aucun aucune autre autres même
      par pour dans sur sous avec sans entre contre vers chez depuis pendant avant après selon parmi malgré lors
      comme quand lorsque si puis ainsi alors aussi enfin cependant pourtant toutefois néanmoins désormais déjà
      encore ensuite surtout notamment également seulement ici là oui non très plus moins bien mieux
      est sont était étaient sera seront a ont avait avaient fait font peut peuvent doit doivent va vont y en ne
      pas deux trois quatre cinq six sept huit neuf dix premier première dernier dernière nouveau nouvelle
      retour parmi ont voici voilà
    `),
    nonNames: words(`
      lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août septembre
      octobre novembre décembre
    `),
    elisions: words(`l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu`),
  },
  es: {
    functionWords: words(`
      el la los las lo un una unos unas del al de a y e o u ni pero sino que quien quienes cual cuales cuyo donde
      cuando como si porque pues aunque este esta estos estas ese esa esos esas aquel aquella él ella ellos ellas
      usted ustedes nosotros vosotros yo tú su sus mi mis tu tus nuestro nuestra todo toda todos todas cada otro
      otra otros otras mismo misma por para en con sin sobre entre contra hacia hasta desde durante ante tras según
      mediante también además así ya aún todavía luego entonces después antes ahora hoy ayer mañana
      muy más menos no sí es son era fue fueron será ha han había se le les nos dos tres cuatro cinco seis siete ocho
      nueve diez primer primero primera último última nuevo nueva
    `),
    nonNames: words(`
      lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto
      septiembre setiembre octubre noviembre diciembre
    `),
    elisions: [],
  },
  it: {
    functionWords: words(`
      il lo la i gli le l un uno una del dello della dei degli delle dell al allo alla ai agli alle all dal
      dallo dalla dai dagli dalle dall nel nello nella nei negli nelle nell sul sullo sulla sui sugli sulle sull
      di a da in con su per tra fra e ed o ma però che chi cui dove quando come se perché anche ancora già poi
      quindi dunque inoltre tuttavia questo questa questi queste quello quella quelli quelle lui lei loro noi voi
      io tu suo sua suoi sue mio mia tutto tutta tutti tutte ogni altro altra altri altre stesso stessa secondo
      dopo prima durante contro verso senza oggi ieri domani molto più meno non sì è sono era erano sarà ha hanno
      aveva si ci ne due tre quattro cinque sei sette otto nove dieci primo prima ultimo ultima nuovo nuova
    `),
    nonNames: words(`
      lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio marzo aprile maggio giugno luglio
      agosto settembre ottobre novembre dicembre
    `),
    elisions: words(`l dell all dall nell sull un quell d c s v n m t quest`),
  },
  pt: {
    functionWords: words(`
      o a os as um uma uns umas do da dos das no na nos nas ao aos à às pelo pela pelos pelas de em por para com
      sem sobre entre contra até desde durante após antes depois segundo e ou mas porém que quem qual quais cujo
      onde quando como se porque pois embora este esta estes estas esse essa esses essas aquele aquela ele ela eles
      elas você vocês nós eu tu seu sua seus suas meu minha todo toda todos todas cada outro outra outros outras
      mesmo mesma também além assim já ainda então agora hoje ontem amanhã muito mais menos não sim é era foi
      foram será há tem têm tinha dois duas três quatro cinco seis sete oito nove dez primeiro primeira último
      última novo nova
    `),
    nonNames: words(`
      segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo janeiro fevereiro março abril
      maio junho julho agosto setembro outubro novembro dezembro
    `),
    elisions: [],
  },
};

/** The word lists for a BCP 47 language tag ("fr", "fr-FR", "pt_BR"); null for English and unknown tags. */
export function languageWords(lang: string | null | undefined): LanguageWords | null {
  const primary = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] as keyof typeof WORDS;
  return Object.hasOwn(WORDS, primary) ? WORDS[primary] : null;
}

/** The length of an elided article at the start of `word` ("l'" in "l'UMP", "dell’" in "dell’Onu"), or 0. */
export function elisionLength(word: string, words: LanguageWords | null): number {
  if (!words || words.elisions.length === 0) return 0;
  const apostrophe = word.search(/['’]/);
  if (apostrophe < 1 || apostrophe + 1 >= word.length) return 0;
  if (!words.elisions.includes(word.slice(0, apostrophe).toLowerCase())) return 0;
  return /\p{L}/u.test(word[apostrophe + 1]!) ? apostrophe + 1 : 0;
}
