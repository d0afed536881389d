import { useQuery, useQueryClient } from '@tanstack/react-query';
import { sameCause } from '../api/errors.ts';
import { readTokenInfoAsActivity, tokenQueries } from '../api/tokens.ts';
import { userQueries } from '../api/users.ts';

/**
 * Who is signed in and their token, loaded together for every page. When both fail for one
 * reason (Genesys unreachable, rate limited), the shell shows one alert and one Try again.
 */
export function useIdentity() {
  const queryClient = useQueryClient();
  const me = useQuery(userQueries.me());
  const token = useQuery(tokenQueries.me());
  const sharedFailure = me.isError && token.isError && sameCause(me.error, token.error);
  return {
    me,
    token,
    sharedFailure,
    /** The admin pressed Try again: their own read, so it may count as activity. */
    retryToken: () => readTokenInfoAsActivity(queryClient).catch(() => undefined),
    retryAll: () => Promise.all([me.refetch(), readTokenInfoAsActivity(queryClient).catch(() => undefined)]),
  };
}
