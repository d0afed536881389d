import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { isApiError } from '../../api/http.ts';
import { missingPermission } from '../../api/errors.ts';
import { formatDuration } from '../../api/timeoutDuration.ts';
import { CAPABILITIES } from '../../auth/capabilities.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PendingNotice } from '../../ui/PendingNotice.tsx';
import { PermissionNotice } from '../../ui/PermissionNotice.tsx';
import { describeChanges, describeEffects, shortTimeout } from './changeSummary.ts';
import { ChangedElsewhere } from './ChangedElsewhere.tsx';
import { LineList } from './LineList.tsx';
import { saveProblems } from './saveErrors.ts';
import type { SettingsEditor } from './useSettingsEditor.ts';

interface SaveDialogProps {
  editor: SettingsEditor;
  opened: boolean;
  /** True while the page asks Genesys whether someone else changed the settings meanwhile. */
  checking: boolean;
  onClose: () => void;
  onSaved: () => void;
  /** Runs once the dialog has gone (focus goes to a refused field then). */
  afterClose: () => void;
}

/**
 * The change in words and what it means for people, compared with what saving replaces,
 * confirmed before anything is sent. Its failures show here, where the admin is looking.
 */
export function SaveDialog({ editor, opened, checking, onClose, onSaved, afterClose }: SaveDialogProps) {
  const { replaced, draft, groups, save, elsewhere } = editor;
  const short = shortTimeout(draft);
  const error = save.error;
  const refused = isApiError(error) && error.status === 400;
  const forbidden = isApiError(error) && error.status === 403;

  let failure = null;
  if (refused) {
    const { general } = saveProblems(error.message, error.details, () => undefined);
    failure = (
      <Alert color="red" variant="light" title="Genesys Cloud refused these settings" role="alert">
        {general.length > 0 ? `${general.join(' ')} ` : ''}The fields concerned are marked on the page; close this to correct them. Your values are kept.
      </Alert>
    );
  } else if (forbidden) {
    failure = (
      <PermissionNotice permission={missingPermission(error) ?? CAPABILITIES.changeIdleTimeout.permission} action="save the idle timeout">
        <Text size="sm" mt="xs">
          Genesys Cloud said: {error.message}
        </Text>
      </PermissionNotice>
    );
  } else if (error) {
    failure = <ErrorAlert title="Couldn't save the idle timeout" error={error} />;
  }

  return (
    <ConfirmDialog
      opened={opened}
      onClose={onClose}
      title="Save the idle timeout?"
      confirmLabel={error && !refused ? 'Try again' : 'Save changes'}
      confirmColor="blue"
      onConfirm={(signal) => editor.send(signal).then(onSaved)}
      whileRunning={<PendingNotice what="the saved settings" />}
      failure={failure}
      returnFocus={!refused}
      afterClose={afterClose}
      acknowledge={short === undefined ? undefined : `I understand: idle tokens stop working after ${formatDuration(short)}`}
      blockedBy={
        checking ? (
          <Group gap="xs" role="status">
            <Loader size="xs" aria-hidden />
            <Text size="sm">Checking that nobody else changed the settings meanwhile…</Text>
          </Group>
        ) : (
          elsewhere && <ChangedElsewhere editor={editor} />
        )
      }
    >
      <Stack gap="md">
        <LineList title="What changes" lines={describeChanges(replaced, draft, groups.nameOf)} />
        <LineList title="What it means for people" lines={describeEffects(replaced, draft, groups.nameOf)} />
        {short !== undefined && (
          <Text size="sm" c="orange.8">
            A timeout of {formatDuration(short)}: under 10 minutes signs admins out as quickly as anyone, you included. A pause to read
            a page may end your session.
          </Text>
        )}
      </Stack>
    </ConfirmDialog>
  );
}
