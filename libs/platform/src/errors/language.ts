export type Language = 'vi' | 'en';

/**
 * Picks the response language from Accept-Language: Vietnamese unless the client prefers
 * English (by order and q-value); anything else falls back to Vietnamese.
 */
export function preferredLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'vi';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...parameters] = part.trim().toLowerCase().split(';');
      const quality = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.split('-')[0], q: quality ? Number(quality.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.tag === 'vi' || entry.tag === 'en')
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.tag === 'en' ? 'en' : 'vi';
}
