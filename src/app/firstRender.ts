import type { QueryClient } from '@tanstack/react-query';
import { tokenKeys } from '../api/tokens.ts';
import { userKeys } from '../api/users.ts';
import type { AppRouter } from './createApp.tsx';

/**
 * Resolves once the first page can render whole (its route module loaded, the admin and their
 * token read, well or not), or after `maxMs`, whichever is first. On a first visit the boot
 * module's answers are usually in before the bundle: rendering then draws the page once, with
 * its data, instead of a loader, then skeletons, then the data (each pass a slow phone's
 * hundred milliseconds). It never waits on Genesys for long: the page shows its own progress.
 */
export function firstPageSettled(router: AppRouter, queryClient: QueryClient, maxMs: number): Promise<void> {
  const settled = () => {
    if (!router.state.initialized) return false;
    // Signed-out pages have neither query.
    return [tokenKeys.me(), userKeys.me()].every((key) => {
      const state = queryClient.getQueryState(key);
      return state?.status !== 'pending';
    });
  };
  if (settled()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stopRouter();
      stopQueries();
      resolve();
    };
    const check = () => {
      if (settled()) done();
    };
    const timer = setTimeout(done, maxMs);
    const stopRouter = router.subscribe(check);
    const stopQueries = queryClient.getQueryCache().subscribe(check);
  });
}
