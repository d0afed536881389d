import { Alert, Group, Loader, Text, VisuallyHidden } from '@mantine/core';
import { IconHourglass } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useRateLimitHold } from '../api/api.ts';

/** How long a load may take before the page says what it is waiting for. */
export const SLOW_AFTER_MS = 1_000;

function useTick(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * Shown where data will appear while it loads: nothing at first, then what it waits for, and
 * while Genesys Cloud rate limits the app, that it does and when it tries again.
 */
export function PendingNotice({ what }: { what: string }) {
  const hold = useRateLimitHold();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SLOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  const now = useTick(hold !== undefined);
  const longest = hold && hold.until > now ? hold : undefined;

  if (longest !== undefined) {
    const seconds = Math.max(1, Math.ceil((longest.until - now) / 1000));
    return (
      <Alert color="yellow" variant="light" icon={<IconHourglass aria-hidden />} title="Genesys Cloud is rate limiting requests" role="status">
        <Text size="sm">
          Too many requests reached Genesys Cloud in the last minute, so it asked Token Admin to wait; nothing is sent meanwhile. It
          tries again by itself in <strong aria-hidden>{seconds} s</strong>
          <VisuallyHidden>{longest.seconds} seconds</VisuallyHidden>; {what} will appear then.
        </Text>
      </Alert>
    );
  }
  if (!slow) return null;
  return (
    <Group gap="xs" role="status">
      <Loader size="xs" aria-hidden />
      <Text size="sm" c="dimmed">
        Waiting for Genesys Cloud to send {what}…
      </Text>
    </Group>
  );
}
