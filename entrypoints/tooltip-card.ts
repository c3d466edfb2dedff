/**
 * The tooltip's card UI (lib/tooltip-card), as a script of its own: more than a third of what the
 * article script would otherwise carry, and needed only once the reader hovers, focuses or taps a
 * mark. The article script asks the background for it ('card:load'), which injects this file into
 * that tab's top frame, in the content scripts' isolated world; it leaves its factory on that
 * world's global for the article script. Not web-accessible: a page can neither fetch nor run it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CARD_GLOBAL } from '../lib/tooltip';
import { createTooltipCard } from '../lib/tooltip-card';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_GLOBAL] = createTooltipCard;
});
