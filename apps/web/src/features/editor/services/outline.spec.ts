import { congressSchema, createSequentialIdGenerator, createTemplate } from '@vankien/document-schema';
import { computeOutline, roundMinutes } from './outline';

describe('the editor outline', () => {
  it('numbers parts and sections as the document does and counts their words', () => {
    const json = createTemplate('political_report', { organizationName: 'Đảng bộ tỉnh Lai Châu', term: '2025–2030', generateId: createSequentialIdGenerator('b') });
    const outline = computeOutline(congressSchema.nodeFromJSON(json));
    expect(outline.entries.length).toBeGreaterThan(3);
    expect(outline.entries.some((e) => e.sectionNumber === 'P2')).toBe(true);
    expect(outline.entries.some((e) => /^P1\.I/.test(e.sectionNumber))).toBe(true);
    expect(outline.words).toBeGreaterThan(0);
    const parts = outline.entries.filter((e) => e.level === 1);
    expect(parts.reduce((sum, p) => sum + p.words, 0)).toBeLessThanOrEqual(outline.words);
  });

  it('rounds minutes to one decimal', () => {
    expect(roundMinutes(1.26)).toBe(1.3);
  });
});
