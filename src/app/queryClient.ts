import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { nextStepFor } from '../api/errors.ts';
import { isApiError, isUnauthorized } from '../api/http.ts';

export interface QueryClientHooks {
  /** A 401 from any call: the session is over. */
  onUnauthorized: () => void;
}

export function createQueryClient(hooks: QueryClientHooks): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthorized(error)) {
          hooks.onUnauthorized();
          return;
        }
        // Only background refetches toast: a first load shows its error where the data would be.
        if (query.state.data !== undefined) {
          const correlation = isApiError(error) && error.correlationId ? ` Correlation id: ${error.correlationId}.` : '';
          notifications.show({
            color: 'red',
            title: 'Could not refresh; showing what was loaded before',
            message: `${error.message} ${nextStepFor(error)}${correlation}`,
            autoClose: 10_000,
          });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
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
}
