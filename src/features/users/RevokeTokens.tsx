import { Alert, Button, Code, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconKeyOff } from '@tabler/icons-react';
import { missingPermission } from '../../api/errors.ts';
import { isApiError } from '../../api/http.ts';
import { revokeUserTokens } from '../../api/tokens.ts';
import { userQueries, type User } from '../../api/users.ts';
import { useIdentity } from '../../auth/identity.ts';
import { hasPermission } from '../../auth/permissions.ts';
import { useSessionControl } from '../../auth/sessionControl.ts';
import { BusyButton } from '../../ui/BusyButton.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Hint } from '../../ui/Hint.tsx';
import { notify } from '../../ui/notify.tsx';
import { PendingNotice } from '../../ui/PendingNotice.tsx';
import { PermissionNotice } from '../../ui/PermissionNotice.tsx';
import { REVOKE_TOKENS } from './permissions.ts';

const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/**
 * "Revoke all tokens" and its confirmation. Without the permission the button stays focusable,
 * so its tooltip can be read, and says which permission is missing.
 */
export function RevokeTokens({ user, onRevoked }: { user: User; onRevoked: (at: number) => void }) {
  const { me } = useIdentity();
  const control = useSessionControl();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const isSelf = me.data?.id !== undefined && me.data.id === user.id;
  const name = user.name ?? user.email ?? user.id;

  const mutation = useMutation({
    mutationFn: async () => ({ ...(await revokeUserTokens(user.id)), at: Date.now() }),
    meta: {
      journal: {
        action: 'revoke-user-tokens',
        summary: isSelf ? 'Revoked all of their own tokens' : `Revoked all tokens of ${name}`,
        target: { id: user.id, name: user.name, email: user.email },
      },
    },
    onSuccess: async ({ at }) => {
      if (isSelf) {
        control.ended('self-revoked');
        return;
      }
      // Stays busy until the page shows the user as Genesys now has them.
      await queryClient.invalidateQueries({ queryKey: userQueries.detail(user.id).queryKey });
      onRevoked(at);
      close();
      notify({ color: 'teal', title: 'Tokens revoked', message: `Every token of ${name} stopped working at ${clock.format(at)}.` });
    },
  });
  const forbidden = isApiError(mutation.error) && mutation.error.status === 403 ? (missingPermission(mutation.error) ?? REVOKE_TOKENS) : undefined;
  const allowed = !forbidden && hasPermission(me.data?.authorization?.permissions, REVOKE_TOKENS);

  const dismiss = () => {
    if (mutation.isPending) return;
    if (!forbidden) mutation.reset();
    close();
  };

  const permission = forbidden ?? REVOKE_TOKENS;
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
      <Modal
        opened={opened}
        onClose={dismiss}
        title={isSelf ? 'Revoke all of your own tokens?' : `Revoke all tokens of ${name}?`}
        centered
        closeButtonProps={{ 'aria-label': 'Close' }}
        closeOnClickOutside={!mutation.isPending}
        closeOnEscape={!mutation.isPending}
      >
        <Stack>
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
              Revoking your own tokens ends this session too, and every other Genesys Cloud session you have. You will have to
              sign in again.
            </Alert>
          )}
          <div>
            <Text size="sm">What happens at once:</Text>
            <List size="sm" spacing={2} mt={4}>
              <List.Item>Every session and integration using {isSelf ? 'your' : 'their'} tokens stops working.</List.Item>
              <List.Item>An agent on a call is disconnected.</List.Item>
              <List.Item>{isSelf ? 'You' : 'They'} must sign in again to carry on.</List.Item>
            </List>
          </div>
          {mutation.isPending && <PendingNotice what="the result" />}
          {forbidden && <PermissionNotice permission={forbidden} action="revoke users' tokens" />}
          {mutation.isError && !forbidden && <ErrorAlert title="Couldn't revoke the tokens" error={mutation.error} />}
          <Group justify="flex-end">
            {/* Focus starts on Cancel: pressing Enter twice must not revoke anything. */}
            <Button variant="default" onClick={dismiss} data-autofocus>
              Cancel
            </Button>
            {!forbidden && (
              <BusyButton color="red" onClick={() => mutation.mutate()} busy={mutation.isPending}>
                {mutation.isError ? 'Try again' : isSelf ? 'Revoke and sign me out' : 'Revoke all tokens'}
              </BusyButton>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
