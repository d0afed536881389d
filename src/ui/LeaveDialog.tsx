import './styles/dialog.ts';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';

/** "Leave without saving?": Stay has the focus, so Enter keeps the edits. */
export default function LeaveDialog({ what, stay, leave }: { what: string; stay: () => void; leave: () => void }) {
  return (
    <Modal opened onClose={stay} title="Leave without saving?" centered closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack gap="md">
        <Text size="sm">{what} are not saved. If you leave, they are lost.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={stay} data-autofocus>
            Stay on this page
          </Button>
          <Button color="red" onClick={leave}>
            Leave without saving
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
