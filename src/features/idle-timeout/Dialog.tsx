import { Title } from '@mantine/core';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import classes from './Dialog.module.css';

interface DialogProps {
  opened: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal dialog on the browser's own <dialog>: focus stays inside, Escape closes it, and the
 * page behind is inert, without the weight of a dialog library in this page's download.
 * The element marked data-autofocus gets the focus when it opens.
 */
export function Dialog({ opened, title, onClose, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (opened && !dialog.open) {
      // jsdom has no showModal(); the open attribute is enough for tests to see the dialog.
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      dialog.querySelector<HTMLElement>('[data-autofocus]:not(:disabled)')?.focus();
    } else if (!opened && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [opened]);
  return (
    <dialog
      ref={ref}
      className={classes.dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {opened && (
        <>
          <Title order={2} size="h4" id={titleId} mb="md">
            {title}
          </Title>
          {children}
        </>
      )}
    </dialog>
  );
}
