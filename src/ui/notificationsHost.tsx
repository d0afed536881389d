import '@mantine/core/styles/Notification.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/notifications/styles.css';
import { Notifications, createNotificationsStore, showNotification, type NotificationData, type NotificationsStore } from '@mantine/notifications';

/** Mantine's notifications, in their own chunk: most visits never show one. Each app has its own store. */
export function NotificationsHost({ store }: { store: NotificationsStore }) {
  // Bottom right: at the top they would cover the header's Sign out button.
  return <Notifications position="bottom-right" store={store} />;
}

export function createStore(): NotificationsStore {
  return createNotificationsStore();
}

export function show(data: NotificationData, store: NotificationsStore): void {
  showNotification(data, store);
}
