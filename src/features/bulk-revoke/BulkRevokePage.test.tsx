import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ADMIN, AGENT, SUPERVISOR } from '../../../emulator/seed.ts';
import { renderApp } from '../../../test/renderApp.tsx';

const revokedIds = (emulator: Awaited<ReturnType<typeof renderApp>>['emulator']) =>
  new Set([...emulator.store.tokens.values()].filter((t) => t.revokedAt !== null).map((t) => t.userId));

describe('the bulk revoke page against the emulator', { timeout: 60_000 }, () => {
  // jsdom lays nothing out: the tables' scrolling areas get a size, so their rows are drawn.
  beforeEach(() => {
    vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1000);
  });

  it('checks a pasted list with junk, says why each entry is not revoked, and revokes the rest once each', async () => {
    const user = userEvent.setup();
    const { emulator, requests } = await renderApp({ email: ADMIN.email, path: '/bulk-revoke' });
    for (const email of [AGENT.email, SUPERVISOR.email]) emulator.issueToken(email);
    const box = await screen.findByLabelText('Emails and user ids', undefined, { timeout: 5000 });
    await user.click(box);
    await user.paste([AGENT.email, SUPERVISOR.id, 'nobody@example.com', 'ari@', 'just words', AGENT.email.toUpperCase(), ADMIN.email].join('\n'));
    await user.type(screen.getByLabelText('Reason (optional)'), 'INC-1');
    await user.click(screen.getByRole('button', { name: 'Check the list' }));

    const found = await screen.findByRole('group', { name: 'What Genesys Cloud found' }, { timeout: 10_000 });
    expect(found).toHaveTextContent('To revoke2');
    expect(found).toHaveTextContent('You1');
    const table = screen.getByRole('table', { name: 'The list, checked' });
    await waitFor(() => expect(table).toHaveTextContent('No user has this email address.'));
    expect(table).toHaveTextContent('“ari@” is not a complete email address');
    expect(table).toHaveTextContent('No email address or user id on this line.');
    expect(table).toHaveTextContent(/Same as line 1/i);
    // The admin is flagged and left out unless included.
    expect(screen.getByRole('note', { name: 'You are on this list' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Revoke the tokens of 2 users…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke the tokens of 2 users?' });
    expect(dialog).toHaveTextContent('Reason: INC-1');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke 2 users' }));

    expect(await screen.findByRole('heading', { name: 'Bulk revocation', level: 1 }, { timeout: 10_000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('status', { name: 'Counts' })).toHaveTextContent('Revoked2'), { timeout: 10_000 });
    expect(revokedIds(emulator).has(AGENT.id)).toBe(true);
    expect(revokedIds(emulator).has(SUPERVISOR.id)).toBe(true);
    expect(revokedIds(emulator).has(ADMIN.id)).toBe(false);
    expect(requests.filter((r) => r.startsWith('DELETE'))).toHaveLength(2);
  });

  it('says which permission is missing to someone who may not revoke tokens', async () => {
    await renderApp({ email: AGENT.email, path: '/bulk-revoke' });
    expect(await screen.findByRole('note', { name: /You may not revoke users' tokens/ }, { timeout: 5000 })).toHaveTextContent('oauth:token:delete');
    expect(screen.queryByLabelText('Emails and user ids')).not.toBeInTheDocument();
  });
});
