import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ADMIN, AGENT } from '../../emulator/seed.ts';
import { EMULATOR_ORIGIN, renderApp } from '../../test/renderApp.tsx';

const tokensOf = (emulator: Awaited<ReturnType<typeof renderApp>>['emulator'], userId: string) =>
  [...emulator.store.tokens.values()].filter((t) => t.userId === userId);

/** The tab comes back into view: the app asks Genesys about its token again, without counting as activity. */
function returnToTab() {
  fireEvent(window, new Event('visibilitychange'));
  fireEvent.focus(window);
}

describe("the admin's own session", { timeout: 30_000 }, () => {
  it('warns a minute before the token idles out, and "Stay signed in" is one call that counts as activity', async () => {
    const user = userEvent.setup();
    const { emulator, token, requests, app } = await renderApp({ email: ADMIN.email });
    await screen.findByRole('region', { name: 'Lifetime' }, { timeout: 5000 });
    // The page's first reads are all in: one still on its way would answer for the next look,
    // and touch the token, with the time before the jump.
    await waitFor(() => expect(app.queryClient.isFetching()).toBe(0), { timeout: 5000 });
    // Genesys' clock moves 29 of the 30 idle minutes on: the next answer tells the app.
    emulator.advanceClock(29 * 60);
    returnToTab();
    const warning = await screen.findByRole('alert', { name: 'Your session is about to idle out' }, { timeout: 5000 });
    expect(warning).toHaveTextContent(/stops working in \d+ s/);
    const record = emulator.store.tokens.get(token ?? '');
    const before = record?.lastUsedAt ?? 0;
    const asked = requests.length;
    await user.click(within(warning).getByRole('button', { name: 'Stay signed in' }));
    await waitFor(() => expect(screen.queryByRole('alert', { name: 'Your session is about to idle out' })).not.toBeInTheDocument());
    // The warning can go before Genesys has recorded the call; the test must not end while the
    // call is on its way, or its answer lands in the next test's session storage.
    await waitFor(() => expect(record?.lastUsedAt).toBeGreaterThan(before));
    expect(requests.slice(asked).filter((r) => r.includes('/api/v2/'))).toEqual([`GET ${EMULATOR_ORIGIN}/api/v2/tokens/me?preserveIdleTTL=false`]);
  });

  it('says so in the warning when "Stay signed in" fails, with the reason, and the warning stays', async () => {
    const user = userEvent.setup();
    const { emulator, app } = await renderApp({ email: ADMIN.email, app: { timeoutMs: 2_000 } });
    await screen.findByRole('region', { name: 'Lifetime' }, { timeout: 5000 });
    await waitFor(() => expect(app.queryClient.isFetching()).toBe(0), { timeout: 5000 });
    emulator.advanceClock(29 * 60);
    returnToTab();
    const warning = await screen.findByRole('alert', { name: 'Your session is about to idle out' }, { timeout: 5000 });
    // Coming back to the tab refreshes the token's details: that read must not take a fault meant for the button's.
    await waitFor(() => expect(app.queryClient.isFetching()).toBe(0), { timeout: 5000 });
    // Every try of the read: the first and the client's two retries.
    emulator.store.addFault({ method: 'GET', path: '/api/v2/tokens/me', kind: 'status', status: 503, skip: 0, remaining: 3 });
    await user.click(within(warning).getByRole('button', { name: 'Stay signed in' }));
    const failure = await within(warning).findByRole('alert', { name: "Couldn't keep you signed in" }, { timeout: 10_000 });
    expect(failure).toHaveTextContent(/503|unavailable/i);
    expect(within(warning).getByRole('button', { name: 'Stay signed in' })).toBeEnabled();
  });

  it('signing out in one tab signs out the other tabs of this browser, deleting their tokens too', async () => {
    const user = userEvent.setup();
    const sessionChannelName = `session-${crypto.randomUUID()}`;
    const first = await renderApp({ email: ADMIN.email, sessionChannelName });
    await within(first.container).findByRole('region', { name: 'Lifetime' }, { timeout: 5000 });
    // A second tab: its own token, in the same browser (the same channel).
    sessionStorage.clear();
    const second = await renderApp({ email: ADMIN.email, sessionChannelName, emulator: first.emulator });
    await within(second.container).findByRole('region', { name: 'Lifetime' }, { timeout: 5000 });

    await user.click(within(first.container).getByRole('button', { name: 'Sign out' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Sign out of Token Admin?' })).getByRole('button', { name: 'Sign out' }));
    expect(await within(second.container).findByText('Signed out in another tab', undefined, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() => expect(tokensOf(first.emulator, ADMIN.id).every((t) => t.revokedAt !== null)).toBe(true));
  });

  it('offers a revocation the session cut short after signing in again, and does not send it by itself', async () => {
    const user = userEvent.setup();
    const { emulator, token } = await renderApp({ email: ADMIN.email, path: `/users/${AGENT.id}` });
    emulator.issueToken(AGENT.email);
    await screen.findByRole('region', { name: 'Profile' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Revoke all tokens' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke all tokens of Ari Agent?' });
    // The admin's session dies just before they confirm.
    await emulator.fetch(`${EMULATOR_ORIGIN}/api/v2/tokens/me`, { method: 'DELETE', headers: { Authorization: `Bearer ${token ?? ''}` } });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke all tokens' }));
    expect(await screen.findByRole('heading', { name: 'Your session ended' }, { timeout: 5000 })).toBeInTheDocument();
    expect(tokensOf(emulator, AGENT.id).some((t) => t.revokedAt === null)).toBe(true);

    // Signed in again (a new token in the same tab), back on the user's page.
    const again = await renderApp({ email: ADMIN.email, path: `/users/${AGENT.id}`, emulator });
    const offer = await within(again.container).findByRole('status', { name: 'Your revocation was not carried out' }, { timeout: 5000 });
    expect(offer).toHaveTextContent('nothing was revoked');
    expect(again.requests.filter((r) => r.startsWith('DELETE'))).toEqual([]);
    await user.click(within(offer).getByRole('button', { name: 'Revoke all tokens…' }));
    expect(await screen.findByRole('dialog', { name: 'Revoke all tokens of Ari Agent?' })).toBeInTheDocument();
  });

  it('brings back unsaved idle timeout edits after the session ends and the admin signs in again', async () => {
    const user = userEvent.setup();
    const { emulator, token } = await renderApp({ email: ADMIN.email, path: '/settings/idle-timeout' });
    const organisation = await screen.findByRole('region', { name: 'Organisation' }, { timeout: 5000 });
    const timeout = within(organisation).getByLabelText('Timeout');
    await user.clear(timeout);
    await user.type(timeout, '45');
    // The token is revoked elsewhere; the next call finds out.
    await emulator.fetch(`${EMULATOR_ORIGIN}/api/v2/tokens/me`, { method: 'DELETE', headers: { Authorization: `Bearer ${token ?? ''}` } });
    returnToTab();
    expect(await screen.findByRole('heading', { name: 'Your session ended' }, { timeout: 5000 })).toBeInTheDocument();

    const again = await renderApp({ email: ADMIN.email, path: '/settings/idle-timeout', emulator });
    expect(await within(again.container).findByRole('status', { name: 'Your unsaved changes are back' }, { timeout: 5000 })).toBeInTheDocument();
    expect(within(within(again.container).getByRole('region', { name: 'Organisation' })).getByLabelText('Timeout')).toHaveValue('45');
    expect(emulator.store.idleTimeout.idleTokenTimeoutSeconds).toBe(1800);
  });
});

describe('every page left open with nobody at it lets the token idle out', { timeout: 30_000 }, () => {
  const RUN_ID = 'f1a1e000-0000-4000-8000-000000000001';
  const pages = ['/token', '/settings/idle-timeout', '/users?q=smith', `/users/${AGENT.id}`, '/activity', '/bulk-revoke', `/bulk-revoke/runs/${RUN_ID}`];

  it.each(pages)('%s', async (path) => {
    const id = crypto.randomUUID();
    const jobs = { databaseName: `runs-${id}`, channelName: `runs-${id}` };
    // A finished run to look at, as the run page is left open after one.
    const { openRuns, createRun } = await import('../jobs/store.ts');
    const db = await openRuns(jobs.databaseName);
    const orgId = 'c7f2a4e1-5b8d-4f3a-9e2c-1a6b3d8f0e57';
    await createRun(
      db,
      { id: RUN_ID, orgId, actor: { id: ADMIN.id }, createdAt: new Date().toISOString(), status: 'finished', finishedAt: new Date().toISOString(), total: 1, entries: 1, includesSelf: false, recorded: true },
      [{ runId: RUN_ID, index: 0, orgId, entry: AGENT.email, userId: AGENT.id, state: 'revoked', retries: 0 }],
    );
    db.close();
    const { emulator, token, requests } = await renderApp({ email: ADMIN.email, path, jobs });
    await screen.findByRole('heading', { level: 1 }, { timeout: 5000 });
    // Let the page finish what opening it asked for.
    await waitFor(
      () => {
        const settled = requests.length;
        return new Promise((resolve, reject) => setTimeout(() => (requests.length === settled ? resolve(undefined) : reject(new Error('still loading'))), 400));
      },
      { timeout: 10_000 },
    );
    const record = emulator.store.tokens.get(token ?? '');
    const lastUsed = record?.lastUsedAt;
    // The admin switches away and back a few times without touching anything.
    for (let i = 0; i < 3; i++) returnToTab();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(record?.lastUsedAt).toBe(lastUsed);
    // Past the idle timeout, the next look at the token finds it dead: the page says why.
    emulator.advanceClock(31 * 60);
    returnToTab();
    expect(await screen.findByRole('heading', { name: 'Your session ended' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText(/Your token idled out/)).toBeInTheDocument();
  });
});
