import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { describeChanges } from './changeSummary.ts';
import { LineList } from './LineList.tsx';
import type { SettingsEditor } from './useSettingsEditor.ts';

/** Someone else saved since this page loaded: what they changed, and the admin's choice. */
export function ChangedElsewhere({ editor }: { editor: SettingsEditor }) {
  const { elsewhere, baseline, groups } = editor;
  if (!elsewhere) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Someone else changed these settings" role="status">
      <Stack gap="xs">
        <Text size="sm">Genesys Cloud’s settings differ from those this page loaded. Your edits stay unless you load theirs.</Text>
        <LineList lines={describeChanges(baseline, elsewhere, groups.nameOf)} />
        <Group gap="xs">
          <Button size="xs" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => editor.load(elsewhere)}>
            Load their settings
          </Button>
          <Button size="xs" variant="default" onClick={editor.keepMine}>
            Keep my edits
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
