/**
 * Users ticked on the Users page for a bulk revocation, kept in this tab (sessionStorage) across
 * result pages and until the Bulk revoke page takes them. Ids with what the page knew of them.
 */
export interface SelectedUser {
  id: string;
  name?: string | undefined;
  email?: string | undefined;
}

const KEY = 'token-admin:bulk-selection';
/** A run takes at most this many users; the selection cannot outgrow it. */
export const MAX_SELECTION = 20_000;

export function readSelection(storage: Storage = sessionStorage): SelectedUser[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((user): user is SelectedUser => typeof (user as SelectedUser | null)?.id === 'string') : [];
  } catch {
    return [];
  }
}

export function writeSelection(users: readonly SelectedUser[], storage: Storage = sessionStorage): void {
  if (users.length === 0) storage.removeItem(KEY);
  else storage.setItem(KEY, JSON.stringify(users.slice(0, MAX_SELECTION)));
}

/** Adds or removes one user; returns the new selection. */
export function toggleSelected(user: SelectedUser, selected: boolean, storage: Storage = sessionStorage): SelectedUser[] {
  const rest = readSelection(storage).filter((other) => other.id !== user.id);
  const next = selected ? [...rest, { id: user.id, name: user.name, email: user.email }] : rest;
  writeSelection(next, storage);
  return next;
}
