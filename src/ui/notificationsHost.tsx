import '@mantine/core/styles/Notification.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/notifications/styles.css';
import { Notifications, notifications, type NotificationData } from '@mantine/notifications';

/** Mantine's notifications, in their own chunk: most visits never show one. */
export function NotificationsHost() {
  return <Notifications position="top-right" />;
}

export function show(data: NotificationData): void {
  notifications.show(data);
}
