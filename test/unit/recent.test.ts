/** The latest few answers of slow work, by key (src/lib/core/recent.ts). */
import { describe, expect, it } from 'vitest';
import { recentPromises } from '../../src/lib/core/recent.ts';

describe('recentPromises', () => {
  it('shares the work of a key asked again, while it runs and after', async () => {
    const recent = recentPromises<number>(2);
    let runs = 0;
    const work = () => Promise.resolve(++runs);
    const [a, b] = [recent('x', work), recent('x', work)];
    expect(a).toBe(b);
    expect(await a).toBe(1);
    expect(await recent('x', work)).toBe(1);
    expect(runs).toBe(1);
  });

  it('keeps only the latest keys, the oldest going first', async () => {
    const recent = recentPromises<string>(2);
    const runs: string[] = [];
    const work = (key: string) => () => (runs.push(key), Promise.resolve(key));
    for (const key of ['a', 'b', 'c']) await recent(key, work(key));
    await recent('b', work('b'));
    await recent('c', work('c'));
    await recent('a', work('a'));
    expect(runs).toEqual(['a', 'b', 'c', 'a']);
  });

  it('forgets a failed answer, so the next ask tries again', async () => {
    const recent = recentPromises<string>(2);
    await expect(recent('x', () => Promise.reject(new Error('nätet')))).rejects.toThrow('nätet');
    expect(await recent('x', () => Promise.resolve('igen'))).toBe('igen');
  });
});
