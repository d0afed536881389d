import { Alert, Button, Code, List, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { IconAlertTriangle, IconKeyOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useApi } from '../../api/api.ts';
import { missingPermission } from '../../api/errors.ts';
import { isApiError } from '../../api/http.ts';
import type { User } from '../../api/users.ts';
import { useCapability } from '../../auth/capabilities.ts';
import { useActor } from '../../auth/identity.ts';
import { forgetInterrupted } from '../../auth/interrupted.ts';
import { useSessionControl } from '../../auth/sessionControl.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Hint } from '../../ui/Hint.tsx';
import { PendingNotice } from '../../ui/PendingNotice.tsx';
import { PermissionNotice } from '../../ui/PermissionNotice.tsx';

/**
 * "Revoke all tokens" and its confirmation. Without the permission the button stays focusable,
 * so its tooltip can be read, and says which permission is missing.
 */
export function RevokeTokens({ user, onRevoked, openRequests = 0 }: { user: User; onRevoked: (at: number) => void; /** Each new value opens the confirmation. */ openRequests?: number }) {
  const api = useApi();
  const actor = useActor();
  const control = useSessionControl();
  const capability = useCapability('revokeTokens');
  const [opened, { open, close }] = useDisclosure(false);
  const [seenRequests, setSeenRequests] = useState(openRequests);
  if (openRequests !== seenRequests) {
    setSeenRequests(openRequests);
    if (openRequests > 0) open();
  }
  const isSelf = actor.id !== undefined && actor.id === user.id;
  const name = user.name ?? user.email ?? user.id;

  const mutation = useMutation(api.mutations.revokeUser(user, actor));
  const forbidden = isApiError(mutation.error) && mutation.error.status === 403 ? (missingPermission(mutation.error) ?? capability.permission) : undefined;
  const allowed = !forbidden && capability.allowed;

  const revoke = (signal: AbortSignal) =>
    mutation.mutateAsync({ signal }).then(({ at }) => {
      forgetInterrupted('revoke-user-tokens', user.id);
      if (isSelf) {
        control.ended('self-revoked');
        return;
      }
      // The page says so where the button was ("Tokens revoked at …"): no notification to cover it.
      onRevoked(at);
      close();
    });

  const dismiss = () => {
    if (!forbidden) mutation.reset();
    close();
  };

  const permission = forbidden ?? capability.permission;
  return (
    <>
      {allowed ? (
        <Button color="red" leftSection={<IconKeyOff size={16} aria-hidden />} onClick={open}>
          Revoke all tokens
        </Button>
      ) : (
        <Stack gap={4} align="flex-end" maw={320}>
          <Hint label={`Needs the ${permission} permission`} align="end">
            <Button color="red" leftSection={<IconKeyOff size={16} aria-hidden />} data-disabled aria-disabled onClick={(event) => event.preventDefault()}>
              Revoke all tokens
            </Button>
          </Hint>
          <Text size="xs" c="dimmed" ta="right">
            You may not revoke tokens: that needs the Genesys Cloud permission <Code>{permission}</Code>.
          </Text>
        </Stack>
      )}
      <ConfirmDialog
        opened={opened}
        onClose={dismiss}
        title={isSelf ? 'Revoke all of your own tokens?' : `Revoke all tokens of ${name}?`}
        confirmLabel={mutation.isError ? 'Try again' : isSelf ? 'Revoke and sign me out' : 'Revoke all tokens'}
        onConfirm={revoke}
        whileRunning={<PendingNotice what="the result" />}
        blockedBy={forbidden && <PermissionNotice permission={forbidden} action="revoke users' tokens" />}
        failure={mutation.isError && !forbidden && <ErrorAlert title="Couldn't revoke the tokens" error={mutation.error} />}
      >
        <dl style={{ margin: 0 }}>
          <Text component="dt" size="xs" c="dimmed" fw={600}>
            User
          </Text>
          <Text component="dd" m={0} mb={4} fw={600}>
            {user.name ?? 'Name not known'}
          </Text>
          <Text component="dt" size="xs" c="dimmed" fw={600}>
            Email
          </Text>
          <Text component="dd" m={0} mb={4} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {user.email ?? 'Not known'}
          </Text>
          <Text component="dt" size="xs" c="dimmed" fw={600}>
            User id
          </Text>
          <Text component="dd" m={0} size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {user.id}
          </Text>
        </dl>
        {isSelf && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title="This is you: this signs you out">
            Revoking your own tokens ends this session too, and every other Genesys Cloud session you have. You will have to sign
            in again.
          </Alert>
        )}
        <div>
          <Text size="sm">What happens at once:</Text>
          <List size="sm" spacing={2} mt={4}>
            <List.Item>Every session and integration using {isSelf ? 'your' : 'their'} tokens stops working.</List.Item>
            <List.Item>If {isSelf ? 'you are' : 'they are'} an agent on a call, the call may be disconnected.</List.Item>
            <List.Item>{isSelf ? 'You' : 'They'} must sign in again to carry on.</List.Item>
          </List>
        </div>
      </ConfirmDialog>
    </>
  );
}
