import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { Journal } from '../journal/journal.ts';
import { nextStepFor } from '../api/errors.ts';
import { isApiError, isCancelled, isUnauthorized } from '../api/http.ts';
import type { JournalIntent } from '../api/journalIntent.ts';
import type { Notifier } from '../ui/notify.tsx';

export interface QueryClientHooks {
  /** A 401 from any call: the session is over. */
  onUnauthorized: () => void;
  journal: Journal;
  notifier: Notifier;
  /** A change cut short by the session's end (a 401): kept to be offered again after signing in. */
  onInterrupted?: (intent: JournalIntent) => void;
}

function correlationIdOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('correlationId' in data)) return undefined;
  return typeof data.correlationId === 'string' ? data.correlationId : undefined;
}

export function createQueryClient({ onUnauthorized, journal, notifier, onInterrupted }: QueryClientHooks): QueryClient {
  /** A change is recorded with the actor its mutation was given; a failed write is said, never dropped quietly. */
  const record = async (intent: JournalIntent | undefined, outcome: { result: 'success' | 'failure'; error?: string; correlationId?: string | undefined }) => {
    if (!intent) return;
    try {
      await journal.record({ ...intent, ...outcome });
    } catch (error) {
      notifier.notify({
        color: 'yellow',
        title: 'Not recorded in Activity',
        message: `${intent.summary}: this browser could not save it in Activity (${error instanceof Error ? error.message : String(error)}).`,
        autoClose: false,
      });
    }
  };

  const client = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthorized(error)) {
          onUnauthorized();
          return;
        }
        // Only background refetches toast: a first load shows its error where the data would be.
        if (query.state.data !== undefined && !isCancelled(error)) {
          const correlation = isApiError(error) && error.correlationId ? ` Correlation id: ${error.correlationId}.` : '';
          notifier.notify({
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
      onSuccess: (data, _variables, _result, mutation) => record(mutation.meta?.journal, { result: 'success', correlationId: correlationIdOf(data) }),
      onError: async (error, _variables, _result, mutation) => {
        // Cancelled before anything could change: there is nothing to record.
        if (!(isCancelled(error) && error.nothingChanged)) {
          await record(mutation.meta?.journal, {
            result: 'failure',
            error: error.message,
            correlationId: isApiError(error) ? error.correlationId : undefined,
          });
        }
        if (isUnauthorized(error)) {
          const intent = mutation.meta?.journal;
          // Not carried out: Genesys refused the token. Offered again after signing in, never redone by itself.
          if (intent && intent.action !== 'sign-out') onInterrupted?.(intent);
          onUnauthorized();
        }
      },
    }),
    defaultOptions: {
      // The HttpClient already retries 429s, 5xx and network errors; a second layer would multiply them.
      // Nothing refetches by itself (focus, reconnect, a remount after a failure): every Genesys
      // call but a preserveIdleTTL read of tokens/me counts as the admin's activity, and the app
      // must never keep its own admin's session alive. tokens/me opts back in (api/tokens.ts).
      queries: { retry: false, retryOnMount: false, refetchOnWindowFocus: false, refetchOnReconnect: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return client;
}
