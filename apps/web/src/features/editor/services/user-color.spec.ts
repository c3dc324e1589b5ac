import { userColor } from './user-color';

describe('co-editor colours', () => {
  it('gives an account the same colour every time', () => {
    expect(userColor('a3c1')).toBe(userColor('a3c1'));
    expect(userColor('x')).toMatch(/^#[0-9a-f]{6}$/);
  });
});
