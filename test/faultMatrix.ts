/**
 * The fault matrix: every Genesys call the app makes (rows) against every way Genesys, or
 * something in front of it, can fail (columns), as one table. Each cell says what the admin
 * must see; src/fault-matrix/*.test.tsx turn every cell into a test against the in-process
 * emulator.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { expect, onTestFinished } from 'vitest';
import { createEmulator, type Emulator } from '../emulator/app.ts';
import type { Fault } from '../emulator/model.ts';
import { ADMIN, AGENT, ORG, SUPERVISOR, SUPERVISORS_GROUP_ID } from '../emulator/seed.ts';
import { systemClock, type Clock } from '../src/api/clock.ts';
import { MAX_RETRIES } from '../src/jobs/retry.ts';
import { renderApp } from './renderApp.tsx';

// --- time -------------------------------------------------------------------------------------

/** Resolves when `until` does, or rejects as soon as `signal` aborts. */
function heldUntil(until: Promise<void>, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal?.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    void until.then(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

/** How much faster than real time the app's clock runs in the matrix. */
export const CLOCK_SPEED = 40;

/**
 * The app's time, CLOCK_SPEED times faster: sleeps are shorter and `now` moves as fast, so every
 * wait that sleeps and then looks at the time (the rate-limit gate, a bulk run's back-off) ends
 * early too. A clock with a real `now` would make those waits take real seconds. No sleep starts
 * counting before `startAfter`: a request held until then cannot time out meanwhile.
 */
export function fastClock(speed = CLOCK_SPEED, startAfter: Promise<void> = Promise.resolve()): Clock {
  const start = Date.now();
  return {
    now: () => start + (Date.now() - start) * speed,
    sleep: async (ms, signal) => {
      await heldUntil(startAfter, signal);
      await systemClock.sleep(ms / speed, signal);
    },
  };
}

/** Per attempt, in the app's time: 800 ms of real time, which an answer in jsdom outlasts only when it hangs, even with the suite on every core. */
export const TIMEOUT_MS = 32_000;

// --- what the emulator saw ------------------------------------------------------------------

export interface Exchange {
  method: string;
  path: string;
  search: string;
  /** Set once the request is over, answered or not. */
  settled: boolean;
  status?: number;
  correlationId?: string | undefined;
}

/**
 * Logs every request that reaches the emulator, and its answer's correlation id. A request
 * `hold` names waits first, and one aborted meanwhile never reaches the emulator.
 */
function recordExchanges(emulator: Emulator, hold: (method: string, path: string) => Promise<void> | undefined): Exchange[] {
  const log: Exchange[] = [];
  const inner = emulator.fetch;
  emulator.fetch = async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(input instanceof Request ? input.url : input instanceof URL ? input.href : input);
    const method = init?.method ?? request?.method ?? 'GET';
    const held = hold(method, url.pathname);
    if (held) await heldUntil(held, init?.signal);
    const exchange: Exchange = { method, path: url.pathname, search: url.search, settled: false };
    log.push(exchange);
    try {
      const response = await inner(input, init);
      exchange.status = response.status;
      exchange.correlationId = response.headers.get('ININ-Correlation-Id') ?? undefined;
      return response;
    } finally {
      exchange.settled = true;
    }
  };
  return log;
}

// --- the table's types ----------------------------------------------------------------------

export interface Call {
  method: string;
  /** The path the emulator matches (no query). */
  path: string;
}

export type ColumnId = '500' | '503' | '429' | 'drop' | 'timeout' | 'not-json' | 'wrong-shape' | 'html';

/** The call fails for good: the page says so, and asking again works once the fault is gone. */
export interface Failing {
  kind: 'fails';
  /** Requests the emulator saw for each call before the admin asks again. */
  attempts: number;
  /** The reason, as the admin reads it. */
  reason: RegExp;
  /** Genesys (or whatever answered) gave a correlation id, and the page shows it. */
  correlationId: boolean;
  /** A write without an answer: the page says it may or may not have been carried out. */
  outcomeUnknown: boolean;
}

/** The call succeeds in the end: waited out, or an answer that is legitimately fine. */
export interface Succeeding {
  kind: 'succeeds';
  attempts: number;
}

export type Outcome = Failing | Succeeding;

export interface CellContext {
  user: UserEvent;
  view: Awaited<ReturnType<typeof renderApp>>;
  emulator: Emulator;
  exchanges: Exchange[];
}

export interface RowSpec {
  name: string;
  /** The call and how the admin makes it, for the table. */
  how: string;
  /** The calls the row's faults hit (one, or two for a lookup that makes both). */
  calls: readonly Call[];
  /** Calls of the same action that no fault hits: each is sent exactly once, whatever happens to the others. */
  bystanders?: readonly Call[];
  /** read: the client retries it; write: sent once per press; run: a bulk run's row. */
  kind: 'read' | 'write' | 'run';
  page: string;
  /** The call is made as the page opens: the fault goes in before it renders. */
  onLoad?: boolean;
  /** Brings the page to one step before the call. */
  ready?: (ctx: CellContext) => Promise<unknown>;
  /** Makes the call. */
  trigger?: (ctx: CellContext) => Promise<unknown>;
  /** Where the page says what failed: one element per call, in the order of `calls`. */
  failure: (ctx: CellContext, outcome: Failing) => Promise<HTMLElement[]>;
  /** The correlation id the admin gets for each call; read from the failure's words unless said. */
  shownCorrelationIds?: (ctx: CellContext, shown: HTMLElement[]) => Promise<(string | undefined)[]>;
  /** What the admin typed or did is still there after the failure. */
  kept?: (ctx: CellContext) => void;
  /** The admin asks again, once the fault is gone. */
  retry: (ctx: CellContext, outcome: Failing) => Promise<unknown>;
  /** The call's success, as the page shows it. */
  succeeded: (ctx: CellContext) => Promise<unknown>;
  /** A 200 body of the wrong shape for this call (default `[]`: an array where Genesys sends an object). */
  wrongShapeBody?: string;
  /** Cells whose expected outcome differs from the column's, with why. */
  cells?: Partial<Record<ColumnId, CellOverride>>;
}

interface CellOverride {
  /** The call legitimately succeeds here after this many requests. */
  succeeds?: number;
  reason?: RegExp;
  /** Why this cell differs, for the table. */
  note?: string;
  /** The app bug this cell shows; it runs as it.fails until the bug is fixed. */
  knownBug?: string;
  /** What the app does instead, for the table. */
  seen?: string;
}

export interface ColumnSpec {
  id: ColumnId;
  title: string;
  fault: (row: RowSpec) => Omit<Fault, 'method' | 'path' | 'skip' | 'remaining'>;
  outcome: (row: RowSpec) => Outcome;
}

export interface CellSpec {
  row: RowSpec;
  column: ColumnSpec;
  outcome: Outcome;
  /** The expected outcome in a phrase. */
  expected: string;
  knownBug?: string | undefined;
}

// --- columns --------------------------------------------------------------------------------

/** More than any retry takes: a read fails for good unless the fault is cleared. */
const FOR_GOOD = 10;
/** Fewer than the waits the client (3) or a run allows: a 429 is waited out. */
const RATE_LIMITED_TIMES = 2;

const GATEWAY_503 = '<html><head><title>503 Service Temporarily Unavailable</title></head><body><h1>503 Service Temporarily Unavailable</h1></body></html>';
const PORTAL_PAGE = '<!doctype html><html><body><h1>Sign in to the guest network</h1></body></html>';

/**
 * Reads get two retries on 5xx, network failures and timeouts; a write none. A run sends a row
 * again after a server error (Genesys said it did not revoke), up to MAX_RETRIES times, as its
 * confirmation says; a row without an answer never.
 */
const tries = (row: RowSpec, answered: boolean) => (row.kind === 'read' ? 3 : row.kind === 'run' && answered ? MAX_RETRIES + 1 : 1);
const failing = (attempts: number, reason: RegExp, correlationId: boolean, outcomeUnknown = false): Failing => ({
  kind: 'fails',
  attempts,
  reason,
  correlationId,
  outcomeUnknown,
});

export const COLUMNS: readonly ColumnSpec[] = [
  {
    id: '500',
    title: '500',
    fault: () => ({ kind: 'status', status: 500 }),
    outcome: (row) => failing(tries(row, true), /unexpected condition which prevented it from fulfilling the request/, true),
  },
  {
    id: '503',
    title: "503 (a gateway's HTML page)",
    fault: () => ({ kind: 'status', status: 503, rawBody: GATEWAY_503, contentType: 'text/html; charset=utf-8' }),
    outcome: (row) => failing(tries(row, true), /answered HTTP 503 without an explanation/, true),
  },
  {
    id: '429',
    title: '429, Retry-After 1',
    fault: () => ({ kind: 'status', status: 429, retryAfterSeconds: 1 }),
    // A 429 is a refusal: nothing was done, so sending again is no second write.
    outcome: () => ({ kind: 'succeeds', attempts: RATE_LIMITED_TIMES + 1 }),
  },
  {
    id: 'drop',
    title: 'network failure',
    fault: () => ({ kind: 'drop' }),
    outcome: (row) => failing(tries(row, false), /Could not reach emulator\.test \(Failed to fetch\)/, false, row.kind !== 'read'),
  },
  {
    id: 'timeout',
    title: 'no answer in time',
    fault: () => ({ kind: 'hang' }),
    outcome: (row) => failing(tries(row, false), /did not answer within \d+ s/, false, row.kind !== 'read'),
  },
  {
    id: 'not-json',
    title: '200 labelled JSON, not JSON',
    fault: () => ({ kind: 'status', status: 200, rawBody: '{"organization": {', contentType: 'application/json' }),
    // An answer, not a transient failure: not retried.
    outcome: () => failing(1, /labelled JSON but was not valid JSON/, true),
  },
  {
    id: 'wrong-shape',
    title: '200 JSON of the wrong shape',
    fault: (row) => ({ kind: 'status', status: 200, rawBody: row.wrongShapeBody ?? '[]', contentType: 'application/json' }),
    outcome: () => failing(1, /answered, but not with what Token Admin expected/, true),
  },
  {
    id: 'html',
    title: '200 HTML page',
    fault: () => ({ kind: 'status', status: 200, rawBody: PORTAL_PAGE, contentType: 'text/html; charset=utf-8' }),
    outcome: () => failing(1, /not with what Token Admin expected: a web page \(HTML\) instead of data/, true),
  },
];

// --- cells that differ from their column ---------------------------------------------------

/** A call that expects no body (HEAD, DELETE) still refuses a web page: nothing was done. */
const bodilessHtml: CellOverride = { reason: /not with what Token Admin expected: a web page \(HTML\) instead of data/ };

// --- helpers for the rows -------------------------------------------------------------------

const WAIT = { timeout: 5_000 };
/** How often to look again at what costs nothing to look at (no query of the page). */
const QUICK = 5;
const MESSAGES = '[role="alert"], [role="status"], [aria-live]';

function says(element: Element, words: string | RegExp): boolean {
  const text = element.textContent;
  return typeof words === 'string' ? text.includes(words) : words.test(text);
}

/** The innermost alert, status line or live region that says `title`, soon after the app has taken the answer in. */
export async function findMessage(title: string | RegExp, scope: () => HTMLElement = () => document.body, timeout = 500): Promise<HTMLElement> {
  return waitFor(
    () => {
      const hits = [...scope().querySelectorAll<HTMLElement>(MESSAGES)].filter((element) => says(element, title));
      const innermost = hits.find((element) => !hits.some((other) => other !== element && element.contains(other)));
      if (!innermost) throw new Error(`No alert or status line says ${String(title)}`);
      return innermost;
    },
    { timeout },
  );
}

async function pressIn(user: UserEvent, title: string | RegExp, button: string, scope?: () => HTMLElement): Promise<void> {
  const message = await findMessage(title, scope);
  await user.click(within(message).getByRole('button', { name: button }));
}

const dialogNamed = (name: string) => () => screen.getByRole('dialog', { name });

async function region(name: string): Promise<HTMLElement> {
  return screen.findByRole('region', { name }, WAIT);
}

async function pasteList(user: UserEvent, lines: readonly string[]): Promise<void> {
  const box = await screen.findByLabelText('Emails and user ids', undefined, WAIT);
  await user.click(box);
  await user.paste(lines.join('\n'));
}

function tableRow(table: HTMLElement, entry: string): HTMLElement {
  const row = within(table)
    .getAllByRole('row')
    .find((candidate) => says(candidate, entry));
  if (!row) throw new Error(`No row of “${table.getAttribute('aria-label') ?? ''}” names ${entry}`);
  return row;
}

/** Rows of a run that have their result, from its counts ("Revoked1Failed1Not confirmed0Waiting0…"). */
function settledRows(counts: HTMLElement): number {
  const [, revoked, failed, unconfirmed, waiting] = /Revoked(\d+)Failed(\d+)Not confirmed(\d+)Waiting(\d+)/.exec(counts.textContent) ?? [];
  return Number(waiting) === 0 ? Number(revoked) + Number(failed) + Number(unconfirmed) : 0;
}

const CORRELATION = /Correlation id for support:\s*([0-9a-f-]{36})/i;
export const correlationIdIn = (element: HTMLElement) => CORRELATION.exec(element.textContent)?.[1];

const PASTED = [AGENT.id, SUPERVISOR.email] as const;
const ENGINEERING = { id: '6e000000-0000-4000-8000-000000000006', name: 'Engineering On-Call' } as const;

// --- rows -----------------------------------------------------------------------------------

const IDLE_TIMEOUT_PAGE = '/settings/idle-timeout';

export const ROWS: readonly RowSpec[] = [
  {
    name: 'token info',
    how: 'GET tokens/me, as /token opens',
    calls: [{ method: 'GET', path: '/api/v2/tokens/me' }],
    kind: 'read',
    page: '/token',
    onLoad: true,
    wrongShapeBody: '{"organization": 7}',
    failure: async () => [await findMessage("Couldn't load your token")],
    retry: ({ user }) => pressIn(user, "Couldn't load your token", 'Try again'),
    succeeded: () => region('Organisation'),
  },
  {
    name: 'verify',
    how: 'HEAD tokens/me: "Verify token" on /token',
    calls: [{ method: 'HEAD', path: '/api/v2/tokens/me' }],
    kind: 'read',
    page: '/token',
    ready: () => region('Organisation'),
    trigger: ({ user }) => user.click(screen.getByRole('button', { name: 'Verify token' })),
    failure: async () => [await findMessage("Couldn't verify your token")],
    // The button is the way to ask again; its alert has none of its own.
    retry: ({ user }) => user.click(screen.getByRole('button', { name: 'Verify token' })),
    succeeded: () => screen.findByText('Token is valid', undefined, WAIT),
    cells: {
      '500': { reason: /answered HTTP 500 without an explanation/, note: 'a HEAD answer has no body: the status is the reason' },
      'not-json': { succeeds: 1, note: 'valid: a HEAD answer has no body to check' },
      'wrong-shape': { succeeds: 1, note: 'valid: a HEAD answer has no body to check' },
      html: bodilessHtml,
    },
  },
  {
    name: 'sign-out',
    how: 'DELETE tokens/me: header "Sign out", confirm',
    calls: [{ method: 'DELETE', path: '/api/v2/tokens/me' }],
    kind: 'write',
    page: '/token',
    ready: () => region('Organisation'),
    trigger: async ({ user }) => {
      await user.click(screen.getByRole('button', { name: 'Sign out' }));
      const dialog = await screen.findByRole('dialog', { name: 'Sign out of Token Admin?' }, WAIT);
      await user.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    },
    failure: async () => [await findMessage("Couldn't delete your token", dialogNamed('Sign out of Token Admin?'))],
    // Still signed in, with both ways on offer.
    kept: ({ view }) => {
      expect(within(dialogNamed('Sign out of Token Admin?')()).getByRole('button', { name: 'Forget it in this browser only' })).toBeInTheDocument();
      expect(view.app.sessionStore.get()).toBeDefined();
    },
    retry: ({ user }) => user.click(within(dialogNamed('Sign out of Token Admin?')()).getByRole('button', { name: 'Try again' })),
    succeeded: ({ view }) => waitFor(() => expect(view.app.sessionStore.get()).toBeUndefined(), WAIT),
    cells: {
      'wrong-shape': { succeeds: 1, note: 'signed out: the body of a DELETE is not read' },
      html: bodilessHtml,
    },
  },
  {
    name: 'users/me',
    how: 'GET users/me, as any page opens (the header)',
    calls: [{ method: 'GET', path: '/api/v2/users/me' }],
    kind: 'read',
    page: '/token',
    onLoad: true,
    failure: async () => [await findMessage("Couldn't find out who you are signed in as")],
    retry: ({ user }) => pressIn(user, "Couldn't find out who you are signed in as", 'Try again'),
    succeeded: () => waitFor(() => expect(screen.getByTestId('acting-as')).toHaveTextContent(ADMIN.name), WAIT),
  },
  {
    name: 'user search',
    how: 'POST users/search: /users?q=smith',
    calls: [{ method: 'POST', path: '/api/v2/users/search' }],
    kind: 'read',
    page: '/users?q=smith',
    onLoad: true,
    failure: async () => [await findMessage("Couldn't search users")],
    kept: () => {
      expect(screen.getByLabelText('Search users')).toHaveValue('smith');
    },
    retry: ({ user }) => pressIn(user, "Couldn't search users", 'Try again'),
    succeeded: () => screen.findByText(/users match “smith”/, undefined, WAIT),
  },
  {
    name: 'user detail',
    how: 'GET users/{id}: /users/<id>',
    calls: [{ method: 'GET', path: `/api/v2/users/${AGENT.id}` }],
    kind: 'read',
    page: `/users/${AGENT.id}`,
    onLoad: true,
    failure: async () => [await findMessage("Couldn't load this user")],
    retry: ({ user }) => pressIn(user, "Couldn't load this user", 'Try again'),
    succeeded: () => region('Profile'),
  },
  {
    name: 'revoke',
    how: 'DELETE tokens/{id}: "Revoke all tokens" on a user page, confirm',
    calls: [{ method: 'DELETE', path: `/api/v2/tokens/${AGENT.id}` }],
    kind: 'write',
    page: `/users/${AGENT.id}`,
    ready: () => region('Profile'),
    trigger: async ({ user }) => {
      await user.click(screen.getByRole('button', { name: 'Revoke all tokens' }));
      const dialog = await screen.findByRole('dialog', { name: `Revoke all tokens of ${AGENT.name}?` }, WAIT);
      await user.click(within(dialog).getByRole('button', { name: 'Revoke all tokens' }));
    },
    failure: async () => [await findMessage("Couldn't revoke the tokens", dialogNamed(`Revoke all tokens of ${AGENT.name}?`))],
    retry: ({ user }) => user.click(within(dialogNamed(`Revoke all tokens of ${AGENT.name}?`)()).getByRole('button', { name: 'Try again' })),
    succeeded: () => screen.findByText('Tokens revoked at', { exact: false }, WAIT),
    cells: {
      'wrong-shape': { succeeds: 1, note: 'revoked: the body of a DELETE is not read' },
      html: bodilessHtml,
    },
  },
  {
    name: 'timeout get',
    how: 'GET tokens/timeout: /settings/idle-timeout',
    calls: [{ method: 'GET', path: '/api/v2/tokens/timeout' }],
    kind: 'read',
    page: IDLE_TIMEOUT_PAGE,
    onLoad: true,
    failure: async () => [await findMessage("Couldn't load the idle timeout")],
    retry: ({ user }) => pressIn(user, "Couldn't load the idle timeout", 'Try again'),
    succeeded: () => region('Organisation'),
  },
  {
    name: 'timeout put',
    how: 'PUT tokens/timeout: change the timeout, Save, confirm',
    calls: [{ method: 'PUT', path: '/api/v2/tokens/timeout' }],
    kind: 'write',
    page: IDLE_TIMEOUT_PAGE,
    ready: async ({ user }) => {
      const timeout = within(await region('Organisation')).getByLabelText('Timeout');
      await user.clear(timeout);
      await user.type(timeout, '45');
    },
    trigger: async ({ user }) => {
      await user.click(screen.getByRole('button', { name: 'Save' }));
      const dialog = await screen.findByRole('dialog', { name: 'Save the idle timeout?' }, WAIT);
      const confirm = within(dialog).getByRole('button', { name: 'Save changes' });
      // Enabled once the page has checked nobody else changed the settings.
      await waitFor(() => expect(confirm).toBeEnabled(), WAIT);
      await user.click(confirm);
    },
    failure: async () => [await findMessage("Couldn't save the idle timeout", dialogNamed('Save the idle timeout?'))],
    kept: () => {
      expect(within(screen.getByRole('region', { name: 'Organisation' })).getByLabelText('Timeout')).toHaveValue('45');
    },
    retry: ({ user }) => user.click(within(dialogNamed('Save the idle timeout?')()).getByRole('button', { name: 'Try again' })),
    succeeded: async ({ emulator }) => {
      await screen.findByText('No unsaved changes.', undefined, WAIT);
      expect(emulator.store.idleTimeout.idleTokenTimeoutSeconds).toBe(45 * 60);
    },
  },
  {
    name: 'group search',
    how: 'POST groups/search: "Add groups" in a bundle, idle timeout page',
    calls: [{ method: 'POST', path: '/api/v2/groups/search' }],
    kind: 'read',
    page: IDLE_TIMEOUT_PAGE,
    ready: () => screen.findByRole('group', { name: 'Priority 1' }, WAIT),
    trigger: async ({ user }) => {
      await user.click(within(screen.getByRole('group', { name: 'Priority 1' })).getByLabelText('Add groups'));
      await user.paste('support');
    },
    failure: async () => [await findMessage("Couldn't search groups", () => screen.getByRole('group', { name: 'Priority 1' }))],
    kept: () => {
      expect(within(screen.getByRole('group', { name: 'Priority 1' })).getByLabelText('Add groups')).toHaveValue('support');
    },
    retry: ({ user }) => pressIn(user, "Couldn't search groups", 'Try again', () => screen.getByRole('group', { name: 'Priority 1' })),
    succeeded: () => screen.findByRole('button', { name: 'Add Tier 1 Support' }, WAIT),
  },
  {
    name: 'group detail',
    how: "GET groups/{id}: a bundle's group names, idle timeout page",
    calls: [{ method: 'GET', path: `/api/v2/groups/${SUPERVISORS_GROUP_ID}` }],
    kind: 'read',
    page: IDLE_TIMEOUT_PAGE,
    onLoad: true,
    failure: async () => [await findMessage(/Couldn't .*group/i)],
    retry: ({ user }) => pressIn(user, /Couldn't .*group/i, 'Try again'),
    succeeded: () =>
      waitFor(() => expect(screen.getByRole('list', { name: 'Groups in this bundle' })).toHaveTextContent(/Supervisors · \d+ members/), WAIT),
  },
  {
    name: 'group members',
    how: 'GET groups/{id}/members: Bulk revoke, Groups tab, pick a group, "Check the list"',
    calls: [{ method: 'GET', path: `/api/v2/groups/${ENGINEERING.id}/members` }],
    kind: 'read',
    page: '/bulk-revoke',
    ready: async ({ user }) => {
      await screen.findByLabelText('Emails and user ids', undefined, WAIT);
      await user.click(screen.getByRole('tab', { name: 'Groups' }));
      await user.click(screen.getByLabelText('Add a group'));
      await user.paste('engineering');
      await user.click(await screen.findByRole('button', { name: `Add ${ENGINEERING.name}` }, WAIT));
    },
    trigger: ({ user }) => user.click(screen.getByRole('button', { name: 'Check the list' })),
    failure: async () => [await findMessage("Couldn't check the list")],
    kept: () => {
      expect(screen.getByRole('list', { name: 'Groups picked' })).toHaveTextContent(ENGINEERING.name);
    },
    // "Check the list" is back, with the groups picked: it is the way to ask again.
    retry: ({ user }) => user.click(screen.getByRole('button', { name: 'Check the list' })),
    succeeded: () => screen.findByRole('group', { name: 'What Genesys Cloud found' }, WAIT),
  },
  {
    name: 'resolve',
    how: 'GET users?id= and exact-email POST users/search: "Check the list" on a pasted id and email',
    calls: [
      { method: 'GET', path: '/api/v2/users' },
      { method: 'POST', path: '/api/v2/users/search' },
    ],
    kind: 'read',
    page: '/bulk-revoke',
    ready: ({ user }) => pasteList(user, PASTED),
    trigger: ({ user }) => user.click(screen.getByRole('button', { name: 'Check the list' })),
    failure: async () => {
      // The preview comes whole, once every lookup is over.
      const table = await screen.findByRole('table', { name: 'The list, checked' }, WAIT);
      const rows = PASTED.map((entry) => tableRow(table, entry));
      for (const row of rows) expect(row).toHaveTextContent(/Lookup failed.*Couldn't look this (id|address) up/);
      return rows;
    },
    retry: async ({ user }) => {
      await user.click(screen.getByRole('button', { name: 'Change the list' }));
      // The pasted list comes back as it was.
      expect(await screen.findByLabelText('Emails and user ids')).toHaveValue(PASTED.join('\n'));
      await user.click(screen.getByRole('button', { name: 'Check the list' }));
    },
    succeeded: () => waitFor(() => expect(screen.getByRole('group', { name: 'What Genesys Cloud found' })).toHaveTextContent('To revoke2'), WAIT),
  },
  {
    name: 'bulk revoke',
    how: 'DELETE tokens/{id} in a run: paste two ids, check, confirm; the run page (the fault hits one user)',
    calls: [{ method: 'DELETE', path: `/api/v2/tokens/${AGENT.id}` }],
    bystanders: [{ method: 'DELETE', path: `/api/v2/tokens/${SUPERVISOR.id}` }],
    kind: 'run',
    page: '/bulk-revoke',
    ready: async ({ user }) => {
      await pasteList(user, [AGENT.id, SUPERVISOR.id]);
      await user.click(screen.getByRole('button', { name: 'Check the list' }));
      await waitFor(() => expect(screen.getByRole('group', { name: 'What Genesys Cloud found' })).toHaveTextContent('To revoke2'), WAIT);
    },
    trigger: async ({ user }) => {
      await user.click(screen.getByRole('button', { name: 'Revoke the tokens of 2 users…' }));
      const dialog = await screen.findByRole('dialog', { name: 'Revoke the tokens of 2 users?' }, WAIT);
      await user.click(within(dialog).getByRole('button', { name: 'Revoke 2 users' }));
      await screen.findByRole('heading', { name: 'Bulk revocation', level: 1 }, WAIT);
    },
    failure: async (_ctx, outcome) => {
      const counts = () => screen.getByRole('status', { name: 'Counts' });
      // The run has settled both rows, its own back-off included.
      await waitFor(() => expect(settledRows(counts())).toBe(2), { timeout: 10_000 });
      expect(counts()).toHaveTextContent(outcome.outcomeUnknown ? 'Not confirmed1' : 'Failed1');
      expect(counts()).toHaveTextContent('Revoked1');
      // The table follows the counts; the other user's row keeps its own result.
      return [
        await waitFor(() => {
          const table = screen.getByRole('table', { name: 'Entries of this run' });
          expect(tableRow(table, SUPERVISOR.id)).toHaveTextContent('revoked');
          const row = tableRow(table, AGENT.id);
          expect(row).toHaveTextContent(outcome.outcomeUnknown ? 'not confirmed' : 'failed');
          return row;
        }, WAIT),
      ];
    },
    // The table has no room for it: the run's report (CSV, JSON) carries each row's correlation id.
    shownCorrelationIds: async ({ view }) => {
      const jobs = await view.app.jobs.ready();
      const [run] = await jobs.runs(ORG.id);
      const rows = run ? await jobs.rows(run.id) : [];
      return [rows.find((row) => row.userId === AGENT.id)?.correlationId];
    },
    retry: async ({ user }, outcome) => {
      await user.click(await screen.findByRole('button', { name: outcome.outcomeUnknown ? 'Send not confirmed again (1)' : 'Retry failed (1)' }, WAIT));
      const dialog = await screen.findByRole('dialog', { name: outcome.outcomeUnknown ? 'Send the 1 not confirmed again?' : 'Send the 1 failed again?' }, WAIT);
      await user.click(within(dialog).getByRole('button', { name: 'Send again' }));
    },
    succeeded: () => waitFor(() => expect(screen.getByRole('status', { name: 'Counts' })).toHaveTextContent('Revoked2'), { timeout: 10_000 }),
    cells: {
      'wrong-shape': { succeeds: 1, note: 'revoked: the body of a DELETE is not read' },
      html: bodilessHtml,
    },
  },
];

/**
 * The matrix runs as one test file per part, so that its cells share the machine's cores with the
 * rest of the suite instead of running one after another.
 */
export const PARTS = {
  'token-and-users': ['token info', 'verify', 'sign-out', 'users/me', 'user search', 'user detail', 'revoke'],
  'idle-timeout': ['timeout get', 'timeout put', 'group search', 'group detail'],
  'bulk-revoke': ['group members', 'resolve', 'bulk revoke'],
} as const satisfies Record<string, readonly string[]>;

export type Part = keyof typeof PARTS;

// --- cells ----------------------------------------------------------------------------------

function phrase(outcome: Outcome, note: string | undefined): string {
  if (outcome.kind === 'succeeds') return note ?? (outcome.attempts > 1 ? `waited out, succeeds on request ${outcome.attempts}` : 'succeeds');
  const sent = outcome.attempts === 1 ? 'sent once' : `${outcome.attempts} tries`;
  const id = outcome.correlationId ? ' + id' : '';
  const unknown = outcome.outcomeUnknown ? ', "may or may not"' : '';
  return `${sent}, reason${id}${unknown}; retry works${note ? ` (${note})` : ''}`;
}

export function cellOf(row: RowSpec, column: ColumnSpec): CellSpec {
  const override = row.cells?.[column.id];
  const base = column.outcome(row);
  let outcome: Outcome = base;
  if (override?.succeeds !== undefined) outcome = { kind: 'succeeds', attempts: override.succeeds };
  else if (base.kind === 'fails' && override?.reason) outcome = { ...base, reason: override.reason };
  const expected = phrase(outcome, override?.note);
  const known = override?.knownBug ? `; KNOWN BUG${override.seen ? `: ${override.seen}` : ''}` : '';
  return { row, column, outcome, expected: `${expected}${known}`, knownBug: override?.knownBug };
}

export const CELLS: readonly CellSpec[] = ROWS.flatMap((row) => COLUMNS.map((column) => cellOf(row, column)));

/** The table as text, for the log and the report. */
export function tableText(): string {
  const header = `| call | ${COLUMNS.map((c) => c.title).join(' | ')} |`;
  const rule = `|${' --- |'.repeat(COLUMNS.length + 1)}`;
  const lines = ROWS.map((row) => `| ${row.name}: ${row.how} | ${COLUMNS.map((column) => cellOf(row, column).expected).join(' | ')} |`);
  return [header, rule, ...lines].join('\n');
}

// --- one cell, end to end -------------------------------------------------------------------

export async function runCell({ row, column, outcome }: CellSpec): Promise<void> {
  const remaining = outcome.kind === 'succeeds' && column.id === '429' ? RATE_LIMITED_TIMES : FOR_GOOD;
  const faults: Fault[] = row.calls.map((call) => ({ ...call, skip: 0, remaining, ...column.fault(row) }));
  const emulator = createEmulator({ control: true });
  // Tokens to revoke.
  emulator.issueToken(AGENT.email);
  // A read the signed-in loader starts is held until the page has mounted, and the app's clock
  // with it: StrictMode's second mount would otherwise cancel a retry chain under way and start
  // it over, and the count with it.
  let release: () => void = () => undefined;
  const mounted = new Promise<void>((resolve) => (release = resolve));
  const holds = (method: string, path: string) => row.onLoad && row.calls.some((call) => call.method === method && call.path === path);
  const exchanges = recordExchanges(emulator, (method, path) => (holds(method, path) ? mounted : undefined));
  const inject = () => {
    for (const fault of faults) emulator.store.addFault({ ...fault });
  };
  if (row.onLoad) inject();
  const clock = fastClock(CLOCK_SPEED, row.onLoad ? mounted : undefined);
  const view = await renderApp({ email: ADMIN.email, path: row.page, emulator, app: { clock, timeoutMs: TIMEOUT_MS } });
  // No pause between key presses: the page's own debounces still run in real time.
  const ctx: CellContext = { user: userEvent.setup({ delay: null }), view, emulator, exchanges };
  // Nothing of this app outlives its cell: runs and reads in flight stop.
  onTestFinished(() => {
    view.app.jobs.close();
    void view.app.queryClient.cancelQueries();
  });
  // Mounted: the page is drawn and every read in flight has an observer (StrictMode's second
  // mount is over; passive effects run after the first drawing).
  if (row.onLoad) {
    await screen.findByRole('heading', { level: 1 }, WAIT);
    await waitFor(() => {
      const orphans = view.app.queryClient.getQueryCache().findAll({ fetchStatus: 'fetching' }).filter((query) => query.getObserversCount() === 0);
      expect(orphans.map((query) => query.queryHash)).toEqual([]);
    }, WAIT);
    release();
  }
  await row.ready?.(ctx);
  if (!row.onLoad) inject();
  await row.trigger?.(ctx);

  const of = (call: Call) => exchanges.filter((e) => e.method === call.method && e.path === call.path);
  const expectAttempts = (count: number) => {
    for (const call of row.calls) expect(of(call), `requests for ${call.method} ${call.path}`).toHaveLength(count);
  };
  // Every attempt is over before the page is judged.
  await waitFor(
    () => {
      for (const call of row.calls) {
        expect(of(call).length).toBeGreaterThanOrEqual(outcome.attempts);
        expect(of(call).every((e) => e.settled)).toBe(true);
      }
    },
    { timeout: 15_000, interval: QUICK },
  );

  // The app has taken the last answer in: no read or write of it is under way.
  await waitFor(() => expect(view.app.queryClient.isFetching() + view.app.queryClient.isMutating()).toBe(0), { ...WAIT, interval: QUICK });

  const expectBystandersOnce = () => {
    for (const call of row.bystanders ?? []) expect(of(call), `requests for ${call.method} ${call.path}`).toHaveLength(1);
  };
  if (outcome.kind === 'succeeds') {
    await row.succeeded(ctx);
    expectAttempts(outcome.attempts);
    expectBystandersOnce();
    return;
  }

  const shown = await row.failure(ctx, outcome);
  for (const element of shown) {
    expect(element).toHaveTextContent(outcome.reason);
    if (outcome.outcomeUnknown) expect(element).toHaveTextContent(/may or may not have/);
  }
  const ids = await (row.shownCorrelationIds ?? ((_ctx, elements) => Promise.resolve(elements.map(correlationIdIn))))(ctx, shown);
  row.calls.forEach((call, index) => {
    const answered = of(call).filter((e) => e.status !== undefined);
    const expected = outcome.correlationId ? answered.at(-1)?.correlationId : undefined;
    if (outcome.correlationId) expect(expected, `the emulator's correlation id for ${call.method} ${call.path}`).toBeDefined();
    expect(ids[index], `correlation id shown for ${call.method} ${call.path}`).toBe(expected);
  });
  row.kept?.(ctx);
  // Nothing is sent again by itself: 2 s in the app's time, longer than any back-off of the client.
  if (row.kind !== 'read') await new Promise((resolve) => setTimeout(resolve, 2_000 / CLOCK_SPEED));
  expectAttempts(outcome.attempts);

  emulator.store.clearFaults();
  await row.retry(ctx, outcome);
  await row.succeeded(ctx);
  expectAttempts(outcome.attempts + 1);
  expectBystandersOnce();
}
