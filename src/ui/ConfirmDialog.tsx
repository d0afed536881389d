import { Suspense, lazy, useEffect, useState } from 'react';
import type { ConfirmDialogProps } from './ConfirmDialogModal.tsx';

export type { ConfirmDialogProps } from './ConfirmDialogModal.tsx';

const loadModal = () => import('./ConfirmDialogModal.tsx');
const ConfirmDialogModal = lazy(loadModal);

/**
 * The one confirmation for actions that change something (see ConfirmDialogModal). Mantine's
 * Modal is heavy for a page's first download: it loads just after the page that may open it,
 * so it is there by the time anyone clicks.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const [wanted, setWanted] = useState(props.opened);
  if (props.opened && !wanted) setWanted(true);
  useEffect(() => {
    void loadModal();
  }, []);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <ConfirmDialogModal {...props} />
    </Suspense>
  );
}
