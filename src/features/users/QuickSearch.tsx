import { useHotkeys } from '@mantine/hooks';
import { lazy, Suspense, useState } from 'react';

const QuickSearchSpotlight = lazy(() => import('./quickSearchSpotlight.tsx'));

/**
 * Ctrl+K (⌘K on a Mac) on any page opens a quick user search. The search itself, with Mantine
 * Spotlight, is downloaded the first time it is asked for.
 */
export function QuickSearch() {
  const [opens, setOpens] = useState(0);
  // Works from inside text boxes too: the shortcut is not something anyone types.
  useHotkeys([['mod+K', () => setOpens((count) => count + 1)]], []);
  if (opens === 0) return null;
  return (
    <Suspense fallback={null}>
      <QuickSearchSpotlight opens={opens} />
    </Suspense>
  );
}
