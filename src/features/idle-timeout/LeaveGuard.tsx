import { Button, Group, Stack, Text } from '@mantine/core';
import { Dialog } from './Dialog.tsx';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { paths } from '../../paths.ts';

/** Where the app sends an ended or signed-out session: never held back by unsaved edits. */
const ALWAYS_ALLOWED: readonly string[] = [paths.signIn.path, paths.sessionEnded.path];

/** Asks before unsaved changes are left behind: by a link in the app, Back, or closing the tab. */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname && !ALWAYS_ALLOWED.includes(nextLocation.pathname),
  );

  useEffect(() => {
    if (!dirty) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  return (
    <Dialog opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title="Leave without saving?">
      <Stack gap="md">
        <Text size="sm">Your changes to the idle timeout are not saved. If you leave, they are lost.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
            Stay on this page
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            Leave without saving
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
