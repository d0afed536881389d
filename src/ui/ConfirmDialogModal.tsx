import './styles/dialog.ts';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/CheckboxIndicator.css';
import '@mantine/core/styles/InlineInput.css';
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, type MantineColor } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useRef, useState, type ReactNode } from 'react';
import { isCancelled } from '../api/http.ts';
import { BusyButton } from './BusyButton.tsx';

export interface ConfirmDialogProps {
  opened: boolean;
  /** Closes the dialog; while the action runs, Cancel, Esc, × and a click outside cancel it instead. */
  onClose: () => void;
  title: string;
  /** What will happen, to whom. */
  children: ReactNode;
  confirmLabel: string;
  confirmColor?: MantineColor;
  /**
   * Starts the action. Cancel aborts `signal`: the HTTP client honours it while it waits (a 429,
   * a back-off) and before sending. Resolves or rejects when the action is over.
   */
  onConfirm: (signal: AbortSignal) => Promise<unknown>;
  /** Shown while the action runs, such as a PendingNotice with a rate-limit countdown. */
  whileRunning?: ReactNode;
  /** The failure of the last attempt, in the page's words. */
  failure?: ReactNode;
  /** A box to tick before confirming, asked again at every opening. */
  acknowledge?: string | undefined;
  /** Confirm stays disabled while this says why. */
  blockedBy?: ReactNode;
  /** More buttons beside Cancel, such as "Forget it in this browser only". */
  extraActions?: ReactNode;
  /** Runs once the dialog has gone; focus then goes back to what opened it unless `returnFocus` is false. */
  afterClose?: () => void;
  returnFocus?: boolean;
}

type Phase = { kind: 'idle' } | { kind: 'running'; cancelling: boolean } | { kind: 'cancelled'; nothingChanged: boolean };

/**
 * The one confirmation for actions that change something at Genesys Cloud. Focus starts on
 * Cancel (Enter twice must not do anything). Confirm is single-shot: however fast the clicks or
 * the Enter key, it starts the action once per deliberate press, and is busy until it is over.
 */
/** The dialog itself, in its own chunk: ConfirmDialog loads it. */
export default function ConfirmDialogModal({
  opened,
  onClose,
  title,
  children,
  confirmLabel,
  confirmColor = 'red',
  onConfirm,
  whileRunning,
  failure,
  acknowledge,
  blockedBy,
  extraActions,
  afterClose,
  returnFocus = true,
}: ConfirmDialogProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [acknowledged, setAcknowledged] = useState(false);
  // Every opening asks afresh: nothing ticked, no outcome of an earlier attempt.
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) {
      setPhase({ kind: 'idle' });
      setAcknowledged(false);
    }
  }
  // Set synchronously on the first press, so a second click or a repeated Enter in the same
  // moment finds it taken; React state alone would not be updated yet.
  const running = useRef<AbortController | undefined>(undefined);

  /** Stops the action under way, if any; true when there was one. */
  const cancel = (): boolean => {
    const controller = running.current;
    if (!controller) return false;
    controller.abort(new DOMException('Cancelled by the admin.', 'AbortError'));
    setPhase({ kind: 'running', cancelling: true });
    return true;
  };
  // While it runs, closing means stopping it: the outcome is shown before the dialog goes.
  const dismiss = () => {
    if (!cancel()) onClose();
  };

  const confirm = () => {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setPhase({ kind: 'running', cancelling: false });
    onConfirm(controller.signal)
      .then(
        () => setPhase({ kind: 'idle' }),
        (error: unknown) => setPhase(isCancelled(error) ? { kind: 'cancelled', nothingChanged: error.nothingChanged } : { kind: 'idle' }),
      )
      .finally(() => {
        running.current = undefined;
      });
  };

  const busy = phase.kind === 'running';
  const cancelling = phase.kind === 'running' && phase.cancelling;
  const blocked = Boolean(blockedBy);
  return (
    <Modal
      opened={opened}
      onClose={dismiss}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
      returnFocus={returnFocus}
      onExitTransitionEnd={afterClose}
    >
      <Stack>
        {children}
        {acknowledge && (
          <Checkbox label={acknowledge} checked={acknowledged} onChange={(event) => setAcknowledged(event.currentTarget.checked)} disabled={busy} />
        )}
        {blocked && blockedBy}
        {busy && !cancelling && whileRunning}
        {cancelling && (
          <Text size="sm" role="status">
            Cancelling… If the request had already reached Genesys Cloud, its answer is shown here.
          </Text>
        )}
        {phase.kind === 'cancelled' && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title="Cancelled" role="status">
            {phase.nothingChanged
              ? 'Nothing was sent to Genesys Cloud, so nothing changed.'
              : 'An earlier attempt reached Genesys Cloud without a clear answer, so it may have been carried out. Check before you try again.'}
          </Alert>
        )}
        {!busy && phase.kind !== 'cancelled' && failure}
        <Group justify="flex-end">
          {/* Focus starts on Cancel: pressing Enter twice must not change anything. */}
          <Button variant="default" onClick={dismiss} data-autofocus disabled={cancelling}>
            {phase.kind === 'cancelled' ? 'Close' : 'Cancel'}
          </Button>
          {!busy && extraActions}
          <BusyButton color={confirmColor} onClick={confirm} busy={busy} disabled={blocked || (acknowledge !== undefined && !acknowledged)}>
            {confirmLabel}
          </BusyButton>
        </Group>
      </Stack>
    </Modal>
  );
}
