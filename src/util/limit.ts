/** A gate that lets at most `concurrency` tasks run at once; the others wait their turn, in order. */
export function limiter(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

/** Maps items through work, `concurrency` at a time, keeping the input's order. */
export function mapLimited<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const gate = limiter(concurrency);
  return Promise.all(items.map((item, index) => gate(() => work(item, index))));
}
