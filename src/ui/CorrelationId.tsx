import { Group, Text } from '@mantine/core';
import { CopyButton } from './CopyButton.tsx';

/** Genesys' correlation id of a failed call, to quote to support, with a button to copy it. */
export function CorrelationId({ id }: { id: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="xs" c="dimmed">
        Correlation id for support: <code>{id}</code>
      </Text>
      <CopyButton value={id} label="correlation id" />
    </Group>
  );
}
