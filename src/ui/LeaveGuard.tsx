import { Suspense, lazy, useEffect } from 'react';
import { useBlocker } from 'react-router';
import { paths } from '../paths.ts';

/** Where the app sends an ended or signed-out session: never held back by unsaved edits. */
const ALWAYS_ALLOWED: readonly string[] = [paths.signIn.path, paths.sessionEnded.path];

/** Asks before unsaved changes are left behind: by a link in the app, Back, or closing the tab. */
export function LeaveGuard({ dirty, what, onLeave }: { dirty: boolean; /** "Your changes to the idle timeout" */ what: string; /** The admin chose to leave them. */ onLeave?: () => void }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname && !ALWAYS_ALLOWED.includes(nextLocation.pathname),
  );

  useEffect(() => {
    if (!dirty) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  useEffect(() => {
    if (dirty) void loadDialog();
  }, [dirty]);

  if (blocker.state !== 'blocked') return null;
  return (
    <Suspense fallback={null}>
      <LeaveDialog
        what={what}
        stay={() => blocker.reset()}
        leave={() => {
          onLeave?.();
          blocker.proceed();
        }}
      />
    </Suspense>
  );
}

const loadDialog = () => import('./LeaveDialog.tsx');
// Mantine's Modal loads once there is something to lose, not with the page.
const LeaveDialog = lazy(loadDialog);
