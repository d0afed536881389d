import type { RateLimitInfo } from '../api/rateLimit.ts';

/**
 * When the next request of a long run may go, to stay inside Genesys' limit (300 requests a
 * minute per user and OAuth client) rather than bump into it. Pure: the caller tells it the
 * time, what each answer said, and how many requests are in flight.
 *
 * When the browser may read `inin-ratelimit-*`, the window is known exactly: it sends until
 * the window is used up (less a reserve for the admin's other pages and tabs, which share the
 * limit), then waits for the window to start again. When it may not, it keeps to a sliding
 * minute at a rate under the documented limit, and halves that rate after a 429.
 */

export interface PacerOptions {
  /** Requests a minute when Genesys does not say how many are left. */
  fallbackPerMinute: number;
  /** Share of the window left for everything else this admin does meanwhile. */
  reserveShare: number;
  /** At least this many requests left for everything else, per window. */
  reserveAtLeast: number;
}

export const DEFAULT_PACER_OPTIONS: PacerOptions = {
  // The documented limit is 300; the rest is for the admin's other pages and tabs.
  fallbackPerMinute: 240,
  reserveShare: 0.02,
  reserveAtLeast: 3,
};

interface KnownWindow {
  /** Epoch ms when the window starts again. */
  resetAt: number;
  allowed: number;
  /** Requests Genesys counted in it so far. */
  count: number;
  /** Requests sent since the answer that gave `count`: they count too. */
  sentSince: number;
}

export interface PacerState {
  window: KnownWindow | undefined;
  /** When this run's own requests went out, for the sliding minute. */
  sent: number[];
  /** Nothing goes before this (a 429's Retry-After). */
  blockedUntil: number;
  perMinute: number;
  options: PacerOptions;
}

const MINUTE = 60_000;

export function createPacer(options: Partial<PacerOptions> = {}): PacerState {
  const merged = { ...DEFAULT_PACER_OPTIONS, ...options };
  return { window: undefined, sent: [], blockedUntil: 0, perMinute: merged.fallbackPerMinute, options: merged };
}

function reserveOf(state: PacerState, allowed: number): number {
  return Math.max(state.options.reserveAtLeast, Math.ceil(allowed * state.options.reserveShare));
}

/** Epoch ms at which one more request may be sent, given how many are in flight now. */
export function nextSendAt(state: PacerState, now: number, inFlight: number): number {
  let at = Math.max(now, state.blockedUntil);
  const known = state.window;
  if (known && known.resetAt > at) {
    const left = known.allowed - reserveOf(state, known.allowed) - known.count - known.sentSince - inFlight;
    if (left <= 0) at = known.resetAt;
    return at;
  }
  // The known window is over: the new one starts empty, so a few requests may go at once.
  if (known) return at;
  const recent = state.sent.filter((t) => t > at - MINUTE);
  if (recent.length + inFlight >= state.perMinute) {
    const oldest = recent[recent.length + inFlight - state.perMinute] ?? recent[0] ?? at;
    at = Math.max(at, oldest + MINUTE);
  }
  // Evenly spaced, not in bursts: a limit Genesys counts per second would refuse a burst.
  const last = state.sent.at(-1);
  if (last !== undefined) at = Math.max(at, last + MINUTE / state.perMinute);
  return at;
}

/** A request goes out now. */
export function recordSent(state: PacerState, now: number): PacerState {
  const sent = [...state.sent.filter((t) => t > now - MINUTE), now];
  const window = state.window ? { ...state.window, sentSince: state.window.sentSince + 1 } : undefined;
  return { ...state, sent, window };
}

/** An answer came back (any status but 429), with the rate-limit headers when readable. */
export function recordAnswer(state: PacerState, now: number, info: RateLimitInfo | undefined): PacerState {
  const pending = state.window ? { ...state.window, sentSince: Math.max(0, state.window.sentSince - 1) } : undefined;
  // Without headers, the pace creeps back up after a 429 halved it, a little with each answer.
  if (!info) return { ...state, window: pending, perMinute: Math.min(state.options.fallbackPerMinute, state.perMinute + 1) };
  const resetAt = now + info.resetSeconds * 1000;
  const fresh = { resetAt, allowed: info.allowed, count: info.count, sentSince: pending?.sentSince ?? 0 };
  if (!pending || now >= pending.resetAt) return { ...state, window: fresh };
  // Counted in a window that is over (its answer came late): nothing to learn.
  if (info.count >= pending.count && resetAt < pending.resetAt - 500) return { ...state, window: pending };
  // A count that went down, or a reset well after the known one: the window started again.
  if (info.count < pending.count || resetAt > pending.resetAt + 1_500) return { ...state, window: fresh };
  // `inin-ratelimit-reset` is in whole seconds: answers of one window name resets within a second of each other.
  return { ...state, window: { ...pending, allowed: info.allowed, count: info.count, resetAt: Math.max(pending.resetAt, resetAt) } };
}

/** Genesys said 429: nothing more goes until its wait is over, and without headers the pace halves. */
export function recordRateLimited(state: PacerState, now: number, retryAfterSeconds: number | undefined): PacerState {
  const wait = (retryAfterSeconds ?? 2) * 1000;
  const pending = state.window ? { ...state.window, sentSince: Math.max(0, state.window.sentSince - 1) } : undefined;
  return {
    ...state,
    window: pending,
    blockedUntil: Math.max(state.blockedUntil, now + wait),
    perMinute: pending ? state.perMinute : Math.max(10, Math.floor(state.perMinute / 2)),
  };
}
