import { Button, Loader, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface BusyButtonProps extends Omit<ButtonProps, 'loading' | 'disabled'> {
  busy: boolean;
  onClick: () => void;
  children: ReactNode;
  disabled?: boolean;
}

/**
 * A button that shows it is working and ignores presses meanwhile, but keeps keyboard focus
 * (a disabled button, as Mantine's `loading` makes it, drops focus to the page).
 */
export function BusyButton({ busy, onClick, leftSection, children, disabled, ...props }: BusyButtonProps) {
  return (
    <Button
      {...props}
      disabled={disabled}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      data-busy={busy || undefined}
      onClick={() => {
        if (!busy) onClick();
      }}
      leftSection={busy ? <Loader size={14} color="currentColor" aria-hidden /> : leftSection}
    >
      {children}
    </Button>
  );
}
