import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AGENT } from '../../../emulator/seed.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import { tokenKeys, type TokenInfo } from '../../api/tokens.ts';

// The whole app renders in jsdom against the in-process emulator: a scenario takes a few seconds.
describe('the users pages against the emulator', { timeout: 30_000 }, () => {
  it('opens a shared search link on its page, with the total', async () => {
    const { requests } = await renderApp({ email: 'admin@example.com', path: '/users?q=smith&page=2' });
    expect(await screen.findByText(/37 users match “smith”, best match first · page 2 of 2\./, undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Matching users' })).getAllByRole('listitem')).toHaveLength(12);
    expect(screen.getByLabelText('Search users')).toHaveValue('smith');
    expect(requests.filter((r) => r.startsWith('POST') && r.endsWith('/api/v2/users/search'))).toHaveLength(1);
  });

  it('revokes a user after confirming, records it, and says they have not signed in since', async () => {
    const user = userEvent.setup();
    const { app } = await renderApp({ email: 'admin@example.com', path: `/users/${AGENT.id}` });
    await screen.findByRole('region', { name: 'Profile' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Revoke all tokens' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke all tokens of Ari Agent?' });
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await user.click(within(dialog).getByRole('button', { name: 'Revoke all tokens' }));
    expect(await screen.findByText('Tokens revoked at', { exact: false }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText(/Not signed in again since/)).toBeInTheDocument();
    const orgId = app.queryClient.getQueryData<TokenInfo>(tokenKeys.me())?.organization?.id ?? '';
    const { entries: [entry] } = await app.journal.page(orgId, { limit: 10 });
    expect(entry).toMatchObject({ action: 'revoke-user-tokens', result: 'success', target: { id: AGENT.id, name: 'Ari Agent', email: 'agent@example.com' } });
  });

  it('cancels a revocation while it waits out a 429: nothing more is sent, and the dialog says nothing changed', async () => {
    const user = userEvent.setup();
    const { emulator, requests } = await renderApp({ email: 'admin@example.com', path: `/users/${AGENT.id}` });
    await screen.findByRole('region', { name: 'Profile' }, { timeout: 5000 });
    emulator.store.addFault({ method: 'DELETE', path: '/api/v2/tokens/*', status: 429, retryAfterSeconds: 2, remaining: 5, kind: 'status', skip: 0 });
    await user.click(screen.getByRole('button', { name: 'Revoke all tokens' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke all tokens of Ari Agent?' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke all tokens' }));
    expect(await within(dialog).findByText('Genesys Cloud is rate limiting requests', undefined, { timeout: 5000 })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await within(dialog).findByText('Nothing was sent to Genesys Cloud, so nothing changed.')).toBeInTheDocument();
    // Well past the wait: the DELETE that was refused is the only one.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(requests.filter((r) => r.startsWith(`DELETE`) && r.endsWith(`/api/v2/tokens/${AGENT.id}`))).toHaveLength(1);
    expect(emulator.store.tokens.size).toBeGreaterThan(0);
    expect([...emulator.store.tokens.values()].filter((t) => t.userId === AGENT.id && t.revokedAt !== null)).toEqual([]);
  });

  it('sends one DELETE for a double click on the confirm, however fast', async () => {
    const user = userEvent.setup();
    const { requests, app } = await renderApp({ email: 'admin@example.com', path: `/users/${AGENT.id}` });
    await screen.findByRole('region', { name: 'Profile' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Revoke all tokens' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke all tokens of Ari Agent?' });
    const confirm = within(dialog).getByRole('button', { name: 'Revoke all tokens' });
    // Two presses before the page has drawn anything in between, as a fast double click or a
    // repeating Enter key gives.
    act(() => {
      confirm.click();
      confirm.click();
    });
    expect(await screen.findByText('Tokens revoked at', { exact: false }, { timeout: 5000 })).toBeInTheDocument();
    expect(requests.filter((r) => r.startsWith('DELETE'))).toHaveLength(1);
    const orgId = app.queryClient.getQueryData<TokenInfo>(tokenKeys.me())?.organization?.id ?? '';
    expect(await app.journal.count(orgId)).toBe(1);
  });

  it('checks again whether a revoked user signed in since, and says when it last checked', async () => {
    const user = userEvent.setup();
    const { emulator } = await renderApp({ email: 'admin@example.com', path: `/users/${AGENT.id}` });
    await screen.findByRole('region', { name: 'Profile' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Revoke all tokens' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Revoke all tokens' }));
    expect(await screen.findByText(/Not signed in again since/, undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText(/Last checked/)).toBeInTheDocument();
    // They sign in again a moment later.
    await new Promise((resolve) => setTimeout(resolve, 20));
    emulator.issueToken('agent@example.com');
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    expect(await screen.findByText(/Signed in again since/, undefined, { timeout: 5000 })).toBeInTheDocument();
  });

  it('"/" in the search box does not type a slash, and a pasted id with a slash and spaces still opens the user', async () => {
    const user = userEvent.setup();
    const { app } = await renderApp({ email: 'admin@example.com', path: '/users' });
    const box = await screen.findByLabelText('Search users', undefined, { timeout: 5000 });
    await waitFor(() => expect(box).toHaveFocus());
    await user.keyboard('/');
    expect(box).toHaveValue('');
    await user.click(box);
    await user.paste(` /${AGENT.id} `);
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/users/${AGENT.id}`));
  });
});
