import type { Clock } from '../api/clock.ts';
import { getGroupMembers } from '../api/groups.ts';
import { isApiError, isCancelled, type Answer, type HttpClient } from '../api/http.ts';
import { readRateLimit } from '../api/rateLimit.ts';
import { USERS_BY_ID_BATCH, getUsersById, searchUsers, type User } from '../api/users.ts';
import { nextSendAt, recordAnswer, recordRateLimited, recordSent, type PacerState } from './pacer.ts';

/** An entry to look up: by id or email, from the admin's list, a group or the Users page. */
export interface Lookup {
  kind: 'id' | 'email';
  /** Lower-cased id or address. */
  key: string;
  /** As the admin gave it. */
  entry: string;
  /** Where it came from, for the preview: "line 12", "group Night Shift", "selected on Users". */
  from: string;
  /** Its place in what the admin gave, for showing everything in that order. */
  order?: number | undefined;
}

export interface GroupPick {
  id: string;
  name: string;
}

export type Resolution =
  | { status: 'user'; lookup: Lookup; user: User }
  | { status: 'not-found'; lookup: Lookup; reason: string }
  | { status: 'duplicate'; lookup: Lookup; user: User; reason: string }
  | { status: 'failed'; lookup: Lookup; reason: string; correlationId?: string | undefined };

export interface ResolveDeps {
  http: HttpClient;
  clock: Clock;
  pacer: { get(): PacerState; set(state: PacerState): void };
  signal?: AbortSignal;
  /** Requests done of those known so far. */
  onProgress?: (done: number, total: number) => void;
}

const CONCURRENCY = 4;

/** Runs `work` (a read) at the shared pace, waiting out a 429 itself: a read is safe to send again. */
async function paced<T>(deps: ResolveDeps, work: () => Promise<Answer<T>>, inFlight: { count: number }): Promise<Answer<T>> {
  for (;;) {
    for (;;) {
      if (deps.signal?.aborted) throw deps.signal.reason as Error;
      const at = nextSendAt(deps.pacer.get(), deps.clock.now(), inFlight.count);
      if (at <= deps.clock.now()) break;
      await deps.clock.sleep(Number.isFinite(at) ? at - deps.clock.now() : 250, deps.signal);
    }
    deps.pacer.set(recordSent(deps.pacer.get(), deps.clock.now()));
    inFlight.count += 1;
    try {
      const answer = await work();
      deps.pacer.set(recordAnswer(deps.pacer.get(), deps.clock.now(), readRateLimit(answer.headers)));
      return answer;
    } catch (error) {
      if (isApiError(error) && error.status === 429) {
        deps.pacer.set(recordRateLimited(deps.pacer.get(), deps.clock.now(), error.retryAfterSeconds));
        continue;
      }
      deps.pacer.set(recordAnswer(deps.pacer.get(), deps.clock.now(), isApiError(error) && error.headers ? readRateLimit(error.headers) : undefined));
      throw error;
    } finally {
      inFlight.count -= 1;
    }
  }
}

/** Runs the tasks a few at a time. */
async function pool<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const index = next++;
        const task = tasks[index];
        if (task) results[index] = await task();
      }
    }),
  );
  return results;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Finds the user behind each entry: ids a hundred at a time (`GET /api/v2/users?id=`), emails by
 * an exact search each, and every page of each group's members, all at the pace long work keeps.
 * The same user named twice is one user: later mentions are duplicates of the first.
 */
export async function resolveLookups(deps: ResolveDeps, lookups: readonly Lookup[], groups: readonly GroupPick[] = []): Promise<Resolution[]> {
  const inFlight = { count: 0 };
  let done = 0;
  let total = 0;
  const progress = () => deps.onProgress?.(done, total);
  const step = <T>(work: () => Promise<Answer<T>>) => paced(deps, work, inFlight).finally(() => {
    done += 1;
    progress();
  });

  const ids = [...new Set(lookups.filter((l) => l.kind === 'id').map((l) => l.key))];
  const emails = [...new Set(lookups.filter((l) => l.kind === 'email').map((l) => l.key))];
  const byId = new Map<string, User>();
  const byEmail = new Map<string, User | string>();
  const failures = new Map<string, { reason: string; correlationId: string | undefined }>();
  const failure = (reason: string, error: unknown) => ({ reason: `${reason}: ${reasonOf(error)}`, correlationId: isApiError(error) ? error.correlationId : undefined });
  const members: { user: User; group: GroupPick }[] = [];

  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += USERS_BY_ID_BATCH) batches.push(ids.slice(i, i + USERS_BY_ID_BATCH));
  total = batches.length + emails.length + groups.length;
  progress();

  const tasks: (() => Promise<void>)[] = [
    ...batches.map((batch) => async () => {
      try {
        const { body } = await step(() => getUsersById(deps.http, batch, { signal: deps.signal, onRateLimit: 'return' }));
        for (const user of body.entities ?? []) byId.set(user.id.toLowerCase(), user);
      } catch (error) {
        if (isCancelled(error) || deps.signal?.aborted) throw error;
        for (const id of batch) failures.set(`id:${id}`, failure("Couldn't look this id up", error));
      }
    }),
    ...emails.map((email) => async () => {
      try {
        const { body } = await step(async () => {
          const results = await searchUsers(deps.http, { text: email, page: 1, pageSize: 2, by: 'exact-email' }, deps.signal);
          return { body: results, status: 200, headers: new Headers(), correlationId: undefined };
        });
        const found = (body.results ?? []).filter((user) => user.email?.toLowerCase() === email);
        byEmail.set(email, found.length === 1 && found[0] ? found[0] : found.length === 0 ? 'none' : 'several');
      } catch (error) {
        if (isCancelled(error) || deps.signal?.aborted) throw error;
        failures.set(`email:${email}`, failure("Couldn't look this address up", error));
      }
    }),
    ...groups.map((group) => async () => {
      let page = 1;
      for (;;) {
        const { body } = await step(() => getGroupMembers(deps.http, group.id, page, { signal: deps.signal, onRateLimit: 'return' }));
        for (const user of body.entities ?? []) members.push({ user, group });
        const pageCount = body.pageCount ?? 1;
        if (page >= pageCount || (body.entities ?? []).length === 0) break;
        page += 1;
        total += 1;
        progress();
      }
    }),
  ];
  await pool(tasks, CONCURRENCY);

  const seen = new Map<string, string>();
  const resolutions: Resolution[] = [];
  const take = (lookup: Lookup, user: User) => {
    const first = seen.get(user.id);
    if (first) resolutions.push({ status: 'duplicate', lookup, user, reason: `The same user as ${first}.` });
    else {
      seen.set(user.id, lookup.from);
      resolutions.push({ status: 'user', lookup, user });
    }
  };
  for (const lookup of lookups) {
    const failed = failures.get(`${lookup.kind}:${lookup.key}`);
    if (failed) {
      resolutions.push({ status: 'failed', lookup, ...failed });
      continue;
    }
    if (lookup.kind === 'id') {
      const user = byId.get(lookup.key);
      if (user) take(lookup, user);
      else resolutions.push({ status: 'not-found', lookup, reason: 'Genesys Cloud has no user with this id (deleted, mistyped, or in another organisation).' });
      continue;
    }
    const found = byEmail.get(lookup.key);
    if (typeof found === 'object') take(lookup, found);
    else if (found === 'several') resolutions.push({ status: 'not-found', lookup, reason: 'Several users have this address: give their user ids instead.' });
    else resolutions.push({ status: 'not-found', lookup, reason: 'No user has this email address.' });
  }
  for (const { user, group } of members) {
    take({ kind: 'id', key: user.id, entry: user.email ?? user.name ?? user.id, from: `group ${group.name}`, order: Number.MAX_SAFE_INTEGER }, user);
  }
  return resolutions;
}
