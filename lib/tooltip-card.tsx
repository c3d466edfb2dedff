/**
 * What the tooltip shows: the party card in a closed shadow root under one host element, placed by
 * Floating UI beside its mention (or as a bottom sheet on touch). It holds everything heavy the
 * tooltip needs (Preact, Floating UI, the card component and its CSS), so it ships as a script of its
 * own (entrypoints/tooltip-card.ts) that the article script loads on the first hover or focus; the
 * behaviour (timing, keyboard, focus) stays in lib/tooltip, which drives this.
 *
 * The closed shadow root means page CSS cannot restyle the card and page scripts cannot read it.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { PartyCardView } from '../components/PartyCard';
import type { PartyCard } from '../core/protocol';
import { t } from './i18n';
import tooltipCss from './tooltip.css?inline';
import cardCss from '../components/card.css?inline';

export const TOOLTIP_TAG = 'backstory-tooltip';

/** The card's widest, beside a mention (a bottom sheet on touch spans the screen). */
const MAX_WIDTH = 'min(380px, calc(100vw - 16px))';

/** What Tab reaches inside the card. */
const CARD_CONTROLS = 'a[href], button';

export type OpenHow = 'pointer' | 'focus' | 'touch';

export interface TooltipCard {
  /** The element in the page (a non-modal dialog; its shadow root is closed). */
  readonly host: HTMLElement;
  /** Shows `card` for `mark`; `close` and `siteOff` are the card's buttons. */
  open(mark: HTMLElement, card: PartyCard, how: OpenHow, actions: { close: () => void; siteOff: () => void }): void;
  close(): void;
  /** The card's links and buttons, in Tab order. */
  controls(): HTMLElement[];
  /** The element focused inside the card, if any. */
  focused(): Element | null;
  /** Takes the host out of the page. */
  remove(): void;
}

export type CreateTooltipCard = (doc: Document) => TooltipCard;

let counter = 0;

export const createTooltipCard: CreateTooltipCard = (doc) => {
  const win = doc.defaultView!;
  const host = doc.createElement(TOOLTIP_TAG) as HTMLElement;
  host.id = `backstory-tooltip-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  // A non-modal dialog rather than a tooltip: the card holds links and buttons that take the focus.
  host.setAttribute('role', 'dialog');
  for (const [p, v] of [
    ['all', 'initial'],
    ['position', 'fixed'],
    ['top', '0'],
    ['left', '0'],
    ['z-index', '2147483647'],
    ['display', 'none'],
    ['margin', '0'],
    ['padding', '0'],
    ['border', '0'],
    ['width', 'max-content'],
    ['max-width', MAX_WIDTH],
    ['pointer-events', 'auto'],
  ] as const)
    host.style.setProperty(p, v, 'important');
  const root = host.attachShadow({ mode: 'closed' });
  const css = `${cardCss}\n${tooltipCss}`;
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
  const container = doc.createElement('div');
  container.className = 'bs-tooltip';
  root.appendChild(container);

  let current: HTMLElement | null = null;
  let stopAutoUpdate: (() => void) | null = null;

  const place = async () => {
    if (!current) return;
    const reference = current;
    const { x, y } = await computePosition(reference, host, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(),
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply: ({ availableHeight }) => host.style.setProperty('max-height', `${Math.max(120, availableHeight)}px`, 'important'),
        }),
      ],
    });
    if (current !== reference) return;
    host.style.setProperty('left', `${Math.round(x)}px`, 'important');
    host.style.setProperty('top', `${Math.round(y)}px`, 'important');
  };

  const close = () => {
    if (!current) return;
    stopAutoUpdate?.();
    stopAutoUpdate = null;
    current = null;
    host.style.setProperty('display', 'none', 'important');
    render(null, container);
  };

  return {
    host,
    open(mark, card, how, { close: onClose, siteOff }) {
      close();
      current = mark;
      if (!host.isConnected) doc.documentElement.appendChild(host);
      const layout =
        how === 'touch'
          ? ([['top', 'auto'], ['bottom', '0'], ['left', '0'], ['right', '0'], ['width', 'auto'], ['max-width', 'none']] as const)
          : ([['top', '0'], ['left', '0'], ['bottom', 'auto'], ['right', 'auto'], ['width', 'max-content'], ['max-width', MAX_WIDTH]] as const);
      for (const [p, v] of layout) host.style.setProperty(p, v, 'important');
      host.style.setProperty('display', 'block', 'important');
      host.setAttribute('aria-label', t('tooltipLabel', card.name));
      container.className = how === 'touch' ? 'bs-tooltip bs-sheet bs-root' : 'bs-tooltip bs-root';
      render(
        <PartyCardView
          card={card}
          level={2}
          footer={
            <span class="bs-actions">
              {how === 'touch' && (
                <button type="button" class="bs-button" onClick={onClose}>
                  {t('close')}
                </button>
              )}
              <button type="button" class="bs-button" onClick={siteOff}>
                {t('siteOff')}
              </button>
            </span>
          }
        />,
        container,
      );
      if (how !== 'touch') {
        stopAutoUpdate = autoUpdate(mark, host, () => void place());
        void place();
      }
    },
    close,
    controls: () => [...container.querySelectorAll<HTMLElement>(CARD_CONTROLS)],
    focused: () => root.activeElement,
    remove() {
      close();
      host.remove();
    },
  };
};
