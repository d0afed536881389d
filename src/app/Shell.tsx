import { Alert, Anchor, AppShell, Box, Group, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconUserShare } from '@tabler/icons-react';
import { NavLink, Outlet } from 'react-router';
import { actsOutsideHomeOrg, tokenQueries } from '../api/tokens.ts';
import { userQueries } from '../api/users.ts';
import { SignOutButton } from '../auth/SignOutButton.tsx';
import { useSession } from '../auth/session.ts';
import { findRegion } from '../config/regions.ts';
import { ColorSchemeToggle } from '../ui/ColorSchemeToggle.tsx';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import classes from './Shell.module.css';
import { paths } from './paths.ts';

const NAV = [{ label: 'My token', to: paths.token.href() }];

export function Shell({ onSignedOut }: { onSignedOut: () => void }) {
  const me = useQuery(userQueries.me());
  const token = useQuery(tokenQueries.me());
  const session = useSession();
  const region = findRegion(session?.environment);
  const org = token.data?.organization;
  const home = token.data?.homeOrganization;
  const cloned = token.data?.clonedUser;
  const foreignOrg = actsOutsideHomeOrg(token.data);

  return (
    <AppShell header={{ height: { base: 104, sm: 64 } }} padding="md">
      <a className={classes.skipLink} href="#main">
        Skip to main content
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" w="100%" px="md" py={6} justify="space-between" wrap="wrap" gap="xs">
          <Group gap="lg" wrap="nowrap">
            <Text fw={700} size="lg" component="span">
              Token Admin
            </Text>
            <Box component="nav" aria-label="Main">
              <Group gap={4} component="ul" className={classes.navList}>
                {NAV.map((item) => (
                  <li key={item.to}>
                    <Anchor component={NavLink} to={item.to} className={classes.navLink}>
                      {item.label}
                    </Anchor>
                  </li>
                ))}
              </Group>
            </Box>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <div className={classes.actingAs} data-testid="acting-as">
              <Text size="sm" fw={600} lh={1.2}>
                <VisuallyHidden>Signed in as </VisuallyHidden>
                {me.data?.name ?? me.data?.email ?? 'Signed in'}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {org?.name ?? 'Organisation'} · {region?.label ?? session?.environment}
              </Text>
            </div>
            <ColorSchemeToggle />
            <SignOutButton onSignedOut={onSignedOut} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        {cloned && (
          <Alert color="orange" variant="light" icon={<IconUserShare aria-hidden />} title="Trustee session" mb="md" role="note" className={classes.banner}>
            You are working in {org?.name ?? 'this organisation'} as a trustee from {home?.name ?? 'another organisation'}.
            Everything you do here changes {org?.name ?? 'this organisation'}.
          </Alert>
        )}
        {!cloned && foreignOrg && (
          <Alert color="orange" variant="light" title="Not your home organisation" mb="md" role="note" className={classes.banner}>
            You are working in {org?.name ?? org?.id}, not your home organisation {home?.name ?? home?.id}.
          </Alert>
        )}
        {me.isError && (
          <ErrorAlert
            title="Couldn't find out who you are signed in as"
            error={me.error}
            onRetry={() => void me.refetch()}
            retrying={me.isFetching}
          />
        )}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
