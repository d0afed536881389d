import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/renderApp.tsx';

const PATH = '/settings/idle-timeout';

async function openAs(email: string) {
  const user = userEvent.setup();
  const view = await renderApp({ email, path: PATH });
  const organisation = await screen.findByRole('region', { name: 'Organisation' }, { timeout: 5000 });
  return { user, ...view, organisation, timeout: within(organisation).getByLabelText('Timeout') };
}

// The whole app renders in jsdom: a scenario takes a few seconds.
describe('the idle timeout page against the emulator', { timeout: 30_000 }, () => {
  it('shows the stored settings, with the bundle’s group by name, and nothing to save', async () => {
    const { organisation, timeout } = await openAs('admin@example.com');
    expect(timeout).toHaveValue('30');
    expect(within(organisation).getByRole('switch', { name: 'Enable idle timeout' })).toBeChecked();
    const bundle = screen.getByRole('group', { name: 'Priority 1' });
    expect(within(bundle).getByLabelText('Timeout')).toHaveValue('2');
    const groups = within(bundle).getByRole('list', { name: 'Groups in this bundle' });
    await waitFor(() => expect(groups).toHaveTextContent(/Supervisors · \d+ members/));
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(screen.getByText(/lowest priority number \(1 beats 2\)/)).toBeInTheDocument();
  });

  it('names the allowed range under a value outside it and will not save it', async () => {
    const { user, timeout } = await openAs('admin@example.com');
    await user.clear(timeout);
    await user.type(timeout, '4');
    expect(await screen.findByText('Enter 5 to 480 minutes')).toBeInTheDocument();
    expect(timeout).toHaveAccessibleDescription(/Enter 5 to 480 minutes/);
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('summarises the change, saves the whole object and takes the server’s answer', async () => {
    const { user, timeout, emulator } = await openAs('admin@example.com');
    await user.clear(timeout);
    await user.type(timeout, '45');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save the idle timeout?' });
    expect(within(dialog).getByText('Timeout: 30 minutes → 45 minutes')).toBeInTheDocument();
    expect(within(dialog).getByText(/signed out after 45 minutes/)).toBeInTheDocument();
    // Enabled once the page has checked that nobody else changed the settings meanwhile.
    const confirm = within(dialog).getByRole('button', { name: 'Save changes' });
    await waitFor(() => expect(confirm).toBeEnabled());
    await user.click(confirm);
    // The notification is checked in the browser (e2e): jsdom does not run Mantine's transitions.
    expect(await screen.findByText('No unsaved changes.', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(emulator.store.idleTimeout.idleTokenTimeoutSeconds).toBe(2700);
    expect(emulator.store.idleTimeout.inactivityTimeoutGroupBundles).toHaveLength(1);
    expect(timeout).toHaveValue('45');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('says so when HIPAA caps the value, by the field', async () => {
    const { user, timeout, emulator } = await openAs('admin@example.com');
    emulator.store.setHipaa(true, 900);
    await user.clear(timeout);
    await user.type(timeout, '20');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save the idle timeout?' });
    // HIPAA lowered the stored values too: the page says someone else changed them; keep the edits.
    await user.click(await within(dialog).findByRole('button', { name: 'Keep my edits' }, { timeout: 5000 }));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(timeout).toHaveAccessibleDescription(/HIPAA compliance on, which caps every idle timeout at 15 minutes/), { timeout: 10_000 });
    expect(timeout).toHaveValue('20');
  });

  it('shows the settings read-only, naming the missing permission, to a supervisor, and explains their 2-hour rule', async () => {
    await openAs('supervisor@example.com');
    const notice = screen.getByRole('note', { name: /You may not change the idle token timeout/ });
    expect(notice).toHaveTextContent('directory:organization:admin');
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    // Read-only, not merely without a Save button: nothing on the form can be changed.
    expect(within(screen.getByRole('region', { name: 'Organisation' })).getByLabelText('Timeout')).toHaveAttribute('readonly');
    expect(screen.getByRole('switch', { name: 'Enable idle timeout' })).toBeDisabled();
    const panel = screen.getByRole('region', { name: 'Who gets which timeout' });
    expect(await within(panel).findByText('You: Signed out after 2 hours without activity: group bundle priority 1.')).toBeInTheDocument();
    expect(within(panel).getByText('Groups: Supervisors.')).toBeInTheDocument();
  });

  it('asks about a short timeout again at every opening of the Save dialog', async () => {
    const { user, timeout } = await openAs('admin@example.com');
    await user.clear(timeout);
    await user.type(timeout, '7');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    let dialog = await screen.findByRole('dialog', { name: 'Save the idle timeout?' });
    const tick = within(dialog).getByRole('checkbox', { name: /I understand: idle tokens stop working after 7 minutes/ });
    await user.click(tick);
    expect(tick).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Save' }));
    dialog = await screen.findByRole('dialog', { name: 'Save the idle timeout?' });
    expect(within(dialog).getByRole('checkbox', { name: /I understand/ })).not.toBeChecked();
    expect(within(dialog).getByRole('button', { name: 'Save changes' })).toBeDisabled();
  });

  it('shows a failed save in the dialog, where the admin is looking, and keeps what was typed', async () => {
    const { user, timeout, emulator } = await openAs('admin@example.com');
    emulator.store.addFault({ method: 'PUT', path: '/api/v2/tokens/timeout', status: 500, remaining: 1, kind: 'status', skip: 0 });
    await user.clear(timeout);
    await user.type(timeout, '45');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save the idle timeout?' });
    const confirm = within(dialog).getByRole('button', { name: 'Save changes' });
    await waitFor(() => expect(confirm).toBeEnabled());
    await user.click(confirm);
    const alert = await within(dialog).findByRole('alert', undefined, { timeout: 5000 });
    expect(alert).toHaveTextContent("Couldn't save the idle timeout");
    expect(alert).toHaveTextContent(/Correlation id for support/);
    expect(timeout).toHaveValue('45');
    // Saving again is one deliberate press away, in the same place.
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), { timeout: 5000 });
    expect(emulator.store.idleTimeout.idleTokenTimeoutSeconds).toBe(2700);
  });

  it('puts focus into a new bundle, shows no problem before it is touched, and keeps focus on the search after adding a group', async () => {
    const { user } = await openAs('admin@example.com');
    await user.click(screen.getByRole('button', { name: 'Add a bundle' }));
    const bundle = await screen.findByRole('group', { name: 'Priority 2' });
    await waitFor(() => expect(within(bundle).getByLabelText('Timeout')).toHaveFocus());
    expect(within(bundle).queryByText('Pick at least one group')).not.toBeInTheDocument();
    const search = within(bundle).getByLabelText('Add groups');
    await user.type(search, 'support');
    await user.click(await within(bundle).findByRole('button', { name: 'Add Tier 1 Support' }, { timeout: 5000 }));
    expect(search).toHaveFocus();
    expect(within(within(bundle).getByRole('list', { name: 'Groups in this bundle' })).getByText(/Tier 1 Support/)).toBeInTheDocument();
  });

  it('shows a new bundle without groups as a problem once Save is pressed, and brings it into view', async () => {
    const { user } = await openAs('admin@example.com');
    await user.click(screen.getByRole('button', { name: 'Add a bundle' }));
    const bundle = await screen.findByRole('group', { name: 'Priority 2' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await within(bundle).findByText('Pick at least one group')).toBeInTheDocument();
    await waitFor(() => expect(within(bundle).getByLabelText('Add groups')).toHaveFocus());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
