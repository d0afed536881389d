import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AGENT } from '../../../emulator/seed.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import { tokenQueries } from '../../api/tokens.ts';
import { listJournal } from '../../journal/journal.ts';

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
    const orgId = app.queryClient.getQueryData(tokenQueries.me().queryKey)?.organization?.id ?? '';
    const [entry] = await listJournal(orgId);
    expect(entry).toMatchObject({ action: 'revoke-user-tokens', result: 'success', target: { id: AGENT.id, name: 'Ari Agent', email: 'agent@example.com' } });
  });
});
