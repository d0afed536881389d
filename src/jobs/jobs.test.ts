import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/app.ts';
import { ADMIN } from '../../emulator/seed.ts';
import { systemClock, type Clock } from '../api/clock.ts';
import { HttpClient } from '../api/http.ts';
import { COUNTS_EVERY_MS, Jobs, type JobsHooks } from './jobs.ts';
import { memoryLocks, type Locks } from './lock.ts';
import { createRun, openRuns, putRow, rowsOf } from './store.ts';
import type { Run, RunRow } from './types.ts';

const open: Jobs[] = [];
afterEach(() => {
  for (const jobs of open.splice(0)) jobs.close();
});

/** An emulator, the admin's token, and what each DELETE revoked. */
function world() {
  const emulator = createEmulator({ control: true });
  const token = emulator.issueToken(ADMIN.email).access_token;
  const deletes: string[] = [];
  const http = new HttpClient({
    baseUrl: () => 'http://emulator.test',
    token: () => token,
    fetch: (input, init) => {
      const url = input instanceof Request ? input.url : input.toString();
      if (init?.method === 'DELETE') deletes.push(url.slice(url.lastIndexOf('/') + 1));
      return emulator.fetch(input, init);
    },
  });
  const users = [...emulator.store.users.values()].filter((u) => u.state === 'active' && u.id !== ADMIN.id).slice(0, 40);
  return { emulator, http, deletes, users, orgId: emulator.store.org.id };
}

/** A tab's jobs on a shared database, channel and locks: two of them are two tabs of one browser. */
function tab(http: HttpClient, shared: { name: string; locks: Locks }, hooks: Partial<JobsHooks> = {}) {
  const recorded: Run[] = [];
  const jobs = new Jobs({ http, databaseName: shared.name, channelName: shared.name, locks: shared.locks, adoptEveryMs: 50, concurrency: 4 });
  open.push(jobs);
  const allHooks: JobsHooks = {
    record: (run) => {
      recorded.push(run);
      return Promise.resolve();
    },
    onSelfRevoked: () => undefined,
    onUnauthorized: () => undefined,
    ...hooks,
  };
  return { jobs, recorded, hooks: allHooks };
}

function newRun(orgId: string, total: number, id = crypto.randomUUID()): Run {
  return { id, orgId, actor: { id: ADMIN.id, name: ADMIN.name }, createdAt: new Date().toISOString(), status: 'running', total, entries: total, includesSelf: false };
}

function rowsFor(run: Run, users: readonly { id: string; email: string }[]): RunRow[] {
  return users.map((user, index) => ({ runId: run.id, index, orgId: run.orgId, entry: user.email, userId: user.id, state: 'pending', retries: 0 }));
}

async function settled(jobs: Jobs, runId: string) {
  for (let i = 0; i < 400; i++) {
    const run = await jobs.run(runId);
    if (run?.recorded) return run;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the run did not end');
}

function revokedUsers(emulator: Emulator) {
  return new Set([...emulator.store.tokens.values()].filter((t) => t.revokedAt !== null).map((t) => t.userId));
}

// Runs against the emulator's rate limit take a few seconds each.
describe('a bulk run', { timeout: 30_000 }, () => {
  it('revokes every user once, records one Activity entry, and leaves every row with its outcome', async () => {
    const { http, deletes, users, orgId, emulator } = world();
    for (const user of users.slice(0, 25)) emulator.issueToken(user.email);
    const shared = { name: crypto.randomUUID(), locks: memoryLocks() };
    const { jobs, recorded, hooks } = tab(http, shared);
    jobs.attach({ actorId: ADMIN.id, orgId }, hooks);
    const run = newRun(orgId, 25);
    await jobs.create(run, rowsFor(run, users.slice(0, 25)));
    const done = await settled(jobs, run.id);
    expect(done.status).toBe('finished');
    expect([...deletes].sort()).toEqual(users.slice(0, 25).map((u) => u.id).sort());
    expect(recorded.map((r) => r.id)).toEqual([run.id]);
    expect((await jobs.counts(run.id)).revoked).toBe(25);
    for (const user of users.slice(0, 25)) expect(revokedUsers(emulator).has(user.id)).toBe(true);
  });

  it('takes up a stopped run: rows that were in flight are "not confirmed" and not sent; the rest are', async () => {
    const { http, deletes, users, orgId } = world();
    const name = crypto.randomUUID();
    const db = await openRuns(name);
    const run = newRun(orgId, 6);
    const rows = rowsFor(run, users.slice(0, 6));
    await createRun(db, run, rows);
    // The tab that ran it closed: two rows had their requests on the way, one was done.
    for (const index of [0, 1]) await putRow(db, { ...rows[index], state: 'in-flight' } as RunRow);
    await putRow(db, { ...rows[2], state: 'revoked' } as RunRow);
    db.close();

    const { jobs, hooks } = tab(http, { name, locks: memoryLocks() });
    jobs.attach({ actorId: ADMIN.id, orgId }, hooks);
    await settled(jobs, run.id);
    const after = await rowsOf(await jobs.database(), run.id);
    expect(after.map((r) => r.state)).toEqual(['not-confirmed', 'not-confirmed', 'revoked', 'revoked', 'revoked', 'revoked']);
    expect(after[0]?.reason).toMatch(/may or may not have revoked them/);
    expect([...deletes].sort()).toEqual(users.slice(3, 6).map((u) => u.id).sort());
    // Sent again only at the admin's word.
    await jobs.again(run.id, ['not-confirmed']);
    await settled(jobs, run.id);
    expect(deletes.filter((id) => id === users[0]?.id)).toHaveLength(1);
  });

  it('is not run by two tabs at once: the second watches, and takes over when the first stops', async () => {
    const { http, deletes, users, orgId, emulator } = world();
    emulator.store.setRateLimit({ perMinute: 8, windowSeconds: 1 });
    const shared = { name: crypto.randomUUID(), locks: memoryLocks() };
    const first = tab(http, shared);
    const second = tab(http, shared);
    first.jobs.attach({ actorId: ADMIN.id, orgId }, first.hooks);
    second.jobs.attach({ actorId: ADMIN.id, orgId }, second.hooks);
    const run = newRun(orgId, 30);
    await first.jobs.create(run, rowsFor(run, users.slice(0, 30)));
    // The second tab hears of its progress, and that another tab runs it.
    await expect.poll(() => second.jobs.progressOf(run.id)?.holder, { timeout: 5_000 }).toBe('elsewhere');
    // The first tab's session ends mid-run (its tab closes, say): the second carries on.
    await expect.poll(() => deletes.length, { timeout: 5_000 }).toBeGreaterThan(5);
    first.jobs.detach();
    const done = await settled(second.jobs, run.id);
    expect(done.status).toBe('finished');
    // Nobody was revoked twice, and everybody was revoked (or left "not confirmed" for the admin).
    expect(new Set(deletes).size).toBe(deletes.length);
    const counts = await second.jobs.counts(run.id);
    expect(counts.revoked + counts['not-confirmed']).toBe(30);
    expect(counts.revoked).toBe(deletes.length);
  });

  it('keeps to the rate limit when Genesys says how much is left: no 429, every row revoked', async () => {
    const { users, orgId, emulator } = world();
    emulator.store.setRateLimit({ perMinute: 12, windowSeconds: 1 });
    const refused: number[] = [];
    const counting = new HttpClient({
      baseUrl: () => 'http://emulator.test',
      token: () => emulator.issueToken(ADMIN.email).access_token,
      fetch: async (input, init) => {
        const response = await emulator.fetch(input, init);
        if (response.status === 429) refused.push(Date.now());
        return response;
      },
    });
    const { jobs, hooks } = tab(counting, { name: crypto.randomUUID(), locks: memoryLocks() });
    jobs.attach({ actorId: ADMIN.id, orgId }, hooks);
    const run = newRun(orgId, 30);
    await jobs.create(run, rowsFor(run, users.slice(0, 30)));
    await settled(jobs, run.id);
    expect((await jobs.counts(run.id)).revoked).toBe(30);
    expect(refused).toEqual([]);
  });

  it('sends a 5xx again and gives a 404 its reason, final', async () => {
    const { http, users, orgId, emulator } = world();
    emulator.store.addFault({ method: 'DELETE', path: `/api/v2/tokens/${users[0]?.id ?? ''}`, status: 503, remaining: 1, kind: 'status', skip: 0 });
    emulator.store.addFault({ method: 'DELETE', path: `/api/v2/tokens/${users[1]?.id ?? ''}`, status: 404, remaining: 5, kind: 'status', skip: 0 });
    const { jobs, hooks } = tab(http, { name: crypto.randomUUID(), locks: memoryLocks() });
    jobs.attach({ actorId: ADMIN.id, orgId }, hooks);
    const run = newRun(orgId, 3);
    await jobs.create(run, rowsFor(run, users.slice(0, 3)));
    await settled(jobs, run.id);
    const rows = await rowsOf(await jobs.database(), run.id);
    expect(rows.map((r) => [r.state, r.retries])).toEqual([['revoked', 1], ['failed', 0], ['revoked', 0]]);
    expect(rows[1]?.failure).toBe('not-found');
    expect(rows[1]?.reason).toContain('no such user');
  });

  it('pauses and resumes without sending anything twice, and a cancel leaves the rest cancelled', async () => {
    const { http, deletes, users, orgId, emulator } = world();
    emulator.store.setRateLimit({ perMinute: 6, windowSeconds: 1 });
    const { jobs, hooks } = tab(http, { name: crypto.randomUUID(), locks: memoryLocks() });
    jobs.attach({ actorId: ADMIN.id, orgId }, hooks);
    const run = newRun(orgId, 20);
    await jobs.create(run, rowsFor(run, users.slice(0, 20)));
    await expect.poll(() => deletes.length, { timeout: 5_000 }).toBeGreaterThan(2);
    jobs.pause(run.id);
    await expect.poll(async () => (await jobs.run(run.id))?.status, { timeout: 5_000 }).toBe('paused');
    const atPause = deletes.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(deletes).toHaveLength(atPause);
    await jobs.resume(run.id);
    await expect.poll(() => deletes.length, { timeout: 5_000 }).toBeGreaterThan(atPause + 2);
    jobs.cancel(run.id);
    const done = await settled(jobs, run.id);
    expect(done.status).toBe('cancelled');
    const counts = await jobs.counts(run.id);
    expect(counts.revoked + counts.cancelled).toBe(20);
    expect(counts.cancelled).toBeGreaterThan(0);
    expect(new Set(deletes).size).toBe(deletes.length);
  });

  it('shows a run that ended as ended, though its counts were being read again as it ended', async () => {
    const { http, users, orgId } = world();
    // The counts are read again every few milliseconds, so that some read is under way as a run ends.
    const clock: Clock = { now: () => Date.now(), sleep: (ms, signal) => systemClock.sleep(ms === COUNTS_EVERY_MS ? 1 : ms, signal) };
    const name = crypto.randomUUID();
    const jobs = new Jobs({ http, databaseName: name, channelName: name, locks: memoryLocks(), adoptEveryMs: 50, concurrency: 4, clock });
    open.push(jobs);
    jobs.attach({ actorId: ADMIN.id, orgId }, { record: () => Promise.resolve(), onSelfRevoked: () => undefined, onUnauthorized: () => undefined });
    const shown: string[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const run = newRun(orgId, 2);
      await jobs.create(run, rowsFor(run, users.slice(2 * attempt, 2 * attempt + 2)));
      await settled(jobs, run.id);
      await new Promise((resolve) => setTimeout(resolve, 20));
      shown.push(`${jobs.progressOf(run.id)?.status} ${jobs.progressOf(run.id)?.counts.revoked}`);
    }
    expect(shown).toEqual(Array.from({ length: 12 }, () => 'finished 2'));
  });
});
