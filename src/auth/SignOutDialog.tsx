import { Button, List, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../api/api.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { PendingNotice } from '../ui/PendingNotice.tsx';
import { useActor } from './identity.ts';

/**
 * Asks first, deletes the token at Genesys, then hands over to `onSignedOut`. If the delete
 * fails the admin sees why and may still drop the token from this browser. Its own chunk,
 * loaded when the admin first reaches for Sign out.
 */
export default function SignOutDialog({ opened, close, onSignedOut }: { opened: boolean; close: () => void; onSignedOut: () => void }) {
  const api = useApi();
  const actor = useActor();
  const mutation = useMutation(api.mutations.signOut(actor));

  const dismiss = () => {
    mutation.reset();
    close();
  };

  return (
    <ConfirmDialog
      opened={opened}
      onClose={dismiss}
      title="Sign out of Token Admin?"
      confirmLabel={mutation.isError ? 'Try again' : 'Sign out'}
      onConfirm={(signal) => mutation.mutateAsync({ signal }).then(onSignedOut)}
      whileRunning={<PendingNotice what="Genesys Cloud's answer" />}
      failure={mutation.isError && <ErrorAlert title="Couldn't delete your token" error={mutation.error} />}
      extraActions={
        mutation.isError && (
          <Button variant="light" color="red" onClick={onSignedOut}>
            Forget it in this browser only
          </Button>
        )
      }
    >
      <Text size="sm">Signing out deletes the token this tab uses at Genesys Cloud:</Text>
      <List size="sm" spacing={2}>
        <List.Item>This tab&apos;s token stops working at once, wherever it is used.</List.Item>
        <List.Item>Your other Genesys Cloud sessions (other tabs, the Genesys Cloud app, other devices) have tokens of their own and stay signed in.</List.Item>
      </List>
    </ConfirmDialog>
  );
}
