/** Time as the client sees it; injectable so waits, timeouts and pacing are tested without sleeping. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason as soon as it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('The operation was aborted.', 'AbortError');
}

/** A moment Genesys gave (ISO 8601, in its time) in the browser's time, given the clocks' offset; undefined when it gave none. */
export function inBrowserTime(genesysTime: string | undefined, offsetMs: number): number | undefined {
  const at = genesysTime === undefined ? Number.NaN : Date.parse(genesysTime);
  return Number.isFinite(at) ? at - offsetMs : undefined;
}

/**
 * Genesys' clock as estimated from the `Date` header of its answers. Idle deadlines
 * (`dateTokenIdles`) are in Genesys' time: the browser's clock may be minutes apart.
 */
export class ServerClock {
  /** Genesys' time minus the browser's, in ms; 0 until an answer said otherwise. */
  private offset = 0;
  /** Round trip of the sample the offset comes from: the shortest one is the most exact. */
  private bestRoundTrip = Number.POSITIVE_INFINITY;
  private sampledAt = Number.NEGATIVE_INFINITY;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly clock: Pick<Clock, 'now'> = systemClock) {}

  /** Hears when the estimate moves by more than a second. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** For useSyncExternalStore. */
  snapshot = (): number => this.offset;

  /** Takes a sample from one answer: its `Date` header, and when the request was sent and answered. */
  observe(dateHeader: string | null, sentAt: number, answeredAt: number): void {
    if (!dateHeader) return;
    const server = Date.parse(dateHeader);
    if (!Number.isFinite(server)) return;
    const roundTrip = Math.max(0, answeredAt - sentAt);
    const estimate = server + 500 - (sentAt + roundTrip / 2);
    // A sample that disagrees by more than it could be off means a clock moved: taken at once.
    // Otherwise the shortest round trip is the most exact, and after a minute any sample will do.
    const moved = Math.abs(estimate - this.offset) > roundTrip / 2 + 1_000;
    if (!moved && roundTrip > this.bestRoundTrip && answeredAt - this.sampledAt < 60_000) return;
    // `Date` has whole seconds: Genesys' time was somewhere within that second.
    const before = this.offset;
    this.offset = estimate;
    if (Math.abs(this.offset - before) > 1_000) for (const listener of this.listeners) listener();
    this.bestRoundTrip = roundTrip;
    this.sampledAt = answeredAt;
  }

  get offsetMs(): number {
    return this.offset;
  }

  /** Now, in Genesys' time. */
  now(): number {
    return this.clock.now() + this.offset;
  }
}
