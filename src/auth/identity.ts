import { useQuery, useQueryClient } from '@tanstack/react-query';
import { actorOf, useApi } from '../api/api.ts';
import { sameCause } from '../api/errors.ts';
import type { Actor } from '../api/journalIntent.ts';
import { readTokenInfoAsActivity } from '../api/tokens.ts';

/**
 * Who is signed in and their token, loaded together for every page. When both fail for one
 * reason (Genesys unreachable, rate limited), the shell shows one alert and one Try again.
 */
export function useIdentity() {
  const queryClient = useQueryClient();
  const api = useApi();
  const me = useQuery(api.users.me());
  const token = useQuery(api.tokens.me());
  const sharedFailure = me.isError && token.isError && sameCause(me.error, token.error);
  return {
    me,
    token,
    sharedFailure,
    /** The admin pressed Try again: their own read, so it counts as activity. */
    retryToken: () => readTokenInfoAsActivity(queryClient, api.http).catch(() => undefined),
    retryAll: () => Promise.all([me.refetch(), readTokenInfoAsActivity(queryClient, api.http).catch(() => undefined)]),
  };
}

/** The signed-in admin as the journal records them: whatever Genesys has said so far. */
export function useActor(): Actor {
  const { me, token } = useIdentity();
  return actorOf(me.data, token.data);
}
