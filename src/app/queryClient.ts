import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { nextStepFor } from '../api/errors.ts';
import { isApiError, isUnauthorized } from '../api/http.ts';
import { tokenQueries } from '../api/tokens.ts';
import { userQueries } from '../api/users.ts';
import type { JournalEntry, JournalIntent } from '../journal/journal.ts';
import { notify } from '../ui/notify.tsx';

export interface QueryClientHooks {
  /** A 401 from any call: the session is over. */
  onUnauthorized: () => void;
}

function correlationIdOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('correlationId' in data)) return undefined;
  return typeof data.correlationId === 'string' ? data.correlationId : undefined;
}

export function createQueryClient(hooks: QueryClientHooks): QueryClient {
  /** Who did it and where: the caller and their token's organisation, as loaded for the shell. */
  const record = async (intent: JournalIntent | undefined, outcome: Pick<JournalEntry, 'result' | 'error' | 'correlationId'>): Promise<void> => {
    if (!intent) return;
    const me = client.getQueryData(userQueries.me().queryKey);
    const organization = client.getQueryData(tokenQueries.me().queryKey)?.organization ?? me?.organization;
    if (!organization?.id) return;
    // The journal's storage code loads with the first change, not with every page.
    const entry: Omit<JournalEntry, 'id'> = {
      at: new Date().toISOString(),
      actor: { id: me?.id, name: me?.name, email: me?.email },
      organization: { id: organization.id, name: organization.name },
      action: intent.action,
      summary: intent.summary,
      target: intent.target,
      ...outcome,
    };
    try {
      const journal = await import('../journal/journal.ts');
      await journal.addJournalEntry(entry);
    } catch (error) {
      notify({ color: 'yellow', title: 'Not recorded in Activity', message: `This browser could not save it (${String(error)}).` });
    }
  };

  const client = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthorized(error)) {
          hooks.onUnauthorized();
          return;
        }
        // Only background refetches toast: a first load shows its error where the data would be.
        if (query.state.data !== undefined) {
          const correlation = isApiError(error) && error.correlationId ? ` Correlation id: ${error.correlationId}.` : '';
          notify({
            color: 'red',
            title: 'Could not refresh; showing what was loaded before',
            message: `${error.message} ${nextStepFor(error)}${correlation}`,
            autoClose: 10_000,
          });
        }
      },
    }),
    mutationCache: new MutationCache({
      // Awaited by react-query: the entry is saved before the page reacts (a sign-out may leave the page).
      onSuccess: (data, _variables, _context, mutation) => record(mutation.meta?.journal, { result: 'success', correlationId: correlationIdOf(data) }),
      onError: async (error, _variables, _context, mutation) => {
        await record(mutation.meta?.journal, {
          result: 'failure',
          error: error.message,
          correlationId: isApiError(error) ? error.correlationId : undefined,
        });
        if (isUnauthorized(error)) hooks.onUnauthorized();
      },
    }),
    defaultOptions: {
      // request() already retries 429s, 5xx and network errors; a second layer would multiply them.
      // Nothing refetches by itself (focus, reconnect, a remount after a failure): every Genesys
      // call but a preserveIdleTTL read of tokens/me counts as the admin's activity, and the app
      // must never keep its own admin's session alive. tokens/me opts back in (api/tokens.ts).
      queries: { retry: false, retryOnMount: false, refetchOnWindowFocus: false, refetchOnReconnect: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return client;
}
