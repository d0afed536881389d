import { Alert, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconClockExclamation } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useApi } from '../api/api.ts';
import { readTokenInfoAsActivity, tokenKeys } from '../api/tokens.ts';
import { useIdentity } from '../auth/identity.ts';
import { useIdleDeadline } from '../auth/idleDeadline.ts';
import { BusyButton } from '../ui/BusyButton.tsx';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';

/** The warning comes this long before the token idles out. */
export const WARN_BEFORE_MS = 60_000;

/** Re-renders every second while the deadline is near, every 15 s otherwise. */
function useNow(deadline: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === undefined) return undefined;
    const near = deadline - Date.now() < WARN_BEFORE_MS + 15_000;
    const timer = setTimeout(() => setNow(Date.now()), near ? 1_000 : 15_000);
    return () => clearTimeout(timer);
  }, [deadline, now]);
  return now;
}

/**
 * A minute before this tab's token idles out, the admin is told, with "Stay signed in": one call
 * that counts as their activity. Before warning, Genesys is asked again without counting (the
 * admin may have been busy on another page meanwhile); once the deadline has passed, the same
 * read finds the token dead and the session ends, saying why.
 */
export function IdleWarning() {
  const deadline = useIdleDeadline();
  const now = useNow(deadline);
  const queryClient = useQueryClient();
  const api = useApi();
  const [staying, setStaying] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const left = deadline === undefined ? Number.POSITIVE_INFINITY : deadline - now;
  const near = left <= WARN_BEFORE_MS;

  // Entering the last minute, and again when it is over: a read that does not count as activity.
  const { token } = useIdentity();
  const phase = deadline === undefined || !near ? undefined : `${token.data?.dateTokenIdles ?? ''}:${left <= 0 ? 'over' : 'near'}`;
  useEffect(() => {
    if (phase !== undefined) void queryClient.refetchQueries({ queryKey: tokenKeys.me(), exact: true });
  }, [phase, queryClient]);

  if (!near || deadline === undefined) return null;
  const seconds = Math.max(0, Math.ceil(left / 1000));
  return (
    <Alert color="orange" variant="light" icon={<IconClockExclamation aria-hidden />} title="Your session is about to idle out" role="alert" mb="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          {seconds > 0
            ? `Nothing was done with your token for a while: it stops working in ${String(seconds)} s, and you will have to sign in again.`
            : 'Your token has idled out: checking with Genesys Cloud…'}
        </Text>
        {seconds > 0 && (
          <BusyButton
            size="xs"
            busy={staying}
            onClick={() => {
              setStaying(true);
              setFailure(undefined);
              // A 401 ends the session (the session-ended page says why); anything else is said here.
              void readTokenInfoAsActivity(queryClient, api.http)
                .catch((error: unknown) => setFailure(error))
                .finally(() => setStaying(false));
            }}
          >
            Stay signed in
          </BusyButton>
        )}
      </Group>
      {failure !== undefined && seconds > 0 && <ErrorAlert title="Couldn't keep you signed in" error={failure} />}
    </Alert>
  );
}
