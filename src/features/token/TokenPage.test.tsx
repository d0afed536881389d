import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN, APP_CLIENT_ID, ORG, TRUSTEE_HOME_USER_ID } from '../../../emulator/seed.ts';
import { EMULATOR_ORIGIN, renderApp } from '../../../test/renderApp.tsx';
import { SessionStore } from '../../auth/session.ts';
import { readSessionEnd } from '../../auth/sessionEnd.ts';
import { returnPathFromState } from '../../auth/signIn.ts';

describe('the token page against the emulator', () => {
  it('shows the organisation, OAuth client, scopes and idle time of the admin’s token', async () => {
    await renderApp({ email: 'admin@example.com' });
    const org = await screen.findByRole('region', { name: 'Organisation' });
    expect(within(org).getAllByText(ORG.id)).toHaveLength(2);
    expect(within(org).getAllByText(ORG.name)).toHaveLength(2);
    expect(within(org).queryByText('Not your home organisation')).not.toBeInTheDocument();

    const client = screen.getByRole('region', { name: 'OAuth client' });
    expect(within(client).getByText(APP_CLIENT_ID)).toBeInTheDocument();
    expect(within(client).getByText('Authorization code (CODE)')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Lifetime' })).getByText(/in (29|30) minutes/)).toBeInTheDocument();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
    expect(screen.getByTestId('acting-as')).toHaveTextContent('Avery Admin');
  });

  it('shows what the signed-in admin may do and which permission each needs', async () => {
    await renderApp({ email: 'supervisor@example.com' });
    const access = await screen.findByRole('region', { name: 'Your access' });
    expect(access).toHaveTextContent("Revoke users' tokens: allowed");
    expect(access).toHaveTextContent('Change the idle token timeout: not allowed');
    expect(access).toHaveTextContent('Needs directory:organization:admin; ask an administrator');
  });

  it('reads wildcard grants, as a trustee has them', async () => {
    await renderApp({ email: 'trustee@partner.example.com' });
    const access = await screen.findByRole('region', { name: 'Your access' });
    expect(access).toHaveTextContent('Find users and groups: allowed');
    expect(access).toHaveTextContent("Revoke users' tokens: allowed");
    expect(access).toHaveTextContent('Change the idle token timeout: allowed');
  });

  it('warns a trustee with a banner and shows the cloned user', async () => {
    await renderApp({ email: 'trustee@partner.example.com' });
    const banner = await screen.findByRole('note');
    expect(banner).toHaveTextContent('Trustee session');
    expect(banner).toHaveTextContent('Partner Support Ltd');
    expect(within(screen.getByRole('region', { name: 'Trustee' })).getByText(TRUSTEE_HOME_USER_ID)).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Organisation' })).getByText('Not your home organisation')).toBeInTheDocument();
  });

  it('verifies a live token as valid; a revoked one ends the session with a word of why', async () => {
    const user = userEvent.setup();
    const { emulator, app } = await renderApp({ email: 'admin@example.com' });
    await user.click(await screen.findByRole('button', { name: 'Verify token' }));
    expect(await screen.findByText('Token is valid')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Verify token' })).toHaveFocus();

    const supervisor = emulator.issueToken('supervisor@example.com').access_token;
    const revoke = await emulator.fetch(`${EMULATOR_ORIGIN}/api/v2/tokens/${ADMIN.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${supervisor}` },
    });
    expect(revoke.status).toBe(204);
    await user.click(screen.getByRole('button', { name: 'Verify token' }));
    expect(await screen.findByRole('heading', { name: 'Your session ended' })).toBeInTheDocument();
    expect(screen.getByText(/no longer accepts your token/)).toBeInTheDocument();
    expect(new SessionStore().get()).toBeUndefined();
    expect(app.router.state.location.pathname).toBe('/session-ended');
    expect(readSessionEnd()).toMatchObject({ returnTo: '/token', cause: 'revoked' });
  });

  it('a dead token ends the session, says so, and signs in again to the same page', async () => {
    const user = userEvent.setup();
    const { navigatedAway } = await renderApp({
      email: 'admin@example.com',
      path: '/token?tab=1',
      beforeRender: (emulator, token) =>
        emulator.fetch(`${EMULATOR_ORIGIN}/api/v2/tokens/me`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } }),
    });
    expect(await screen.findByRole('heading', { name: 'Your session ended' })).toBeInTheDocument();
    expect(navigatedAway).toEqual([]);
    await user.click(screen.getByRole('link', { name: 'Sign in again' }));
    await waitFor(() => expect(navigatedAway).toHaveLength(1));
    const target = new URL(navigatedAway[0] ?? '');
    expect(`${target.origin}${target.pathname}`).toBe(`${EMULATOR_ORIGIN}/oauth/authorize`);
    expect(target.searchParams.get('client_id')).toBe(APP_CLIENT_ID);
    expect(target.searchParams.get('code_challenge_method')).toBe('S256');
    expect(returnPathFromState(target.searchParams.get('state'))).toBe('/token?tab=1');
    expect(new SessionStore().get()).toBeUndefined();
  });

  it('sends nothing to Genesys while a 429 wait lasts, however the page remounts, then loads once', async () => {
    const { requests } = await renderApp({
      email: 'admin@example.com',
      beforeRender: (emulator) => {
        emulator.store.addFault({ method: 'GET', path: '/api/v2/tokens/me', status: 429, retryAfterSeconds: 2, remaining: 1, kind: 'status', skip: 0 });
        return Promise.resolve();
      },
    });
    expect(await screen.findByText('Genesys Cloud is rate limiting requests', undefined, { timeout: 3000 })).toBeInTheDocument();
    const during = requests.length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // Nothing went out during the wait: not the other read, not a remount's.
    expect(requests).toHaveLength(during);
    expect(await screen.findByRole('region', { name: 'Organisation' }, { timeout: 5000 })).toBeInTheDocument();
    expect(requests.filter((r) => r.includes('/api/v2/tokens/me'))).toHaveLength(2);
    expect(requests.filter((r) => r.includes('/api/v2/users/me'))).toHaveLength(1);
  });

  it('sends one DELETE for two presses of Sign out in the same moment', async () => {
    const user = userEvent.setup();
    const { requests } = await renderApp({ email: 'admin@example.com' });
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign out of Token Admin?' });
    const confirm = within(dialog).getByRole('button', { name: 'Sign out' });
    act(() => {
      confirm.click();
      confirm.click();
    });
    await waitFor(() => expect(new SessionStore().get()).toBeUndefined(), { timeout: 5000 });
    expect(requests.filter((r) => r.startsWith('DELETE'))).toHaveLength(1);
  });

  it('tells an idle-out from a revocation when the browser\'s clock and Genesys\' are an hour apart', async () => {
    const user = userEvent.setup();
    const { emulator } = await renderApp({ email: 'admin@example.com' });
    await screen.findByRole('region', { name: 'Lifetime' }, { timeout: 5000 });
    // Genesys' clock runs an hour ahead of this browser's: for Genesys the token idled out long ago.
    emulator.advanceClock(3600);
    await user.click(screen.getByRole('button', { name: 'Verify token' }));
    expect(await screen.findByRole('heading', { name: 'Your session ended' })).toBeInTheDocument();
    expect(screen.getByText(/Your token idled out at/)).toBeInTheDocument();
    expect(readSessionEnd()).toMatchObject({ cause: 'idle' });
  });
});
