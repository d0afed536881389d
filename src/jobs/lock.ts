/**
 * Two tabs never run the same run at once: the one that holds its Web Lock runs it; the others
 * watch. A lock is let go when its tab closes or crashes, so another tab can carry on.
 */
export interface Locks {
  /** Runs `work` holding the lock, or calls it with null at once when another holder has it. */
  request<T>(name: string, options: { ifAvailable: true }, work: (lock: Lock | null) => Promise<T>): Promise<T>;
}

/** The browser's Web Locks, shared by every tab of this origin. */
export function browserLocks(): Locks | undefined {
  return typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined;
}

/** Locks within one JavaScript realm: for tests of two "tabs", and browsers without Web Locks. */
export function memoryLocks(): Locks {
  const held = new Set<string>();
  return {
    async request(name, _options, work) {
      if (held.has(name)) return work(null);
      held.add(name);
      try {
        return await work({ name, mode: 'exclusive' });
      } finally {
        held.delete(name);
      }
    },
  };
}

export const runLockName = (runId: string) => `token-admin-run:${runId}`;
