/** Cache keys for incremental builds (src/views/page-key.ts). */
import { describe, expect, it } from 'vitest';
import { pageKey } from '../../src/views/page-key.ts';

const entry = (digest: string, title: string) => ({ collection: 'cases', id: 'a', digest, data: { title } });

describe('pageKey', () => {
  it('is stable for equal inputs and changes with any of them', () => {
    expect(pageKey('x', { a: 1 })).toBe(pageKey('x', { a: 1 }));
    expect(pageKey('x', { a: 1 })).not.toBe(pageKey('x', { a: 2 }));
    expect(pageKey('x', { a: 1 })).not.toBe(pageKey('y', { a: 1 }));
  });

  it('keys a collection entry by its digest, not its data', () => {
    expect(pageKey([entry('d1', 'En')])).toBe(pageKey([entry('d1', 'Annan titel, samma fil')]));
    expect(pageKey([entry('d1', 'En')])).not.toBe(pageKey([entry('d2', 'En')]));
  });

  it('counts the contents of Maps and Sets (JSON alone would drop them)', () => {
    expect(pageKey(new Map([['a', 1]]))).not.toBe(pageKey(new Map([['a', 2]])));
    expect(pageKey(new Set(['a']))).not.toBe(pageKey(new Set(['b'])));
  });

  it('refuses functions, which a key cannot capture', () => {
    expect(() => pageKey({ count: () => 1 })).toThrow('En funktion kan inte ingå i en sidas cachenyckel');
  });
});
