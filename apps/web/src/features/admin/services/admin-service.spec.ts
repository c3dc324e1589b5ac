import type { Organization } from '../../../lib/api-types';
import { rootHolding, toTree } from './admin-service';

const org = (id: string, parentId: string | null): Organization => ({ id, parentId, code: id, name: id, level: 'x', depth: 0, kind: 'party_organization' });

describe('the organisation tree of an admin', () => {
  it('nests a subtree under its root, whatever its depth', () => {
    const tree = toTree([org('lc', null), org('td', 'lc'), org('cb1', 'td'), org('pt', 'lc')]);
    expect(tree.map((n) => n.id)).toEqual(['lc']);
    expect(tree[0].children.map((n) => n.id)).toEqual(['td', 'pt']);
    expect(tree[0].children[0].children[0].id).toBe('cb1');
  });

  it('roots a subtree whose parent is outside it', () => {
    expect(toTree([org('td', 'lc'), org('cb1', 'td')]).map((n) => n.id)).toEqual(['td']);
  });

  it('looks for accounts from the admin’s root that holds the organisation', () => {
    const trees = [
      { rootId: 'lc', organizations: [org('lc', null), org('td', 'lc'), org('cb1', 'td')] },
      { rootId: 'other', organizations: [org('other', null)] },
    ];
    expect(rootHolding(trees, 'cb1')).toBe('lc');
    expect(rootHolding(trees, 'other')).toBe('other');
    expect(rootHolding(trees, 'elsewhere')).toBeUndefined();
  });
});
