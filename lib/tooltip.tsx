/**
 * The inline context tooltip: hover or focus a marked mention, see the party's card.
 *
 * Timing follows Wikipedia's Page Previews: nothing before the pointer has dwelt ~150 ms, the card
 * at ~500 ms, a 300 ms grace period after the pointer leaves, and moving onto the card keeps it open.
 * Keyboard focus shows the card at once, and Tab from the mention goes on into the card's links and
 * buttons (then to what follows the mention); Escape closes it, from inside the card too (the focus
 * goes back to the mention), and so does moving the focus elsewhere. On touch, a tap opens
 * the card as a bottom sheet. The card lives in a closed shadow root under one host element, so page
 * CSS cannot restyle it and page scripts cannot read it; the host is removed on teardown.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { PartyCardView } from '../components/PartyCard';
import type { PartyCard } from '../core/protocol';
import { t } from './i18n';
import type { MarkSet } from './marks';
import { INTERACTIVE_SELECTOR, MARK_TAG } from './marks';
import tooltipCss from './tooltip.css?inline';
import cardCss from '../components/card.css?inline';

export const TOOLTIP_TAG = 'backstory-tooltip';

export const TIMING = { dwell: 500, grace: 300 } as const;

/** What Tab reaches inside the card. */
const CARD_CONTROLS = 'a[href], button';

/** The first element after `from` (and outside it) in the document that Tab would reach, if any. */
function nextTabbable(doc: Document, from: Element): HTMLElement | null {
  const walker = doc.createTreeWalker(doc.documentElement, NodeFilter.SHOW_ELEMENT);
  walker.currentNode = from;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as HTMLElement;
    if (from.contains(el) || el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert]')) continue;
    if (el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : el.getClientRects().length > 0) return el;
  }
  return null;
}

export interface TooltipOptions {
  doc: Document;
  marks: MarkSet;
  cards: ReadonlyMap<string, PartyCard>;
  /** The reader asked to turn Backstory off on this site. */
  onSiteOff: () => void;
}

export interface Tooltip {
  /** The mark whose card is open, if any. */
  readonly openFor: Element | null;
  show(mark: HTMLElement, how: 'pointer' | 'focus' | 'touch'): void;
  hide(): void;
  destroy(): void;
}

let counter = 0;

export function createTooltip({ doc, marks, cards, onSiteOff }: TooltipOptions): Tooltip {
  const win = doc.defaultView!;
  const host = doc.createElement(TOOLTIP_TAG) as HTMLElement;
  const hostId = `backstory-tooltip-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  host.id = hostId;
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
    ['max-width', 'min(380px, calc(100vw - 16px))'],
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
  let currentHow: 'pointer' | 'focus' | 'touch' | null = null;
  let showTimer = 0;
  let hideTimer = 0;
  let stopAutoUpdate: (() => void) | null = null;
  let destroyed = false;
  const clearTimers = () => {
    win.clearTimeout(showTimer);
    win.clearTimeout(hideTimer);
  };

  const markFrom = (target: EventTarget | null): HTMLElement | null => {
    if (!(target instanceof win.Element)) return null;
    const el = target.closest(MARK_TAG) as HTMLElement | null;
    return el && marks.keyOf(el) !== undefined ? el : null;
  };

  const place = async () => {
    if (!current) return;
    if (currentHow === 'touch') {
      for (const [p, v] of [['top', 'auto'], ['bottom', '0'], ['left', '0'], ['right', '0'], ['width', 'auto'], ['max-width', 'none']] as const) host.style.setProperty(p, v, 'important');
      return;
    }
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

  /** Closes the card; a pending show (the pointer dwelling on another mention) still happens. */
  const close = () => {
    win.clearTimeout(hideTimer);
    if (!current) return;
    stopAutoUpdate?.();
    stopAutoUpdate = null;
    current.removeAttribute('aria-describedby');
    if (current.getAttribute('role') === 'button') current.setAttribute('aria-expanded', 'false');
    current = null;
    currentHow = null;
    host.style.setProperty('display', 'none', 'important');
    render(null, container);
  };
  const hide = () => {
    clearTimers();
    close();
  };

  const show = (mark: HTMLElement, how: 'pointer' | 'focus' | 'touch') => {
    if (destroyed) return;
    clearTimers();
    const key = marks.keyOf(mark);
    const card = key !== undefined ? cards.get(key) : undefined;
    if (!card) return;
    if (current === mark && currentHow === how) return;
    if (current) hide();
    current = mark;
    currentHow = how;
    if (!host.isConnected) doc.documentElement.appendChild(host);
    for (const [p, v] of [['top', '0'], ['left', '0'], ['bottom', 'auto'], ['right', 'auto'], ['width', 'max-content'], ['max-width', 'min(380px, calc(100vw - 16px))']] as const) host.style.setProperty(p, v, 'important');
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
              <button type="button" class="bs-button" onClick={hide}>
                {t('close')}
              </button>
            )}
            <button
              type="button"
              class="bs-button"
              onClick={() => {
                hide();
                onSiteOff();
              }}
            >
              {t('siteOff')}
            </button>
          </span>
        }
      />,
      container,
    );
    mark.setAttribute('aria-describedby', hostId);
    if (mark.getAttribute('role') === 'button') mark.setAttribute('aria-expanded', 'true');
    stopAutoUpdate = how === 'touch' ? null : autoUpdate(mark, host, () => void place());
    void place();
  };

  const scheduleHide = () => {
    win.clearTimeout(showTimer);
    win.clearTimeout(hideTimer);
    if (current) hideTimer = win.setTimeout(close, TIMING.grace);
  };

  // Pointer (mouse and pen): dwell, then show; leave, then grace. Crossing another mention does not
  // cancel the open card's grace period: that card closes unless the pointer comes back to it.
  const onPointerOver = (e: PointerEvent) => {
    if (e.pointerType === 'touch') return;
    const mark = markFrom(e.target);
    if (!mark) return;
    if (current === mark) {
      win.clearTimeout(hideTimer);
      return;
    }
    win.clearTimeout(showTimer);
    showTimer = win.setTimeout(() => show(mark, 'pointer'), TIMING.dwell);
  };
  const onPointerOut = (e: PointerEvent) => {
    if (e.pointerType === 'touch') return;
    const mark = markFrom(e.target);
    if (!mark) return;
    const to = e.relatedTarget;
    if (to instanceof win.Node && (mark.contains(to) || to === host)) return;
    if (current === mark && currentHow === 'focus') return;
    if (current === mark) scheduleHide();
    else win.clearTimeout(showTimer);
  };
  const onHostEnter = () => win.clearTimeout(hideTimer);
  const onHostLeave = () => {
    if (currentHow === 'pointer') scheduleHide();
  };

  // Keyboard: focus a mark (or a link that contains one) to show; blur to hide.
  const markForFocus = (target: EventTarget | null): HTMLElement | null => {
    const direct = markFrom(target);
    if (direct) return direct;
    if (target instanceof win.Element && target !== doc.body) {
      const inner = target.querySelector(MARK_TAG) as HTMLElement | null;
      if (inner && marks.keyOf(inner) !== undefined) return inner;
    }
    return null;
  };
  const onFocusIn = (e: FocusEvent) => {
    if (touchTap) return; // the focus that comes with a tap: the tap opens the sheet
    const mark = markForFocus(e.target);
    if (mark) show(mark, 'focus');
  };
  const onFocusOut = (e: FocusEvent) => {
    if (!current) return;
    const to = e.relatedTarget;
    if (to === host) return;
    if (to instanceof win.Node && markForFocus(to) === current) return;
    if (currentHow === 'focus') hide();
  };
  /** The element that holds the focus for a mark: the mark itself, or the link around it. */
  const focusTargetOf = (mark: HTMLElement) => mark.closest<HTMLElement>(INTERACTIVE_SELECTOR);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && current) {
      // From inside the card, back to the mention first (which keeps its card), then close.
      if (e.target === host) focusTargetOf(current)?.focus();
      hide();
      e.stopPropagation();
      return;
    }
    if (e.key === 'Tab' && !e.shiftKey && current && markForFocus(e.target) === current) {
      const first = container.querySelector<HTMLElement>(CARD_CONTROLS);
      if (first) {
        e.preventDefault();
        first.focus();
      }
      return;
    }
    const mark = markFrom(e.target);
    if (mark && (e.key === 'Enter' || e.key === ' ') && mark.getAttribute('role') === 'button') {
      e.preventDefault();
      if (current === mark) hide();
      else show(mark, 'focus');
    }
  };

  // Touch: a tap on a mark opens the bottom sheet instead of (for marks in links) following the link.
  let touchTap: HTMLElement | null = null;
  const onPointerDown = (e: PointerEvent) => {
    touchTap = e.pointerType === 'touch' ? markFrom(e.target) : null;
    if (current && currentHow === 'touch' && !(e.target instanceof win.Node && (e.target === host || host.contains(e.target)))) {
      if (!touchTap) hide();
    }
  };
  const onClick = (e: MouseEvent) => {
    const mark = touchTap && markFrom(e.target) === touchTap ? touchTap : null;
    touchTap = null;
    if (!mark) return;
    if (current === mark && currentHow === 'touch') return; // a second tap follows the link, if any
    e.preventDefault();
    show(mark, 'touch');
  };

  const listen = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void) => doc.addEventListener(type, fn as EventListener, true);
  listen('pointerover', onPointerOver);
  listen('pointerout', onPointerOut);
  listen('focusin', onFocusIn);
  listen('focusout', onFocusOut);
  listen('keydown', onKeyDown);
  listen('pointerdown', onPointerDown);
  listen('click', onClick);
  host.addEventListener('pointerenter', onHostEnter);
  host.addEventListener('pointerleave', onHostLeave);
  // Tab inside the card: past its first control back to the mention, past its last one on to what
  // follows the mention in the page (the card itself sits at the end of the document).
  const hostKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Tab' || !current) return;
    const controls = [...container.querySelectorAll<HTMLElement>(CARD_CONTROLS)];
    const at = controls.indexOf(root.activeElement as HTMLElement);
    const from = focusTargetOf(current);
    const to = !from || at < 0 ? null : e.shiftKey ? (at === 0 ? from : null) : at === controls.length - 1 ? nextTabbable(doc, from) : null;
    if (!to) return;
    e.preventDefault();
    to.focus();
  };
  host.addEventListener('keydown', hostKeyDown);

  return {
    get openFor() {
      return current;
    },
    show,
    hide,
    destroy() {
      if (destroyed) return;
      hide();
      destroyed = true;
      const unlisten = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void) => doc.removeEventListener(type, fn as EventListener, true);
      unlisten('pointerover', onPointerOver);
      unlisten('pointerout', onPointerOut);
      unlisten('focusin', onFocusIn);
      unlisten('focusout', onFocusOut);
      unlisten('keydown', onKeyDown);
      unlisten('pointerdown', onPointerDown);
      unlisten('click', onClick);
      host.remove();
    },
  };
}
