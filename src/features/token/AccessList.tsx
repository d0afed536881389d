import { Anchor, Group, List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CAPABILITIES, capabilityFor, type Capability } from '../../auth/capabilities.ts';

/** What Token Admin lets someone do, and the Genesys permission each needs. */
export function AccessList({ permissions }: { permissions: readonly string[] }) {
  return (
    <List spacing="xs" listStyleType="none" p={0} m={0}>
      {(Object.keys(CAPABILITIES) as Capability[]).map((name) => {
        const { label, page } = CAPABILITIES[name];
        const { allowed, permission } = capabilityFor(name, permissions);
        return (
          <List.Item key={name}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <ThemeIcon size="sm" radius="xl" variant="light" color={allowed ? 'teal' : 'gray'} aria-hidden>
                {allowed ? <IconCheck size={14} /> : <IconX size={14} />}
              </ThemeIcon>
              <div>
                <Text size="sm">
                  {label}: <strong>{allowed ? 'allowed' : 'not allowed'}</strong>{' '}
                  <Anchor component={Link} to={page.href} size="sm">
                    {page.label}
                  </Anchor>
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
