import type { NotificationData } from '@mantine/notifications';
import { Suspense, lazy, useSyncExternalStore } from 'react';

const loadHost = () => import('./notificationsHost.tsx');
const Host = lazy(() => loadHost().then((m) => ({ default: m.NotificationsHost })));

let wanted = false;
const listeners = new Set<() => void>();

/**
 * Shows a notification ("Idle timeout saved"). Use this, not @mantine/notifications directly:
 * the notifications code and its host load with the first one, not with every page.
 */
export function notify(data: NotificationData): void {
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
  void loadHost().then((m) => m.show(data));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Mounted once beside the app; renders nothing until the first notification. */
export function Notifier() {
  const show = useSyncExternalStore(subscribe, () => wanted);
  return show ? (
    <Suspense fallback={null}>
      <Host />
    </Suspense>
  ) : null;
}
