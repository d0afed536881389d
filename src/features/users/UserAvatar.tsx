import { Avatar, type MantineSize } from '@mantine/core';
import type { User } from '../../api/users.ts';

/** The user's picture where Genesys has one, else initials; the name is always shown beside it. */
export function UserAvatar({ user, size = 'md' }: { user: User; size?: MantineSize | number }) {
  const images = user.images ?? [];
  const src = images.find((image) => image.imageUri && image.resolution === 'x96')?.imageUri ?? images.find((image) => image.imageUri)?.imageUri;
  const initials = (user.name ?? user.email ?? '?')
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
  return (
    <Avatar src={src ?? null} alt="" size={size} radius="xl" color="blue">
      <span aria-hidden>{initials}</span>
    </Avatar>
  );
}
