import { describe, expect, it } from 'vitest';
import { createPacer, nextSendAt, recordAnswer, recordRateLimited, recordSent, type PacerState } from './pacer.ts';

const T0 = 1_000_000;

/** Sends as fast as the pacer allows against a fixed-window limit, on a fake clock; returns when each request went. */
function simulate(options: { requests: number; allowed: number; windowMs: number; headers: boolean; latencyMs?: number; concurrency?: number }) {
  let pacer: PacerState = createPacer();
  let now = T0;
  let windowStart = T0;
  let count = 0;
  const sentAt: number[] = [];
  let refused = 0;
  const latency = options.latencyMs ?? 5;
  const inFlight: { answerAt: number; allowed: boolean; info: { count: number; allowed: number; resetSeconds: number } }[] = [];
  let left = options.requests;
  while (left > 0 || inFlight.length > 0) {
    // Answers due by now.
    inFlight.sort((a, b) => a.answerAt - b.answerAt);
    while (inFlight[0] && inFlight[0].answerAt <= now) {
      const answer = inFlight.shift();
      if (!answer) break;
      if (answer.allowed) pacer = recordAnswer(pacer, answer.answerAt, options.headers ? answer.info : undefined);
      else {
        refused += 1;
        left += 1;
        pacer = recordRateLimited(pacer, answer.answerAt, answer.info.resetSeconds);
      }
    }
    if (left === 0 && inFlight.length === 0) break;
    const at = left > 0 && inFlight.length < (options.concurrency ?? 4) ? nextSendAt(pacer, now, inFlight.length) : Number.POSITIVE_INFINITY;
    const nextAnswer = inFlight[0]?.answerAt ?? Number.POSITIVE_INFINITY;
    if (at <= now) {
      if (now >= windowStart + options.windowMs) {
        windowStart = now;
        count = 0;
      }
      count += 1;
      const resetSeconds = Math.max(1, Math.ceil((windowStart + options.windowMs - now) / 1000));
      inFlight.push({ answerAt: now + latency, allowed: count <= options.allowed, info: { count, allowed: options.allowed, resetSeconds } });
      pacer = recordSent(pacer, now);
      sentAt.push(now);
      left -= 1;
      continue;
    }
    now = Math.min(at, nextAnswer);
    if (!Number.isFinite(now)) throw new Error(`stuck at=${at} next=${nextAnswer} left=${left} inFlight=${inFlight.length} ${JSON.stringify(pacer.window)} blocked=${pacer.blockedUntil}`);
  }
  return { sentAt, refused, took: now - T0 };
}

describe('the pacer', () => {
  it('with the limit in the headers, uses each window (less a reserve) and waits for the next: no 429', () => {
    const run = simulate({ requests: 1_000, allowed: 600, windowMs: 60_000, headers: true });
    expect(run.refused).toBe(0);
    // Two windows: 588 in the first, the rest once it starts again.
    expect(run.sentAt.filter((t) => t < T0 + 60_000)).toHaveLength(588);
    expect(run.took).toBeLessThan(61_000 + 5_000);
    expect(run.took).toBeGreaterThanOrEqual(60_000);
  });

  it('without headers, keeps to a sliding minute under the documented limit', () => {
    const run = simulate({ requests: 500, allowed: 300, windowMs: 60_000, headers: false });
    expect(run.refused).toBe(0);
    for (const t of run.sentAt) expect(run.sentAt.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(240);
  });

  it('without headers and a lower limit than it assumes, meets a 429, waits, and slows down', () => {
    const run = simulate({ requests: 300, allowed: 100, windowMs: 60_000, headers: false });
    expect(run.refused).toBeGreaterThan(0);
    // At most a 429 or two a minute: the pace halves after each.
    expect(run.refused).toBeLessThanOrEqual(Math.ceil(run.took / 60_000) + 1);
    expect(run.sentAt.length - run.refused).toBe(300);
  });

  it('holds everything during a Retry-After', () => {
    let pacer = createPacer();
    pacer = recordSent(pacer, T0);
    pacer = recordRateLimited(pacer, T0 + 10, 15);
    expect(nextSendAt(pacer, T0 + 20, 0)).toBe(T0 + 10 + 15_000);
  });

  it('leaves room for requests in flight: they count before their answers come', () => {
    let pacer = createPacer({ reserveAtLeast: 0, reserveShare: 0 });
    pacer = recordSent(pacer, T0);
    pacer = recordAnswer(pacer, T0 + 5, { count: 8, allowed: 10, resetSeconds: 30 });
    expect(nextSendAt(pacer, T0 + 6, 1)).toBe(T0 + 6);
    expect(nextSendAt(pacer, T0 + 6, 2)).toBe(T0 + 5 + 30_000);
  });

  it('ignores an answer from a window that is already over', () => {
    let pacer = createPacer({ reserveAtLeast: 0, reserveShare: 0 });
    pacer = recordAnswer(pacer, T0, { count: 1, allowed: 10, resetSeconds: 2 });
    pacer = recordAnswer(pacer, T0 + 2_100, { count: 1, allowed: 10, resetSeconds: 60 });
    const stale = recordAnswer(pacer, T0 + 2_200, { count: 10, allowed: 10, resetSeconds: 1 });
    expect(nextSendAt(stale, T0 + 2_300, 0)).toBe(T0 + 2_300);
  });
});
