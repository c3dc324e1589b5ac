// A co-editor's colour, the same on every screen for the same account. Dark enough for white
// text on the name label (WCAG AA, 4.5:1).
const PALETTE = ['#1c5fb8', '#b3261e', '#2e7d32', '#6a1b9a', '#ad4e00', '#00695c', '#8e2457', '#3949ab'];

export function userColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}
