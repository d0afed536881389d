import { lazy, Suspense, useEffect, useState } from 'react';

const QuickSearchSpotlight = lazy(() => import('./quickSearchSpotlight.tsx'));

/**
 * Ctrl+K (⌘K on a Mac) on any page opens a quick user search. The search itself, with Mantine
 * Spotlight, is downloaded the first time it is asked for; until then this is one key listener,
 * kept this small because every page loads it.
 */
export function QuickSearch() {
  const [opens, setOpens] = useState(0);
  useEffect(() => {
    // Works from inside text boxes too: the shortcut is not something anyone types.
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpens((count) => count + 1);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  if (opens === 0) return null;
  return (
    <Suspense fallback={null}>
      <QuickSearchSpotlight opens={opens} />
    </Suspense>
  );
}
