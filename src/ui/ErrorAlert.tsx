import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { nextStepFor } from '../api/errors.ts';
import { isApiError } from '../api/http.ts';
import { CorrelationId } from './CorrelationId.tsx';

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
        {correlationId && <CorrelationId id={correlationId} />}
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
