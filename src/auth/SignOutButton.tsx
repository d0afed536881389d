import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import { Suspense, lazy, useState } from 'react';
import classes from './SignOutButton.module.css';

const loadDialog = () => import('./SignOutDialog.tsx');
const SignOutDialog = lazy(loadDialog);

/** Sign out asks first; the dialog's code loads when the admin first points at or focuses the button. */
export function SignOutButton({ onSignedOut }: { onSignedOut: () => void }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [wanted, setWanted] = useState(false);
  const prepare = () => void loadDialog();
  return (
    <>
      <Button
        variant="default"
        aria-label="Sign out"
        className={classes.button}
        leftSection={<IconLogout size={16} aria-hidden />}
        onPointerEnter={prepare}
        onFocus={prepare}
        onClick={() => {
          setWanted(true);
          open();
        }}
      >
        <span className={classes.label}>Sign out</span>
      </Button>
      {wanted && (
        <Suspense fallback={null}>
          <SignOutDialog opened={opened} close={close} onSignedOut={onSignedOut} />
        </Suspense>
      )}
    </>
  );
}
