import { Badge } from '@mantine/core';
import type { UserState } from '../../api/users.ts';

/** Only users who cannot sign in are marked; active is the normal case. */
export function StateBadge({ state }: { state: UserState | (string & {}) | undefined }) {
  if (state === 'inactive') return <Badge color="gray" variant="light">Inactive</Badge>;
  if (state === 'deleted') return <Badge color="red" variant="light">Deleted</Badge>;
  return null;
}
