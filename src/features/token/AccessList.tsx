import { Anchor, Group, List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { hasPermission } from '../../auth/permissions.ts';
import { paths } from '../../paths.ts';

interface Capability {
  label: string;
  permission: string;
  /** The page that does it, once Token Admin has one. */
  page?: { href: string; label: string };
}

/** What Token Admin lets someone do, and the Genesys permission each needs. */
const CAPABILITIES: readonly Capability[] = [
  { label: 'Find users and groups', permission: 'directory:user:view', page: { href: paths.users.href(), label: 'Open Users' } },
  { label: "Revoke users' tokens", permission: 'oauth:token:delete', page: { href: paths.users.href(), label: 'Open Users' } },
  {
    label: 'Change the idle token timeout',
    permission: 'directory:organization:admin',
    page: { href: paths.idleTimeout.href(), label: 'Open Idle timeout' },
  },
];

export function AccessList({ permissions }: { permissions: readonly string[] }) {
  return (
    <List spacing="xs" listStyleType="none" p={0} m={0}>
      {CAPABILITIES.map(({ label, permission, page }) => {
        const allowed = hasPermission(permissions, permission);
        return (
          <List.Item key={permission}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <ThemeIcon size="sm" radius="xl" variant="light" color={allowed ? 'teal' : 'gray'} aria-hidden>
                {allowed ? <IconCheck size={14} /> : <IconX size={14} />}
              </ThemeIcon>
              <div>
                <Text size="sm">
                  {label}: <strong>{allowed ? 'allowed' : 'not allowed'}</strong>
                  {page ? (
                    <>
                      {' '}
                      <Anchor component={Link} to={page.href} size="sm">
                        {page.label}
                      </Anchor>
                    </>
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      (Token Admin has no page for this yet)
                    </Text>
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {allowed ? `Needs ${permission}, which your roles grant.` : `Needs ${permission}; ask an administrator to add it to one of your roles.`}
                </Text>
              </div>
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}
