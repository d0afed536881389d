import { abortReason, systemClock, type Clock } from './clock.ts';

/** Why the gate is closed: the call Genesys Cloud rate limited, and until when. */
export interface RateLimitHold {
  method: string;
  path: string;
  /** Epoch ms (browser clock) when requests may go again. */
  until: number;
  /** How long Genesys asked to wait. */
  seconds: number;
}

/**
 * Genesys limits requests per user and OAuth client, so a 429 concerns every call this app makes:
 * after one, the gate holds every request until the wait is over, whoever asks. Pages read it
 * to count down; nothing is sent meanwhile.
 */
export class RateLimitGate {
  private held: RateLimitHold | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly clock: Clock = systemClock) {}

  /** Closes the gate for `seconds` (never shortens a longer hold). */
  close(seconds: number, cause: { method: string; path: string }): void {
    const until = this.clock.now() + seconds * 1000;
    if (this.held && this.held.until >= until) return;
    this.held = { ...cause, until, seconds };
    this.changed();
    // Opens by itself, so a page counting down hears that it is over.
    void this.clock.sleep(seconds * 1000).then(() => this.current());
  }

  /** The hold under way, if any. */
  current(): RateLimitHold | undefined {
    if (this.held && this.held.until <= this.clock.now()) {
      this.held = undefined;
      this.changed();
    }
    return this.held;
  }

  /** Resolves once the gate is open; a closed gate is waited out (abortable). */
  async pass(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw abortReason(signal);
      const hold = this.current();
      if (!hold) return;
      await this.clock.sleep(hold.until - this.clock.now(), signal);
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** For useSyncExternalStore: stable between changes. */
  snapshot = (): RateLimitHold | undefined => this.held;

  private changed() {
    for (const listener of this.listeners) listener();
  }
}

/** Genesys' `inin-ratelimit-*` headers, when the browser may read them (the contract leaves that open). */
export interface RateLimitInfo {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Requests the window allows. */
  allowed: number;
  /** Seconds until the window starts again. */
  resetSeconds: number;
}

export function readRateLimit(headers: Headers): RateLimitInfo | undefined {
  const count = Number(headers.get('inin-ratelimit-count') ?? Number.NaN);
  const allowed = Number(headers.get('inin-ratelimit-allowed') ?? Number.NaN);
  const resetSeconds = Number(headers.get('inin-ratelimit-reset') ?? Number.NaN);
  if (![count, allowed, resetSeconds].every((n) => Number.isFinite(n) && n >= 0) || allowed === 0) return undefined;
  return { count, allowed, resetSeconds };
}
