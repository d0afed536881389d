import '@mantine/core/styles/Notification.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/notifications/styles.css';
import { Notifications, notifications, type NotificationData } from '@mantine/notifications';

/** Mantine's notifications, in their own chunk: most visits never show one. */
export function NotificationsHost() {
  // Bottom right: at the top they would cover the header's Sign out button.
  return <Notifications position="bottom-right" />;
}

export function show(data: NotificationData): void {
  notifications.show(data);
}
