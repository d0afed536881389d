import type { NotificationData, NotificationsStore } from '@mantine/notifications';
import { Suspense, createContext, lazy, use, useContext, useSyncExternalStore } from 'react';

const loadHost = () => import('./notificationsHost.tsx');
const Host = lazy(() => loadHost().then((m) => ({ default: m.NotificationsHost })));

/**
 * Shows notifications ("Idle timeout saved") for one app instance. Use this, not
 * @mantine/notifications directly: the notifications code and its host load with the first
 * one, not with every page.
 */
export class Notifier {
  private wanted = false;
  private readonly listeners = new Set<() => void>();
  private store: Promise<NotificationsStore> | undefined;

  /** The Mantine store of this app's notifications, made with the first one. */
  storeReady = (): Promise<NotificationsStore> => {
    this.store ??= loadHost().then((m) => m.createStore());
    return this.store;
  };

  notify = (data: NotificationData): void => {
    if (!this.wanted) {
      this.wanted = true;
      for (const listener of this.listeners) listener();
    }
    void Promise.all([loadHost(), this.storeReady()]).then(([m, store]) => m.show(data, store));
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  isWanted = (): boolean => this.wanted;
}

export const NotifierContext = createContext<Notifier | undefined>(undefined);

/** This app's `notify`. */
export function useNotify(): Notifier['notify'] {
  const notifier = useContext(NotifierContext);
  if (!notifier) throw new Error('useNotify() needs the app instance (NotifierContext) above it');
  return notifier.notify;
}

/** Mounted once beside the app; renders nothing until the first notification. */
export function NotificationsOutlet({ notifier }: { notifier: Notifier }) {
  const show = useSyncExternalStore(notifier.subscribe, notifier.isWanted);
  return show ? (
    <Suspense fallback={null}>
      <StoreHost notifier={notifier} />
    </Suspense>
  ) : null;
}

/** Suspends until the notifier's store exists (one promise per notifier), then mounts Mantine's host on it. */
function StoreHost({ notifier }: { notifier: Notifier }) {
  return <Host store={use(notifier.storeReady())} />;
}
