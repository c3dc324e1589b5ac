import { PreparedFormCache } from './prepared-form-cache';

describe('PreparedFormCache', () => {
  it('keeps forms by comment id within its budget, dropping the oldest first', () => {
    // 1 MB of budget: 524,288 UTF-16 code units
    const cache = new PreparedFormCache(1);
    const form = (n: number): string => `{"id":"c${n}"}`.padEnd(200_000, ' ');
    cache.set('c1', form(1));
    cache.set('c2', form(2));
    expect(cache.get('c1')).toBe(form(1));
    cache.set('c3', form(3));
    expect(cache.get('c1')).toBeUndefined();
    expect(cache.get('c2')).toBe(form(2));
    expect(cache.get('c3')).toBe(form(3));
    // replacing a form does not count it twice
    cache.set('c3', form(3));
    expect(cache.size).toBe(2);
    // a form larger than the whole budget is not kept, and evicts nothing
    cache.set('c4', ''.padEnd(600_000, ' '));
    expect(cache.get('c4')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('keeps nothing with a budget of 0', () => {
    const cache = new PreparedFormCache(0);
    cache.set('c1', '{}');
    expect(cache.get('c1')).toBeUndefined();
  });
});
