import { Alert, Button, Checkbox, Group, Loader, Stack, Text } from '@mantine/core';
import { Dialog } from './Dialog.tsx';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { IdleTokenTimeout } from '../../api/tokens.ts';
import { describeChanges, describeEffects, shortTimeout } from './changeSummary.ts';
import { formatDuration } from '../../api/timeoutDuration.ts';
import { LineList } from './LineList.tsx';

interface SaveDialogProps {
  opened: boolean;
  before: IdleTokenTimeout;
  after: IdleTokenTimeout;
  nameOf: (id: string) => string;
  /** True while the page asks Genesys whether someone else changed the settings meanwhile. */
  checking: boolean;
  /** Shown instead of the confirmation when someone else did. */
  conflict?: React.ReactNode;
  onConfirm: () => void;
  onClose: () => void;
}

/** The change in words and what it means for people, confirmed before anything is sent. */
export function SaveDialog({ opened, before, after, nameOf, checking, conflict, onConfirm, onClose }: SaveDialogProps) {
  const short = shortTimeout(after);
  const [understood, setUnderstood] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The button is enabled once the check for changes made elsewhere is done: focus it then.
  useEffect(() => {
    if (opened && !checking) confirmRef.current?.focus();
  }, [opened, checking]);
  return (
    <Dialog opened={opened} onClose={onClose} title="Save the idle timeout?">
      <Stack gap="md">
        {checking ? (
          <Group gap="xs" role="status">
            <Loader size="xs" aria-hidden />
            <Text size="sm">Checking that nobody else changed the settings meanwhile…</Text>
          </Group>
        ) : (
          conflict
        )}
        <LineList title="What changes" lines={describeChanges(before, after, nameOf)} />
        <LineList title="What it means for people" lines={describeEffects(before, after, nameOf)} />
        {short !== undefined && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={`A timeout of ${formatDuration(short)}`}>
            <Stack gap="xs">
              <Text size="sm">
                Under 10 minutes signs admins out as quickly as anyone, you included: a pause to read a page may end your session.
              </Text>
              <Checkbox
                label={`I understand: idle tokens stop working after ${formatDuration(short)}`}
                checked={understood}
                onChange={(event) => setUnderstood(event.currentTarget.checked)}
              />
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button ref={confirmRef} onClick={onConfirm} disabled={checking || conflict !== undefined || (short !== undefined && !understood)}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
