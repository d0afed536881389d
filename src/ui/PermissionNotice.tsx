import { Alert, Code, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * Says what the admin may not do here and which Genesys permission would allow it, instead of
 * letting them meet a 403.
 */
export function PermissionNotice({ permission, action, children }: { permission: string; action: string; children?: ReactNode }) {
  return (
    <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} title={`You may not ${action}`} role="note">
      <Text size="sm">
        That needs the Genesys Cloud permission <Code>{permission}</Code>, which none of your roles grants. Ask a Genesys Cloud
        administrator to add it to one of your roles.
      </Text>
      {children}
    </Alert>
  );
}
