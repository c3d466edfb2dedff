/**
 * The inline context tooltip: hover or focus a marked mention, see the party's card.
 *
 * Timing follows Wikipedia's Page Previews: nothing before the pointer has dwelt ~150 ms, the card
 * at ~500 ms, a 300 ms grace period after the pointer leaves, and moving onto the card keeps it open.
 * Keyboard focus shows the card at once, and Tab from the mention goes on into the card's links and
 * buttons (then to what follows the mention); Escape closes it, from inside the card too (the focus
 * goes back to the mention), and so does moving the focus elsewhere. On touch, a tap opens
 * the card as a bottom sheet.
 *
 * This module is the behaviour only, and small: the card itself (lib/tooltip-card: Preact, Floating
 * UI, CSS, in a closed shadow root) is most of the weight, so the article script leaves it out and
 * loads it (`loadCard`) when the pointer first reaches a mark, the reader first presses Tab, or a
 * mark is first focused or tapped. A hover's dwell time covers the load; a focus or tap shows its
 * card once it has loaded.
 */
import type { PartyCard } from '../core/protocol';
import type { MarkSet } from './marks';
import { INTERACTIVE_SELECTOR, MARK_TAG } from './marks';
import type { CreateTooltipCard, OpenHow, TooltipCard } from './tooltip-card';

export const TIMING = { dwell: 500, grace: 300 } as const;

/**
 * The global on which the card script (entrypoints/tooltip-card.ts) leaves `createTooltipCard`: one
 * of the content scripts' isolated world, which page scripts cannot see.
 */
export const CARD_GLOBAL = '__backstoryTooltipCard';

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
  /** The card UI's factory; asked for once, on first use (a failure is asked again next time). */
  loadCard: () => Promise<CreateTooltipCard>;
}

export interface Tooltip {
  /** The mark whose card is open (or opens as soon as the card UI has loaded), if any. */
  readonly openFor: Element | null;
  show(mark: HTMLElement, how: OpenHow): void;
  hide(): void;
  destroy(): void;
}

export function createTooltip({ doc, marks, cards, onSiteOff, loadCard }: TooltipOptions): Tooltip {
  const win = doc.defaultView!;
  /** The card UI, once loaded. */
  let ui: TooltipCard | null = null;
  let loading = false;

  let current: HTMLElement | null = null;
  let currentHow: OpenHow | null = null;
  let showTimer = 0;
  let hideTimer = 0;
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

  /** Closes the card; a pending show (the pointer dwelling on another mention) still happens. */
  const close = () => {
    win.clearTimeout(hideTimer);
    if (!current) return;
    current.removeAttribute('aria-describedby');
    if (current.getAttribute('role') === 'button') current.setAttribute('aria-expanded', 'false');
    current = null;
    currentHow = null;
    ui?.close();
  };
  const hide = () => {
    clearTimers();
    close();
  };

  /** Puts the open mark's card on screen, once the card UI is there. */
  const reveal = (view: TooltipCard, mark: HTMLElement, how: OpenHow) => {
    const card = cards.get(marks.keyOf(mark)!)!;
    view.open(mark, card, how, {
      close: hide,
      siteOff: () => {
        hide();
        onSiteOff();
      },
    });
    mark.setAttribute('aria-describedby', view.host.id);
    if (mark.getAttribute('role') === 'button') mark.setAttribute('aria-expanded', 'true');
  };

  /** Loads the card UI if it is not there yet; a card opened meanwhile shows when it comes. */
  const loadUi = () => {
    if (ui || loading || destroyed) return;
    loading = true;
    loadCard().then(
      (create) => {
        loading = false;
        if (destroyed) return;
        const view = create(doc);
        view.host.addEventListener('pointerenter', onHostEnter);
        view.host.addEventListener('pointerleave', onHostLeave);
        view.host.addEventListener('keydown', hostKeyDown);
        ui = view;
        if (current && currentHow) reveal(view, current, currentHow);
      },
      () => {
        // The extension is gone or the tab could not be scripted: no card this time, and the next
        // hover or focus tries again.
        loading = false;
        hide();
      },
    );
  };

  const show = (mark: HTMLElement, how: OpenHow) => {
    if (destroyed) return;
    clearTimers();
    const key = marks.keyOf(mark);
    if (key === undefined || !cards.has(key)) return;
    if (current === mark && currentHow === how) return;
    if (current) hide();
    current = mark;
    currentHow = how;
    if (ui) reveal(ui, mark, how);
    else loadUi();
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
    loadUi(); // during the dwell, so the first card is not late
  };
  const onPointerOut = (e: PointerEvent) => {
    if (e.pointerType === 'touch') return;
    const mark = markFrom(e.target);
    if (!mark) return;
    const to = e.relatedTarget;
    if (to instanceof win.Node && (mark.contains(to) || to === ui?.host)) return;
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
    if (to === ui?.host) return;
    if (to instanceof win.Node && markForFocus(to) === current) return;
    if (currentHow === 'focus') hide();
  };
  /** The element that holds the focus for a mark: the mark itself, or the link around it. */
  const focusTargetOf = (mark: HTMLElement) => mark.closest<HTMLElement>(INTERACTIVE_SELECTOR);
  const onKeyDown = (e: KeyboardEvent) => {
    // The reader moves by keyboard, towards the marks perhaps: load the card UI now, so the first
    // card shows as soon as a mark takes the focus (no dwell hides the load there).
    if (e.key === 'Tab') loadUi();
    if (e.key === 'Escape' && current) {
      // From inside the card, back to the mention first (which keeps its card), then close.
      if (ui && e.target === ui.host) focusTargetOf(current)?.focus();
      hide();
      e.stopPropagation();
      return;
    }
    if (e.key === 'Tab' && !e.shiftKey && current && markForFocus(e.target) === current) {
      const first = ui?.controls()[0];
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
    if (touchTap) loadUi(); // before the click that opens the sheet
    if (current && currentHow === 'touch' && !(e.target instanceof win.Node && ui && (e.target === ui.host || ui.host.contains(e.target)))) {
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
  // Tab inside the card: past its first control back to the mention, past its last one on to what
  // follows the mention in the page (the card itself sits at the end of the document).
  const hostKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Tab' || !current || !ui) return;
    const controls = ui.controls();
    const at = controls.indexOf(ui.focused() as HTMLElement);
    const from = focusTargetOf(current);
    const to = !from || at < 0 ? null : e.shiftKey ? (at === 0 ? from : null) : at === controls.length - 1 ? nextTabbable(doc, from) : null;
    if (!to) return;
    e.preventDefault();
    to.focus();
  };

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
      ui?.remove();
    },
  };
}
