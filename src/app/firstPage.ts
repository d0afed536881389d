import type { QueryClient } from '@tanstack/react-query';
import { succeeded, type EarlyRead } from '../api/earlyReads.ts';
import type { AppRouter } from './createApp.tsx';

/** How long the first render may wait, once the bundle has run, for the page's code and the early answers. */
export const FIRST_PAGE_WAIT_MS = 300;

/**
 * When main.tsx first renders the app. With reads the boot module started for this page (which
 * also preloaded its code): once the router has the page and the answers are in, and, when all
 * of them succeeded, once the page's queries have taken them. The first render is then the
 * whole page, not skeletons, then the data (npm run bench, before the first look: the page's
 * data 6% sooner on /token, 7% on the idle timeout page). A failed answer (401, 429, 5xx) is left to the page
 * at once, which handles it as it would a late one; nothing waits longer than `wait`, and what
 * is not in by then arrives under the page's own progress. Without early reads (signing in, the
 * callback, no session): at once.
 */
export async function firstPageReady(
  app: { router: AppRouter; queryClient: QueryClient },
  early: readonly EarlyRead[],
  wait = new Promise<void>((resolve) => setTimeout(resolve, FIRST_PAGE_WAIT_MS)),
): Promise<void> {
  if (early.length === 0) return;
  const whole = await Promise.race([
    // A failed answer settles it at once: the page shows that failure as it would a late one.
    everyAnswerSucceeded(early).then(async (succeeded) => succeeded && (await initialized(app.router), true)),
    wait.then(() => false),
  ]);
  if (!whole) return;
  // Only the page's loaders have asked anything yet, each a read the boot module started: taken from its answer, not the network.
  const adopting = app.queryClient.getQueryCache().findAll({ fetchStatus: 'fetching' });
  await Promise.race([Promise.all(adopting.flatMap((query) => (query.promise ? [query.promise.catch(() => undefined)] : []))), wait]);
}

/** True once every answer is in and a success; false as soon as one fails or is not an answer at all. */
function everyAnswerSucceeded(early: readonly EarlyRead[]): Promise<boolean> {
  return new Promise((resolve) => {
    let waiting = early.length;
    for (const read of early) {
      read.answer.then(
        (answer) => {
          if (!succeeded(answer)) resolve(false);
          else if (--waiting === 0) resolve(true);
        },
        () => resolve(false),
      );
    }
  });
}

function initialized(router: AppRouter): Promise<void> {
  if (router.state.initialized) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
}
