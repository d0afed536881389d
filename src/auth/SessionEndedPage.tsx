import { Alert, Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { IconClockOff } from '@tabler/icons-react';
import { Link, useLoaderData } from 'react-router';
import { paths, type SessionEndCause } from '../paths.ts';
import type { SessionEnd } from './sessionEnd.ts';

const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function explain(cause: SessionEndCause, at: number | undefined): string {
  const when = at === undefined ? '' : ` at ${exact.format(at)}`;
  switch (cause) {
    case 'idle':
      return `Your token idled out${when}: nothing was done with it for longer than your organisation's idle token timeout. Leaving Token Admin open does not keep a session alive.`;
    case 'expired':
      return `Your token expired${when}: it reached the lifetime set on the OAuth client.`;
    case 'self-revoked':
      return 'You revoked all of your own tokens, so this session ended too, as did your other Genesys Cloud sessions.';
    case 'signed-out-elsewhere':
      return `You signed out of Token Admin in another tab of this browser${when}, so this tab's session ended too.`;
    case 'invalid':
      return 'Genesys Cloud says your token no longer works: it was revoked, expired or idled out.';
    default:
      return 'Genesys Cloud no longer accepts your token. It was revoked (by another admin, or by signing out elsewhere) or ended at Genesys Cloud.';
  }
}

/** Where a session that ended by itself lands: what happened, and a way back to the same page. */
export function SessionEndedPage() {
  const { cause, at, returnTo } = useLoaderData<SessionEnd>();
  return (
    <Center component="main" mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" maw={520} w="100%">
        <Stack>
          <Title order={1} size="h2">
            Your session ended
          </Title>
          <Alert
            color="yellow"
            variant="light"
            icon={<IconClockOff aria-hidden />}
            title={
              cause === 'self-revoked'
                ? 'Signed out: you revoked your own tokens'
                : cause === 'signed-out-elsewhere'
                  ? 'Signed out in another tab'
                  : 'Signed out by Genesys Cloud'
            }
          >
            {explain(cause, at)}
          </Alert>
          <Text size="sm">Sign in again to go back to the page you were on. Changes you had not saved there were not kept.</Text>
          <Button component={Link} to={paths.signIn.href({ returnTo })} data-autofocus>
            Sign in again
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
