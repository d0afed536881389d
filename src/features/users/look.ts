import type { User } from '../../api/users.ts';
import type { PageLook } from '../../ui/pageLook.ts';

export function displayName(user: Pick<User, 'name' | 'email' | 'id'>): string {
  return user.name ?? user.email ?? user.id;
}

/** A user's page heading with the user in: their name, and their email address. */
export function userLook(user: User): PageLook {
  return { title: displayName(user), lead: [user.email ?? 'No email address'] };
}
