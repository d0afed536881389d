import { Card, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card that is a landmark region named by its title. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Card>
  );
}
