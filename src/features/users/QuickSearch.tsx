import { lazy, Suspense, useEffect, useRef, useState } from 'react';

const QuickSearchSpotlight = lazy(() => import('./quickSearchSpotlight.tsx'));

const isShortcut = (event: KeyboardEvent) => (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';

/**
 * Ctrl+K (⌘K on a Mac) on any page opens a quick user search. The search itself, with Mantine
 * Spotlight, is downloaded the first time it is asked for; until then this is one key listener,
 * kept this small because every page loads it. What is typed while it downloads goes into the
 * search, not into the page.
 */
export function QuickSearch() {
  const [opens, setOpens] = useState(0);
  const [ready, setReady] = useState(false);
  const typedEarly = useRef('');

  useEffect(() => {
    // Works from inside text boxes too: the shortcut is not something anyone types.
    const onKeyDown = (event: KeyboardEvent) => {
      if (isShortcut(event)) {
        event.preventDefault();
        setOpens((count) => count + 1);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const loading = opens > 0 && !ready;
  useEffect(() => {
    if (!loading) return undefined;
    const capture = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key.length === 1) typedEarly.current += event.key;
      else if (event.key === 'Backspace') typedEarly.current = typedEarly.current.slice(0, -1);
      else return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', capture, true);
    return () => window.removeEventListener('keydown', capture, true);
  }, [loading]);

  if (opens === 0) return null;
  return (
    <Suspense fallback={null}>
      <QuickSearchSpotlight opens={opens} initialQuery={() => typedEarly.current} onReady={() => setReady(true)} />
    </Suspense>
  );
}
