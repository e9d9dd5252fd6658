/**
 * The latest few answers of slow work, by key: the same key asked again, while its work
 * runs or after, shares that work's promise. An answer that failed is forgotten, so the
 * next ask tries again; beyond `limit` keys the oldest goes first.
 */
export function recentPromises<T>(limit: number): (key: string, work: () => Promise<T>) => Promise<T> {
  const kept = new Map<string, Promise<T>>();
  return (key, work) => {
    let promise = kept.get(key);
    if (!promise) {
      const mine = work();
      promise = mine;
      kept.set(key, mine);
      // Only this promise's entry: once dropped as the oldest, the key may hold a newer one.
      mine.catch(() => kept.get(key) === mine && kept.delete(key));
      // A Map keeps the order its keys were set in.
      if (kept.size > limit) kept.delete(kept.keys().next().value!);
    }
    return promise;
  };
}
