import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN, SUPERVISOR } from '../../emulator/seed.ts';
import { EMULATOR_ORIGIN, renderApp } from '../../test/renderApp.tsx';
import { readSessionEnd } from '../auth/sessionEnd.ts';

const api = (path: string) => `GET ${EMULATOR_ORIGIN}/api/v2/${path}`;
const TOKEN_READ = api('tokens/me?preserveIdleTTL=false');
const ME_READ = api('users/me?expand=authorization');

/** How many times each request was sent. */
function counts(requests: readonly string[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const request of requests) result[request] = (result[request] ?? 0) + 1;
  return result;
}

describe('a first visit whose reads the boot module started', () => {
  it.each([
    ['/token', 'OAuth client', [TOKEN_READ, ME_READ]],
    [`/users/${SUPERVISOR.id}`, 'Profile', [TOKEN_READ, ME_READ, api(`users/${SUPERVISOR.id}?expand=groups%2CdateLastLogin%2Clasttokenissued`)]],
    ['/settings/idle-timeout', 'Organisation', [TOKEN_READ, ME_READ, api('tokens/timeout')]],
  ])('%s: the app adopts each answer, and nothing is asked twice', async (path, region, early) => {
    const { requests } = await renderApp({ email: ADMIN.email, path, boot: true });
    // Sent before the app existed: the boot's reads come first.
    expect(requests.slice(0, early.length)).toEqual(early);
    expect(await screen.findByRole('region', { name: region }, { timeout: 5000 })).toBeInTheDocument();
    const sent = counts(requests);
    for (const request of early) expect(sent[request], request).toBe(1);
    // Not even a read that preserves the idle timer in its place.
    expect(requests.filter((request) => request.includes('/tokens/me'))).toHaveLength(1);
    expect(requests.filter((request) => request.includes('/users/me'))).toHaveLength(1);
  });

  it('a 401 on the early read ends the session as a late one does: the session-ended page, sign in again to the same page', async () => {
    await renderApp({
      email: ADMIN.email,
      path: '/users',
      boot: true,
      beforeRender: (emulator, token) => emulator.fetch(`${EMULATOR_ORIGIN}/api/v2/tokens/me`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } }),
    });
    expect(await screen.findByRole('heading', { name: 'Your session ended' })).toBeInTheDocument();
    expect(readSessionEnd()).toMatchObject({ returnTo: '/users' });
  });

  it("a 500 on the early read is retried by the app, as its own would be, and the data shows", async () => {
    const { requests } = await renderApp({
      email: ADMIN.email,
      boot: true,
      beforeRender: (emulator) => {
        emulator.store.addFault({ method: 'GET', path: '/api/v2/tokens/me', status: 500, remaining: 1, kind: 'status', skip: 0 });
        return Promise.resolve();
      },
    });
    expect(await screen.findByRole('region', { name: 'OAuth client' }, { timeout: 8000 })).toBeInTheDocument();
    expect(counts(requests)[TOKEN_READ]).toBe(2);
  }, 15_000);

  it('a failure that outlasts the retries shows Try again, and Try again asks Genesys, not the early answer', async () => {
    const user = userEvent.setup();
    const { requests, emulator } = await renderApp({
      email: ADMIN.email,
      boot: true,
      beforeRender: (emulator) => {
        emulator.store.addFault({ method: 'GET', path: '/api/v2/tokens/me', status: 503, remaining: 3, kind: 'status', skip: 0 });
        return Promise.resolve();
      },
    });
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent(/503|unavailable/i);
    expect(counts(requests)[TOKEN_READ]).toBe(3);
    expect(emulator.store.faults).toHaveLength(0);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'OAuth client' }, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() => expect(counts(requests)[TOKEN_READ]).toBe(4));
  }, 30_000);
});
