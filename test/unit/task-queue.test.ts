/** The bounded queue for file writes (src/lib/task-queue.ts). */
import { describe, expect, it } from 'vitest';
import { TaskQueue } from '../../src/lib/task-queue.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('TaskQueue', () => {
  it('runs every task, never more than the limit at once', async () => {
    const queue = new TaskQueue(3);
    let running = 0;
    let most = 0;
    const done: number[] = [];
    for (let i = 0; i < 20; i++) {
      queue.add(async () => {
        running++;
        most = Math.max(most, running);
        await tick();
        running--;
        done.push(i);
      });
    }
    await queue.done();
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(most).toBe(3);
  });

  it('rejects with the first failure and starts nothing after it', async () => {
    const queue = new TaskQueue(1);
    const started: number[] = [];
    queue.add(async () => {
      started.push(1);
      throw new Error('disken är full');
    });
    queue.add(async () => {
      started.push(2);
    });
    await expect(queue.done()).rejects.toThrow('disken är full');
    expect(started).toEqual([1]);
  });

  it('refuses a limit below 1', () => {
    expect(() => new TaskQueue(0)).toThrow('limit must be a whole number ≥ 1, got 0');
  });
});
