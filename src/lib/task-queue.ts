/**
 * A queue that runs asynchronous tasks (file writes) at most `limit` at a
 * time: enough side by side to keep the disk busy, few enough that the open
 * files stay far below any system's limit (256 on macOS by default).
 */
export class TaskQueue {
  readonly #limit: number;
  readonly #waiting: (() => Promise<unknown>)[] = [];
  readonly #running = new Set<Promise<unknown>>();
  #failure: { error: unknown } | undefined;

  constructor(limit = 16) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a whole number ≥ 1, got ${limit}`);
    this.#limit = limit;
  }

  /** Queues a task; it starts when fewer than `limit` are running. */
  add(task: () => Promise<unknown>): void {
    this.#waiting.push(task);
    this.#next();
  }

  #next(): void {
    while (this.#running.size < this.#limit && this.#waiting.length > 0 && !this.#failure) {
      const run: Promise<unknown> = this.#waiting.shift()!().then(
        () => undefined,
        (error: unknown) => {
          this.#failure ??= { error };
        },
      );
      this.#running.add(run);
      void run.finally(() => {
        this.#running.delete(run);
        this.#next();
      });
    }
  }

  /** Resolves when every queued task has finished; rejects with the first failure (no new task starts after one). */
  async done(): Promise<void> {
    while (this.#running.size > 0) await Promise.race(this.#running);
    if (this.#failure) throw this.#failure.error;
  }
}
