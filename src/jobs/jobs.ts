import { systemClock, type Clock } from '../api/clock.ts';
import type { HttpClient } from '../api/http.ts';
import { revokeUserTokens } from '../api/tokens.ts';
import { browserLocks, memoryLocks, runLockName, type Locks } from './lock.ts';
import { createPacer, type PacerOptions, type PacerState } from './pacer.ts';
import type { RunRunner } from './runner.ts';
import type { RunsDatabase } from './store.ts';
import { emptyCounts, type Owner, type RowCounts, type RowState, type Run, type RunRow } from './types.ts';

/** What the tabs of this browser tell each other about runs. */
type Message =
  | { type: 'progress'; runId: string; tab: string; tabSince: number; counts: RowCounts; status: Run['status']; perMinute: number }
  | { type: 'released'; runId: string; tab: string }
  | { type: 'command'; runId: string; command: 'pause' | 'cancel' }
  | { type: 'runs-changed' };

/** A run as a page shows it: its counts, and who runs it. */
export interface RunProgress {
  counts: RowCounts;
  status: Run['status'] | undefined;
  /** 'here': this tab sends its requests; 'elsewhere': another tab does; undefined: nobody. */
  holder: 'here' | 'elsewhere' | undefined;
  /** When the tab that runs it was opened (epoch ms), when it is another tab. */
  holderSince?: number | undefined;
  /** Rows settled in the last minute. */
  perMinute: number;
}

export interface JobsHooks {
  /** Writes the run's one Activity entry, when it ends. */
  record: (run: Run, counts: RowCounts) => Promise<void>;
  /** The run revoked the admin's own tokens: their session is over. */
  onSelfRevoked: () => void;
  /** A request of the run was refused with a 401: the session is over. */
  onUnauthorized: () => void;
}

export interface JobsOptions {
  http: HttpClient;
  clock?: Clock;
  locks?: Locks;
  databaseName?: string;
  channelName?: string;
  /** A few requests in flight at once. */
  concurrency?: number;
  pacer?: Partial<PacerOptions>;
  /** How often this tab looks for a run of its admin that nobody runs (a closed tab's, an ended session's). */
  adoptEveryMs?: number;
}

const CHANNEL = 'token-admin-runs';
/** How often a running run's counts are read again from the store, at most. */
export const COUNTS_EVERY_MS = 200;
const RATE_WINDOW_MS = 60_000;

/**
 * The admin's long work in this browser: bulk runs, stored row by row in IndexedDB, run by one
 * tab at a time (Web Locks), watched live by the others (BroadcastChannel). A run that was
 * under way when a tab closed, crashed or its session ended is taken up again by the next tab of
 * the same admin in the same organisation; its rows in flight then are "not confirmed" and are
 * sent again only when the admin says so. No React here: pages read it through jobs/context.ts.
 */
export class Jobs {
  readonly clock: Clock;
  private readonly locks: Locks;
  private readonly channel: BroadcastChannel | undefined;
  private readonly tab = crypto.randomUUID();
  private readonly tabSince: number;
  private db: Promise<RunsDatabase> | undefined;
  private pacerState: PacerState;
  private readonly runners = new Map<string, RunRunner>();
  private readonly progress = new Map<string, RunProgress>();
  private readonly settledAt = new Map<string, number[]>();
  private readonly listeners = new Set<(runId: string | undefined) => void>();
  private owner: (Owner & { hooks: JobsHooks }) | undefined;
  private adoptTimer: ReturnType<typeof setInterval> | undefined;
  private closed = false;
  /** The last failure of work done in the background (IndexedDB full or blocked, say), for the page to say. */
  lastError: unknown;

  constructor(private readonly options: JobsOptions) {
    this.clock = options.clock ?? systemClock;
    this.locks = options.locks ?? browserLocks() ?? memoryLocks();
    this.tabSince = this.clock.now();
    this.pacerState = createPacer(options.pacer);
    this.channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(options.channelName ?? CHANNEL);
    (this.channel as { unref?: () => void } | undefined)?.unref?.();
    this.channel?.addEventListener('message', (event: MessageEvent) => this.hear(event.data as Message));
  }

  /** Runs work nobody awaits; a failure is kept for the page rather than lost. */
  private background(work: Promise<unknown>) {
    work.catch((error: unknown) => {
      if (this.closed) return;
      this.lastError = error;
      this.changed(undefined);
    });
  }

  /** The pace every request of long work keeps to, shared by runs and by resolving lists. */
  readonly pacer = {
    get: () => this.pacerState,
    set: (state: PacerState) => {
      this.pacerState = state;
    },
  };

  /** The IndexedDB code loads with the first run, not with every page. */
  private stores() {
    return import('./store.ts');
  }

  async database(): Promise<RunsDatabase> {
    const store = await this.stores();
    this.db ??= store.openRuns(this.options.databaseName);
    return this.db;
  }

  /** The signed-in admin: their interrupted runs carry on now, in this tab or another. */
  attach(owner: Owner, hooks: JobsHooks): void {
    if (this.owner?.actorId === owner.actorId && this.owner.orgId === owner.orgId) {
      this.owner = { ...owner, hooks };
      return;
    }
    this.detach();
    this.owner = { ...owner, hooks };
    this.background(this.adopt());
    this.adoptTimer = setInterval(() => this.background(this.adopt()), this.options.adoptEveryMs ?? 3_000);
  }

  /** The session ended: every run of this tab stops, to carry on after the next sign-in. */
  detach(): void {
    if (this.adoptTimer) clearInterval(this.adoptTimer);
    this.adoptTimer = undefined;
    this.owner = undefined;
    for (const runner of this.runners.values()) runner.sessionEnded();
  }

  close(): void {
    this.closed = true;
    this.detach();
    this.channel?.close();
    void this.db?.then((db) => db.close());
  }

  subscribe(listener: (runId: string | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  progressOf(runId: string): RunProgress | undefined {
    return this.progress.get(runId);
  }

  /** Stores a new run with all of its rows, then starts it in this tab. */
  async create(run: Run, rows: readonly RunRow[]): Promise<void> {
    const store = await this.stores();
    const db = await this.database();
    let stored = false;
    // Stored under its lock, so no other tab can take it up before this one starts it.
    const running = this.tryRun(run.id, async () => {
      await store.createRun(db, run, rows);
      stored = true;
      this.post({ type: 'runs-changed' });
    });
    this.background(running);
    await Promise.race([running, this.until(() => stored)]);
    // Set by the lock's callback, which TypeScript cannot see run.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (!stored) {
      await store.createRun(db, run, rows);
      this.post({ type: 'runs-changed' });
    }
  }

  /** Resolves once `check` holds, looking after each change. */
  private until(check: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const poll = () => (check() ? resolve() : void this.clock.sleep(10).then(poll));
      poll();
    });
  }

  async runs(orgId: string): Promise<Run[]> {
    const store = await this.stores();
    return store.listRuns(await this.database(), orgId);
  }

  async run(runId: string): Promise<Run | undefined> {
    const store = await this.stores();
    return store.getRun(await this.database(), runId);
  }

  async rows(runId: string): Promise<RunRow[]> {
    const store = await this.stores();
    return store.rowsOf(await this.database(), runId);
  }

  async counts(runId: string): Promise<RowCounts> {
    const store = await this.stores();
    const counts = await store.countsOf(await this.database(), runId);
    const known = this.progress.get(runId);
    if (known?.holder !== 'elsewhere') this.setProgress(runId, { ...(known ?? { holder: undefined, perMinute: 0, status: undefined }), counts });
    return counts;
  }

  async rowsForUser(orgId: string, userId: string): Promise<RunRow[]> {
    const store = await this.stores();
    return store.rowsForUser(await this.database(), orgId, userId);
  }

  async draft(key: string) {
    const store = await this.stores();
    return store.getDraft(await this.database(), key);
  }

  async saveDraft(key: string, text: string, reason: string): Promise<void> {
    const store = await this.stores();
    await store.putDraft(await this.database(), key, text, reason);
  }

  pause(runId: string): void {
    const runner = this.runners.get(runId);
    if (runner) runner.pause();
    else this.post({ type: 'command', runId, command: 'pause' });
  }

  cancel(runId: string): void {
    const runner = this.runners.get(runId);
    if (runner) runner.cancel();
    else {
      this.post({ type: 'command', runId, command: 'cancel' });
      // Paused, nobody runs it: cancelled here.
      this.background(this.cancelIdle(runId));
    }
  }

  /** Carries on with a paused run, in this tab. */
  async resume(runId: string): Promise<void> {
    const store = await this.stores();
    await store.updateRun(await this.database(), runId, { status: 'running' });
    this.background(this.tryRun(runId));
  }

  /** Sends the rows in these states again, at the admin's word: the one way a row is sent twice. */
  async again(runId: string, states: readonly ('failed' | 'not-confirmed' | 'cancelled')[]): Promise<number> {
    const store = await this.stores();
    const db = await this.database();
    const rows = (await Promise.all(states.map((state) => store.rowsIn(db, runId, state)))).flat();
    await store.putRows(
      db,
      rows.map((row) => ({ ...row, state: 'pending', reason: undefined, failure: undefined, retries: 0, notBefore: undefined })),
    );
    await store.updateRun(db, runId, { status: 'running', finishedAt: undefined, recorded: false });
    this.background(this.tryRun(runId));
    return rows.length;
  }

  private async cancelIdle(runId: string) {
    await this.locks.request(runLockName(runId), { ifAvailable: true }, async (lock) => {
      if (!lock) return;
      const store = await this.stores();
      const db = await this.database();
      const run = await store.getRun(db, runId);
      if (run?.status !== 'paused') return;
      const now = new Date(this.clock.now()).toISOString();
      const pending = await store.rowsIn(db, runId, 'pending');
      await store.putRows(db, pending.map((row) => ({ ...row, state: 'cancelled', reason: 'The run was cancelled before this was sent.', at: now })));
      await store.updateRun(db, runId, { status: 'cancelled', finishedAt: now });
      await this.ended(runId);
    });
  }

  /** Runs of the attached admin that should be running and that no tab runs: taken up here. */
  private async adopt() {
    const owner = this.owner;
    if (!owner || this.closed) return;
    const runs = await this.runs(owner.orgId);
    for (const run of runs) {
      if (run.actor.id !== owner.actorId || this.runners.has(run.id)) continue;
      if (run.status === 'running' || (run.status !== 'paused' && !run.recorded && run.finishedAt)) this.background(this.tryRun(run.id));
    }
  }

  /** Runs it here if no other tab does; `first` runs under the lock before anything else. */
  private async tryRun(runId: string, first?: () => Promise<void>): Promise<void> {
    const owner = this.owner;
    if (!owner || this.runners.has(runId)) return;
    await this.locks.request(runLockName(runId), { ifAvailable: true }, async (lock) => {
      if (!lock) return;
      const store = await this.stores();
      const db = await this.database();
      await first?.();
      const run = await store.getRun(db, runId);
      if (run?.actor.id !== owner.actorId || run.orgId !== owner.orgId) return;
      if (run.status !== 'running') {
        // An ended run whose Activity entry was not written (its tab closed first): written here.
        if ((run.status === 'finished' || run.status === 'cancelled') && !run.recorded) await this.ended(runId);
        return;
      }
      const { RunRunner } = await import('./runner.ts');
      const runner = new RunRunner(
        {
          db,
          clock: this.clock,
          pacer: this.pacer,
          concurrency: this.options.concurrency ?? 4,
          revoke: (userId, signal) =>
            revokeUserTokens(this.options.http, userId, { signal, onRateLimit: 'return', retries: 0, timeoutMs: 20_000 }),
          onRow: (row) => this.rowChanged(runId, row),
        },
        runId,
      );
      this.runners.set(runId, runner);
      this.setProgress(runId, { counts: await store.countsOf(db, runId), status: 'running', holder: 'here', perMinute: 0 });
      this.broadcast(runId);
      let outcome;
      try {
        outcome = await runner.run();
      } finally {
        this.runners.delete(runId);
      }
      const counts = await store.countsOf(db, runId);
      const after = await store.getRun(db, runId);
      this.setProgress(runId, { counts, status: after?.status, holder: undefined, perMinute: this.rate(runId) });
      this.post({ type: 'released', runId, tab: this.tab });
      this.post({ type: 'runs-changed' });
      if (outcome === 'session-ended') {
        // Only a 401 from Genesys ends the session here; a detach already knows.
        if (this.owner) owner.hooks.onUnauthorized();
        return;
      }
      if (outcome === 'finished' || outcome === 'cancelled') await this.ended(runId);
    });
  }

  /** Writes the run's Activity entry once, then, when it revoked the admin's own tokens, ends the session. */
  private async ended(runId: string) {
    const store = await this.stores();
    const owner = this.owner;
    const db = await this.database();
    const run = await store.getRun(db, runId);
    if (!run || run.recorded || !owner) return;
    const counts = await store.countsOf(db, runId);
    await owner.hooks.record(run, counts);
    await store.updateRun(db, runId, { recorded: true });
    this.post({ type: 'runs-changed' });
    this.changed(runId);
    if (run.includesSelf && (await store.rowsIn(db, runId, 'revoked')).some((row) => row.self)) owner.hooks.onSelfRevoked();
  }

  private rowChanged(runId: string, row: RunRow) {
    const known = this.progress.get(runId);
    if (!known) return;
    if (row.state !== 'in-flight' && row.state !== 'pending') {
      const times = (this.settledAt.get(runId) ?? []).filter((t) => t > this.clock.now() - RATE_WINDOW_MS);
      times.push(this.clock.now());
      this.settledAt.set(runId, times);
    }
    // Counts move by this row's step; the store is read again when the run ends.
    this.setProgress(runId, { ...known, counts: { ...known.counts } });
    this.countsSoon(runId);
  }

  /** Whether this tab, still open, runs the run now: a method, since it changes across awaits. */
  private runsHere(runId: string): boolean {
    return !this.closed && this.runners.has(runId);
  }

  private readonly countTimers = new Set<string>();
  /** Reads the counts again at most a few times a second, whatever the pace of answers. */
  private countsSoon(runId: string) {
    if (this.countTimers.has(runId)) return;
    this.countTimers.add(runId);
    const pending = this.clock.sleep(COUNTS_EVERY_MS).then(async () => {
      this.countTimers.delete(runId);
      if (!this.runsHere(runId)) return;
      const store = await this.stores();
      const counts = await store.countsOf(await this.database(), runId);
      // Taken as it is now, not as it was before the read: the run may have ended meanwhile, and
      // then its end has the last word (its status, and counts read after the last row).
      const known = this.progress.get(runId);
      if (!known || !this.runsHere(runId)) return;
      this.setProgress(runId, { ...known, counts, perMinute: this.rate(runId) });
      this.broadcast(runId);
    });
    this.background(pending);
  }

  /** Rows settled a minute, over the last minute (or since the first, in a run's first minute). */
  private rate(runId: string): number {
    const now = this.clock.now();
    const recent = (this.settledAt.get(runId) ?? []).filter((t) => t > now - RATE_WINDOW_MS);
    const first = recent[0];
    if (first === undefined) return 0;
    const span = Math.max(5_000, now - first);
    return Math.round((recent.length / Math.min(span, RATE_WINDOW_MS)) * RATE_WINDOW_MS);
  }

  private broadcast(runId: string) {
    const known = this.progress.get(runId);
    if (known?.holder !== 'here' || !known.status) return;
    this.post({ type: 'progress', runId, tab: this.tab, tabSince: this.tabSince, counts: known.counts, status: known.status, perMinute: known.perMinute });
  }

  private hear(message: Message) {
    switch (message.type) {
      case 'progress':
        if (this.runners.has(message.runId)) return;
        this.setProgress(message.runId, {
          counts: message.counts,
          status: message.status,
          holder: 'elsewhere',
          holderSince: message.tabSince,
          perMinute: message.perMinute,
        });
        break;
      case 'released': {
        const known = this.progress.get(message.runId);
        if (known?.holder === 'elsewhere') this.setProgress(message.runId, { ...known, holder: undefined });
        this.background(this.counts(message.runId).then(() => this.changed(message.runId)));
        break;
      }
      case 'command': {
        const runner = this.runners.get(message.runId);
        if (message.command === 'pause') runner?.pause();
        else runner?.cancel();
        break;
      }
      case 'runs-changed':
        this.changed(undefined);
        break;
    }
  }

  private post(message: Message) {
    this.channel?.postMessage(message);
  }

  private setProgress(runId: string, progress: RunProgress) {
    this.progress.set(runId, progress);
    this.changed(runId);
  }

  /** Goes up at every change, for pages that show runs. */
  version = 0;

  private changed(runId: string | undefined) {
    this.version += 1;
    for (const listener of this.listeners) listener(runId);
  }
}

export type { Owner, RowCounts, RowState, Run, RunRow };
export { emptyCounts };
