import { Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { CopyButton } from './CopyButton.tsx';

/** A labelled value in a card; ids get a copy button. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} component="dl" m={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {children}
      </Text>
    </Stack>
  );
}

export function IdValue({ id, label }: { id: string | undefined; label: string }) {
  if (!id) return <span>not given</span>;
  return (
    <Group gap={4} wrap="nowrap" component="span">
      <Text component="code" size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {id}
      </Text>
      <CopyButton value={id} label={label} />
    </Group>
  );
}
