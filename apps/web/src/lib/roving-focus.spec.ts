import { nextToolbarIndex } from './roving-focus';

describe('the toolbar’s arrow keys (WAI-ARIA toolbar pattern)', () => {
  it('moves right and left, wrapping at the ends', () => {
    expect(nextToolbarIndex(0, 4, 'ArrowRight')).toBe(1);
    expect(nextToolbarIndex(3, 4, 'ArrowRight')).toBe(0);
    expect(nextToolbarIndex(0, 4, 'ArrowLeft')).toBe(3);
    expect(nextToolbarIndex(2, 4, 'ArrowLeft')).toBe(1);
  });

  it('goes to the first and last with Home and End', () => {
    expect(nextToolbarIndex(2, 5, 'Home')).toBe(0);
    expect(nextToolbarIndex(2, 5, 'End')).toBe(4);
  });

  it('leaves other keys (Tab, Enter, the up and down arrows of a select) alone, and an empty toolbar', () => {
    for (const key of ['Tab', 'Enter', ' ', 'ArrowDown', 'ArrowUp', 'a']) expect(nextToolbarIndex(1, 4, key)).toBeNull();
    expect(nextToolbarIndex(0, 0, 'ArrowRight')).toBeNull();
  });
});
