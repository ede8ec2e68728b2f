/**
 * Runs `task` over items from an async source with at most `limit` running at once, pulling the
 * next item only when a slot is free (so a streamed listing is read no faster than it is
 * audited). `task` must not reject. A failure of the source is rethrown once the running tasks
 * have finished.
 */
export async function forEachBounded<T>(
  items: AsyncIterable<T>,
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  const running = new Set<Promise<void>>();
  try {
    for await (const item of items) {
      while (running.size >= limit) await Promise.race(running);
      const p: Promise<void> = task(item).finally(() => running.delete(p));
      running.add(p);
    }
  } finally {
    await Promise.allSettled(running);
  }
}
