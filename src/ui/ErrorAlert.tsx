import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { isApiError } from '../api/http.ts';
import { CopyButton } from './CopyButton.tsx';

/** What the admin can do about an error, by its HTTP status. */
export function nextStepFor(error: unknown): string {
  if (!isApiError(error)) return 'Try again. If it keeps happening, reload the page.';
  const { status } = error;
  if (status === 0) return 'Check your network connection or VPN, then try again.';
  if (status === 400) return 'Check the values you entered and try again.';
  if (status === 401) return 'Your session has ended. Sign in again.';
  if (status === 403) return 'Ask a Genesys Cloud administrator to give your role the permission it names.';
  if (status === 404) return 'It may have been deleted or the id may be wrong. Check it and try again.';
  if (status === 429) {
    const wait = error.retryAfterSeconds;
    return `Genesys Cloud is limiting requests. Wait ${wait ? `${wait} seconds` : 'a minute'} and try again.`;
  }
  if (status >= 500) {
    return 'Genesys Cloud had a problem. Try again in a moment; if it keeps happening, contact Genesys Cloud support and quote the correlation id.';
  }
  return 'Try again. If it keeps happening, contact Genesys Cloud support.';
}

interface ErrorAlertProps {
  /** What failed, in the admin's words: "Couldn't load your token". */
  title: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
}

/** An error from Genesys: what failed, why (its message), what to do, and the id to quote. */
export function ErrorAlert({ title, error, onRetry, retrying }: ErrorAlertProps) {
  const reason = error instanceof Error ? error.message : String(error);
  const correlationId = isApiError(error) ? error.correlationId : undefined;
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Stack gap="xs">
        <Text size="sm">{reason}</Text>
        <Text size="sm">{nextStepFor(error)}</Text>
        {correlationId && (
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed">
              Correlation id for support: <code>{correlationId}</code>
            </Text>
            <CopyButton value={correlationId} label="correlation id" />
          </Group>
        )}
        {onRetry && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onRetry} loading={retrying ?? false}>
              Try again
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
