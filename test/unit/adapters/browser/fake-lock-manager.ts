// An in-memory Web Locks LockManager for unit tests: exclusive locks granted in request order,
// released when the callback's promise settles; a queued request can be aborted by its signal.

interface Waiting {
  readonly callback: (lock: Lock | null) => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
}

/** A LockManager for one origin, plus `held()` listing the names currently held. */
export function fakeLockManager(): LockManager & { held(): string[] } {
  const queues = new Map<string, Waiting[]>();
  const holders = new Set<string>();

  function grant(name: string): void {
    if (holders.has(name)) return;
    const next = queues.get(name)?.shift();
    if (next === undefined) return;
    holders.add(name);
    const release = () => {
      holders.delete(name);
      grant(name);
    };
    Promise.resolve()
      .then(() => next.callback({ name, mode: 'exclusive' } as Lock))
      .then(
        (value) => {
          release();
          next.resolve(value);
        },
        (error: unknown) => {
          release();
          next.reject(error);
        },
      );
  }

  function request(
    name: string,
    optionsOrCallback: LockOptions | ((lock: Lock | null) => unknown),
    maybeCallback?: (lock: Lock | null) => unknown,
  ): Promise<unknown> {
    const [options, callback] =
      typeof optionsOrCallback === 'function'
        ? [{} as LockOptions, optionsOrCallback]
        : [optionsOrCallback, maybeCallback as (lock: Lock | null) => unknown];
    return new Promise((resolve, reject) => {
      const aborted = () => new DOMException('The request was aborted.', 'AbortError');
      if (options.signal?.aborted) return reject(aborted());
      const waiting: Waiting = { callback, resolve, reject };
      const queue = queues.get(name) ?? [];
      queues.set(name, queue);
      queue.push(waiting);
      options.signal?.addEventListener('abort', () => {
        const at = queue.indexOf(waiting);
        if (at < 0) return;
        queue.splice(at, 1);
        reject(aborted());
      });
      grant(name);
    });
  }

  return {
    request: request as LockManager['request'],
    query: async () => ({ held: [], pending: [] }),
    held: () => [...holders],
  };
}
