import { describe, expect, it } from 'vitest';
import { MAX_RETRIES, backoffMs, decide } from './retry.ts';

describe('what an answer means for a row', () => {
  it('revokes on success, and is final on 404 and 403 with the reason', () => {
    expect(decide({ kind: 'ok' }, 0)).toEqual({ kind: 'revoked' });
    const gone = decide({ kind: 'status', status: 404, message: 'User u1 was not found.' }, 0);
    expect(gone).toMatchObject({ kind: 'failed', reason: 'not-found' });
    expect(gone.kind === 'failed' && gone.message).toContain('User u1 was not found.');
    expect(decide({ kind: 'status', status: 403, message: 'Missing oauth:token:delete' }, 0)).toEqual({ kind: 'failed', reason: 'forbidden', message: 'Missing oauth:token:delete' });
  });

  it('sends again after a 5xx a bounded number of times, backing off, then fails', () => {
    const again = [0, 1, 2].map((retries) => decide({ kind: 'status', status: 503, message: 'down' }, retries));
    expect(again).toEqual([1_000, 3_000, 9_000].map((afterMs) => ({ kind: 'again', afterMs, countsAsRetry: true })));
    expect(decide({ kind: 'status', status: 503, message: 'down' }, MAX_RETRIES)).toMatchObject({ kind: 'failed', reason: 'error' });
  });

  it('never sends a revocation again by itself when it may have been carried out: no answer, or a gateway that lost Genesys', () => {
    const unknown = decide({ kind: 'no-answer', message: 'Genesys Cloud did not answer within 20 s.' }, 0);
    expect(unknown.kind).toBe('not-confirmed');
    expect(unknown.kind === 'not-confirmed' && unknown.message).toContain('may or may not have revoked them');
    for (const status of [502, 504]) expect(decide({ kind: 'status', status, message: 'Bad gateway' }, 0).kind).toBe('not-confirmed');
  });

  it('queues a 429 again for its wait without spending a retry, and stops the run on a 401', () => {
    expect(decide({ kind: 'status', status: 429, message: 'slow down', retryAfterSeconds: 7 }, 3)).toEqual({ kind: 'again', afterMs: 7_000, countsAsRetry: false });
    expect(decide({ kind: 'status', status: 401, message: 'gone' }, 0)).toEqual({ kind: 'session-ended' });
    expect(decide({ kind: 'not-sent' }, 2)).toEqual({ kind: 'again', afterMs: 0, countsAsRetry: false });
    expect(backoffMs(1)).toBe(1_000);
  });
});
