// @vitest-environment happy-dom
/**
 * The tooltip loads its card UI on first use (see lib/tooltip): what the reader does while it loads
 * must end as if it had been there all along. A hover starts the load at once (the dwell hides it),
 * a focus shows its card when the UI arrives, and whatever closed the card meanwhile (Escape, the
 * focus leaving, the marks going) keeps it closed. The end-to-end tests cover the real card.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PartyCard } from '../../../core/protocol';
import { MARK_TAG, type MarkSet } from '../../../lib/marks';
import { createTooltip, TIMING, type Tooltip } from '../../../lib/tooltip';
import { createTooltipCard, TOOLTIP_TAG, type CreateTooltipCard, type TooltipCard } from '../../../lib/tooltip-card';

const card = (key: string, name: string): PartyCard => ({
  key,
  id: key,
  name,
  type: 'person',
  note: `${name} is someone.`,
  facts: [],
  events: [],
  sourceUrl: 'https://source.test/entry',
  asOf: '2024-01-01',
  mentions: [],
});

function setUp() {
  document.body.innerHTML = '<p>Text by <span id="a"></span> and <span id="b"></span>.</p><button id="after">after</button>';
  const keys = new WeakMap<Element, string>();
  const marks: HTMLElement[] = [];
  for (const [id, key, text] of [['a', 'darmanin', 'Gérald Darmanin'], ['b', 'paris', 'Paris']] as const) {
    const mark = document.createElement(MARK_TAG);
    mark.textContent = text;
    mark.tabIndex = 0;
    mark.setAttribute('role', 'button');
    document.getElementById(id)!.replaceWith(mark);
    keys.set(mark, key);
    marks.push(mark);
  }
  const set: MarkSet = { marks, keyOf: (m) => keys.get(m), marksOf: (k) => marks.filter((m) => keys.get(m) === k), remove: () => undefined };
  const cards = new Map([['darmanin', card('darmanin', 'Gérald Darmanin')], ['paris', card('paris', 'Paris')]]);
  return { marks, set, cards };
}

/** A card UI that records what it is asked to show, and a load the test completes when it wants. */
function lazyCard() {
  const opened: { name: string; how: string }[] = [];
  let created = 0;
  const create: CreateTooltipCard = (doc) => {
    created++;
    const host = doc.createElement(TOOLTIP_TAG);
    host.id = 'card-host';
    const ui: TooltipCard = {
      host,
      open: (_mark, c, how) => {
        opened.push({ name: c.name, how });
        doc.documentElement.appendChild(host);
      },
      close: () => undefined,
      controls: () => [],
      focused: () => null,
      remove: () => host.remove(),
    };
    return ui;
  };
  let finish: (ok: boolean) => void = () => undefined;
  const loadCard = vi.fn(
    () =>
      new Promise<CreateTooltipCard>((resolve, reject) => {
        finish = (ok) => (ok ? resolve(create) : reject(new Error('no card')));
      }),
  );
  return { opened, loadCard, created: () => created, finish: async (ok = true) => {
    finish(ok);
    await Promise.resolve();
    await Promise.resolve();
  } };
}

let tooltip: Tooltip | null = null;
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  tooltip?.destroy();
  tooltip = null;
  vi.useRealTimers();
});

const pointerOver = (el: Element) => el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, pointerType: 'mouse' }));

describe('the tooltip with its card UI loaded on first use', () => {
  it('loads nothing until the reader reaches a mark, and then once', async () => {
    const { marks, set, cards } = setUp();
    const lazy = lazyCard();
    tooltip = createTooltip({ doc: document, marks: set, cards, onSiteOff: () => undefined, loadCard: lazy.loadCard });
    expect(lazy.loadCard).not.toHaveBeenCalled();
    marks[0]!.focus();
    marks[1]!.focus();
    expect(lazy.loadCard).toHaveBeenCalledTimes(1);
    await lazy.finish();
    // The card of the mark focused last, and no other.
    expect(lazy.opened).toEqual([{ name: 'Paris', how: 'focus' }]);
    expect(marks[1]!.getAttribute('aria-describedby')).toBe('card-host');
    expect(marks[1]!.getAttribute('aria-expanded')).toBe('true');
    marks[0]!.focus();
    expect(lazy.loadCard).toHaveBeenCalledTimes(1);
    expect(lazy.opened.at(-1)).toEqual({ name: 'Gérald Darmanin', how: 'focus' });
  });

  it('starts the load when the pointer arrives, so the card shows after the usual dwell', async () => {
    const { marks, set, cards } = setUp();
    const lazy = lazyCard();
    tooltip = createTooltip({ doc: document, marks: set, cards, onSiteOff: () => undefined, loadCard: lazy.loadCard });
    pointerOver(marks[0]!);
    expect(lazy.loadCard).toHaveBeenCalledTimes(1);
    await lazy.finish();
    expect(lazy.opened).toEqual([]);
    vi.advanceTimersByTime(TIMING.dwell);
    expect(lazy.opened).toEqual([{ name: 'Gérald Darmanin', how: 'pointer' }]);
  });

  it('starts the load on the first Tab, before a mark has the focus', async () => {
    const { marks, set, cards } = setUp();
    const lazy = lazyCard();
    tooltip = createTooltip({ doc: document, marks: set, cards, onSiteOff: () => undefined, loadCard: lazy.loadCard });
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(lazy.loadCard).not.toHaveBeenCalled();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    expect(lazy.loadCard).toHaveBeenCalledTimes(1);
    await lazy.finish();
    marks[0]!.focus();
    expect(lazy.opened).toEqual([{ name: 'Gérald Darmanin', how: 'focus' }]);
  });

  it('keeps a card closed that Escape or the focus leaving closed while it loaded', async () => {
    const { marks, set, cards } = setUp();
    const lazy = lazyCard();
    tooltip = createTooltip({ doc: document, marks: set, cards, onSiteOff: () => undefined, loadCard: lazy.loadCard });
    marks[0]!.focus();
    marks[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(tooltip.openFor).toBeNull();
    marks[1]!.focus();
    document.getElementById('after')!.focus();
    expect(tooltip.openFor).toBeNull();
    await lazy.finish();
    expect(lazy.opened).toEqual([]);
    expect(document.querySelector(TOOLTIP_TAG)).toBeNull();
  });

  it('adds nothing to the page when the marks go before the card UI arrives', async () => {
    const { marks, set, cards } = setUp();
    const lazy = lazyCard();
    tooltip = createTooltip({ doc: document, marks: set, cards, onSiteOff: () => undefined, loadCard: lazy.loadCard });
    marks[0]!.focus();
    tooltip.destroy();
    await lazy.finish();
    expect(lazy.created()).toBe(0);
    expect(document.querySelector(TOOLTIP_TAG)).toBeNull();
  });

  it('after a failed load, closes the card and tries again on the next focus', async () => {
    const { marks, set, cards } = setUp();
    const lazy = lazyCard();
    tooltip = createTooltip({ doc: document, marks: set, cards, onSiteOff: () => undefined, loadCard: lazy.loadCard });
    marks[0]!.focus();
    await lazy.finish(false);
    expect(tooltip.openFor).toBeNull();
    expect(marks[0]!.hasAttribute('aria-describedby')).toBe(false);
    marks[1]!.focus();
    expect(lazy.loadCard).toHaveBeenCalledTimes(2);
    await lazy.finish();
    expect(lazy.opened).toEqual([{ name: 'Paris', how: 'focus' }]);
  });

  it('with the real card UI: one host in a closed shadow root, removed with the marks', async () => {
    const { marks, set, cards } = setUp();
    tooltip = createTooltip({ doc: document, marks: set, cards, onSiteOff: () => undefined, loadCard: () => Promise.resolve(createTooltipCard) });
    marks[0]!.focus();
    await vi.waitFor(() => expect(document.querySelector(TOOLTIP_TAG)).not.toBeNull());
    const host = document.querySelector<HTMLElement>(TOOLTIP_TAG)!;
    expect(host.shadowRoot).toBeNull();
    expect(host.style.getPropertyValue('display')).toBe('block');
    expect(host.getAttribute('aria-label')).toContain('Gérald Darmanin');
    expect(marks[0]!.getAttribute('aria-describedby')).toBe(host.id);
    marks[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(host.style.getPropertyValue('display')).toBe('none');
    tooltip.destroy();
    expect(document.querySelector(TOOLTIP_TAG)).toBeNull();
  });
});
