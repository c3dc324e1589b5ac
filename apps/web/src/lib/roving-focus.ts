// The WAI-ARIA toolbar pattern (https://www.w3.org/WAI/ARIA/apg/patterns/toolbar/): the toolbar
// is one Tab stop; inside it the arrow keys move between its controls (Left/Right, wrapping),
// Home and End go to the first and the last. Roving tabindex: the control last focused has
// tabindex 0, every other -1, so Tab leaves the toolbar and Shift+Tab comes back to where the
// user was.

/** The index the focus moves to from `current` among `count` controls on `key`, or null when the key is not the toolbar's. */
export function nextToolbarIndex(current: number, count: number, key: string): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** The controls of a toolbar that take part in the roving focus: enabled buttons and inputs. */
export const TOOLBAR_ITEMS = 'button:not([disabled]), input:not([disabled]):not([type=hidden])';

/**
 * Makes one control of the toolbar its single Tab stop: the one last focused if it is still
 * there and enabled, otherwise the first. Call after every render (controls come and go).
 */
export function syncRovingTabIndex(toolbar: HTMLElement, current: Element | null): HTMLElement | null {
  const items = [...toolbar.querySelectorAll<HTMLElement>(TOOLBAR_ITEMS)];
  const active = items.find((item) => item === current) ?? items[0] ?? null;
  for (const item of items) item.tabIndex = item === active ? 0 : -1;
  return active;
}

/** Handles an arrow key inside the toolbar: focuses the next control and makes it the Tab stop. */
export function handleToolbarKey(toolbar: HTMLElement, event: KeyboardEvent | { key: string; target: EventTarget | null; preventDefault(): void }): HTMLElement | null {
  const items = [...toolbar.querySelectorAll<HTMLElement>(TOOLBAR_ITEMS)];
  const current = items.indexOf(event.target as HTMLElement);
  if (current < 0) return null;
  // a select's list open: its own arrows
  if ((event.target as HTMLElement).getAttribute('aria-expanded') === 'true') return null;
  const next = nextToolbarIndex(current, items.length, event.key);
  if (next === null) return null;
  event.preventDefault();
  for (const item of items) item.tabIndex = -1;
  items[next].tabIndex = 0;
  items[next].focus();
  return items[next];
}
