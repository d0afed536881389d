import '../ui/styles/dialog.ts';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { BusyButton } from '../ui/BusyButton.tsx';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { revokeOwnToken } from './signOut.ts';

/**
 * Asks first, deletes the token at Genesys, then hands over to `onSignedOut`. If the delete
 * fails the admin sees why and may still drop the token from this browser. Its own chunk,
 * loaded when the admin first reaches for Sign out.
 */
export default function SignOutDialog({ opened, close, onSignedOut }: { opened: boolean; close: () => void; onSignedOut: () => void }) {
  const mutation = useMutation({
    mutationFn: revokeOwnToken,
    onSuccess: onSignedOut,
    meta: { journal: { action: 'sign-out', summary: 'Signed out: deleted this tab\'s own token' } },
  });

  const dismiss = () => {
    mutation.reset();
    close();
  };

  return (
    <Modal opened={opened} onClose={dismiss} title="Sign out of Token Admin?" centered closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack>
        <Text size="sm">
          Signing out deletes the token this tab is using at Genesys Cloud, so it stops working everywhere at once.
          Your other Genesys Cloud sessions are not affected.
        </Text>
        {mutation.isError && (
          <ErrorAlert title="Couldn't delete your token" error={mutation.error} />
        )}
        <Group justify="flex-end">
          {/* Focus starts on Cancel: Enter twice must not sign anyone out. */}
          <Button variant="default" onClick={dismiss} data-autofocus>
            Cancel
          </Button>
          {mutation.isError && (
            <Button variant="light" color="red" onClick={onSignedOut}>
              Forget it in this browser only
            </Button>
          )}
          <BusyButton color="red" onClick={() => mutation.mutate()} busy={mutation.isPending}>
            {mutation.isError ? 'Try again' : 'Sign out'}
          </BusyButton>
        </Group>
      </Stack>
    </Modal>
  );
}
