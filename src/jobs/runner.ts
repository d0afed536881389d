import type { Clock } from '../api/clock.ts';
import { isApiError, isCancelled, type Answer } from '../api/http.ts';
import { readRateLimit } from '../api/rateLimit.ts';
import { nextSendAt, recordAnswer, recordRateLimited, recordSent, type PacerState } from './pacer.ts';
import { decide, type Attempt } from './retry.ts';
import { getRun, putRow, rowsIn, updateRun, type RunsDatabase } from './store.ts';
import type { RunRow } from './types.ts';

export interface RunnerDeps {
  db: RunsDatabase;
  /** DELETE /api/v2/tokens/{userId}, with a 429 handed back at once. `signal` stops it while it waits. */
  revoke: (userId: string, signal: AbortSignal) => Promise<Answer<void>>;
  clock: Clock;
  /** Shared with everything else the admin's long work sends, so it all keeps to one pace. */
  pacer: { get(): PacerState; set(state: PacerState): void };
  concurrency: number;
  /** A row changed. */
  onRow: (row: RunRow) => void;
}

export type RunOutcome = 'finished' | 'paused' | 'cancelled' | 'session-ended';

const NOT_CONFIRMED_ON_RESUME =
  'The run stopped while this request was on its way, so Genesys Cloud may or may not have revoked them. It is sent again only if you ask.';

/**
 * Sends one run's pending rows, a few at a time, at the pacer's pace, writing each row's state
 * before its request goes and after its answer comes. It runs in the one tab that holds the
 * run's lock. Pause and Cancel stop new requests at once (waits included); requests already
 * sent finish and are recorded.
 */
export class RunRunner {
  private stopping: 'pause' | 'cancel' | 'session' | undefined;
  private readonly controller = new AbortController();
  private wake: (() => void) | undefined;

  constructor(
    private readonly deps: RunnerDeps,
    readonly runId: string,
  ) {}

  /** Whether something stopped the run; a method, since it changes while the run awaits. */
  private stopped(): boolean {
    return this.stopping !== undefined;
  }

  pause(): void {
    this.stop('pause');
  }

  cancel(): void {
    this.stop('cancel');
  }

  /** The session ended: stop, and carry on after the next sign-in. */
  sessionEnded(): void {
    this.stop('session');
  }

  private stop(why: 'pause' | 'cancel' | 'session') {
    // Cancel outranks pause; the session ending outranks both, since the run must go on later.
    if (this.stopping === 'session' || (this.stopping === 'cancel' && why === 'pause')) return;
    this.stopping = why;
    this.controller.abort(new DOMException('The run was stopped.', 'AbortError'));
    this.wake?.();
  }

  async run(): Promise<RunOutcome> {
    const { db, clock } = this.deps;
    // This tab holds the run's lock: a row still marked in flight was sent by a tab, or a
    // session, that is gone. Nobody knows what became of it.
    for (const row of await rowsIn(db, this.runId, 'in-flight')) {
      await this.save({ ...row, state: 'not-confirmed', reason: NOT_CONFIRMED_ON_RESUME });
    }
    await updateRun(db, this.runId, { status: 'running' });

    const queue = await rowsIn(db, this.runId, 'pending');
    const inFlight = new Map<number, Promise<void>>();

    const settle = async (row: RunRow, attempt: Attempt, answer?: { headers?: Headers | undefined; correlationId?: string | undefined }) => {
      const now = clock.now();
      const pacer = this.deps.pacer.get();
      if (attempt.kind === 'status' && attempt.status === 429) this.deps.pacer.set(recordRateLimited(pacer, now, attempt.retryAfterSeconds));
      else if (attempt.kind !== 'not-sent') this.deps.pacer.set(recordAnswer(pacer, now, answer?.headers ? readRateLimit(answer.headers) : undefined));
      const decision = decide(attempt, row.retries);
      const at = new Date(now).toISOString();
      const base = { ...row, at, correlationId: answer?.correlationId ?? row.correlationId };
      switch (decision.kind) {
        case 'revoked':
          await this.save({ ...base, state: 'revoked', reason: undefined, failure: undefined });
          break;
        case 'failed':
          await this.save({ ...base, state: 'failed', reason: decision.message, failure: decision.reason });
          break;
        case 'not-confirmed':
          await this.save({ ...base, state: 'not-confirmed', reason: decision.message });
          break;
        case 'session-ended':
          await this.save({ ...base, state: 'pending', reason: undefined });
          this.stopping = 'session';
          break;
        case 'again': {
          const next = { ...base, state: 'pending' as const, retries: row.retries + (decision.countsAsRetry ? 1 : 0), notBefore: now + decision.afterMs };
          await this.save(next);
          if (!this.stopped()) queue.push(next);
          break;
        }
      }
    };

    const send = (row: RunRow) => {
      const userId = row.userId ?? '';
      return this.deps
        .revoke(userId, this.controller.signal)
        .then(
          (answer) => settle(row, { kind: 'ok' }, answer),
          (error: unknown) => {
            if (isCancelled(error)) return settle(row, error.nothingChanged ? { kind: 'not-sent' } : { kind: 'no-answer', message: error.message });
            if (isApiError(error)) {
              const answer = { headers: error.headers, correlationId: error.correlationId };
              if (error.status === 0) return settle(row, { kind: 'no-answer', message: error.message }, answer);
              return settle(row, { kind: 'status', status: error.status, message: error.message, retryAfterSeconds: error.retryAfterSeconds }, answer);
            }
            return settle(row, { kind: 'no-answer', message: error instanceof Error ? error.message : String(error) });
          },
        )
        .finally(() => {
          inFlight.delete(row.index);
          this.wake?.();
        });
    };

    while (!this.stopped()) {
      const now = clock.now();
      queue.sort((a, b) => a.index - b.index);
      const readyAt = queue.reduce((soonest, row) => Math.min(soonest, row.notBefore ?? 0), Number.POSITIVE_INFINITY);
      if (queue.length === 0 && inFlight.size === 0) break;

      let waitUntil = Number.POSITIVE_INFINITY;
      while (inFlight.size < this.deps.concurrency && queue.length > 0 && !this.stopped()) {
        const index = queue.findIndex((row) => (row.notBefore ?? 0) <= now);
        const row = index < 0 ? undefined : queue[index];
        if (!row) {
          waitUntil = readyAt;
          break;
        }
        // The admin's own row goes alone and last: once it is revoked, nothing else can be sent.
        if (row.self && (inFlight.size > 0 || queue.some((other) => !other.self))) {
          if (inFlight.size === 0) waitUntil = readyAt;
          break;
        }
        const at = nextSendAt(this.deps.pacer.get(), now, inFlight.size);
        if (at > now) {
          waitUntil = at;
          break;
        }
        queue.splice(index, 1);
        const sending: RunRow = { ...row, state: 'in-flight', at: new Date(now).toISOString(), notBefore: undefined };
        // Written before the request goes: a crash from here on leaves it "not confirmed", never sent twice by itself.
        await this.save(sending);
        this.deps.pacer.set(recordSent(this.deps.pacer.get(), now));
        inFlight.set(row.index, send(sending));
      }
      if (this.stopped()) break;
      await this.sleepUntil(waitUntil, inFlight.size);
    }

    // Requests already sent finish and are recorded, whatever stopped the run.
    await Promise.all(inFlight.values());
    return this.finish();
  }

  /** Waits until `at`, an answer, or a stop, whichever comes first. */
  private async sleepUntil(at: number, answersPending: number) {
    const { clock } = this.deps;
    if (!Number.isFinite(at) && answersPending === 0) return;
    const wait = new AbortController();
    const woken = new Promise<void>((resolve) => {
      this.wake = resolve;
    });
    const timer = Number.isFinite(at) ? clock.sleep(Math.max(0, at - clock.now()), wait.signal).catch(() => undefined) : woken;
    await Promise.race([timer, woken]);
    wait.abort();
    this.wake = undefined;
  }

  private async finish(): Promise<RunOutcome> {
    const { db, clock } = this.deps;
    const now = new Date(clock.now()).toISOString();
    if (this.stopping === 'session') return 'session-ended';
    if (this.stopping === 'cancel') {
      for (const row of await rowsIn(db, this.runId, 'pending')) {
        await this.save({ ...row, state: 'cancelled', reason: 'The run was cancelled before this was sent.', at: now, notBefore: undefined });
      }
      await updateRun(db, this.runId, { status: 'cancelled', finishedAt: now });
      return 'cancelled';
    }
    if (this.stopping === 'pause') {
      await updateRun(db, this.runId, { status: 'paused' });
      return 'paused';
    }
    const run = await getRun(db, this.runId);
    if (run?.status === 'running') await updateRun(db, this.runId, { status: 'finished', finishedAt: now });
    return 'finished';
  }

  private async save(row: RunRow) {
    await putRow(this.deps.db, row);
    this.deps.onRow(row);
  }
}
