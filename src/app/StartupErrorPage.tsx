import { Alert, Container, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { StorageBlockedError } from '../auth/session.ts';

/** Shown instead of the app when it cannot start at all (config.json is fine): why, and what to do. */
export function StartupErrorPage({ error }: { error: unknown }) {
  const storage = error instanceof StorageBlockedError;
  return (
    <Container component="main" size="sm" py="xl">
      <Stack>
        <Title order={1}>Token Admin couldn&apos;t start</Title>
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={storage ? "Your browser blocks this site's storage" : 'Something failed while starting'} role="alert">
          {storage ? (
            <Text size="sm">
              Token Admin keeps your sign-in in this tab&apos;s session storage, and nowhere longer. Allow site data for {window.location.origin} in
              your browser&apos;s settings, then reload the page.
            </Text>
          ) : (
            <Text size="sm">
              {(error instanceof Error ? error.message : String(error)).replace(/\.?$/, '.')} Reload the page; if it keeps happening, tell whoever
              looks after Token Admin what this page says.
            </Text>
          )}
        </Alert>
      </Stack>
    </Container>
  );
}
