import { Alert, Anchor, Box, Group, Skeleton, Text, VisuallyHidden } from '@mantine/core';
import { IconLock, IconUserShare } from '@tabler/icons-react';
import { NavLink, Outlet } from 'react-router';
import { actsOutsideHomeOrg } from '../api/tokens.ts';
import { CAPABILITIES, capabilityFor, type Capability } from '../auth/capabilities.ts';
import { SignOutButton } from '../auth/SignOutButton.tsx';
import { useIdentity } from '../auth/identity.ts';
import { useIdleDeadline } from '../auth/idleDeadline.ts';
import { useSession, useSessionControl } from '../auth/sessionControl.ts';
import { findRegion } from '../config/regions.ts';
import { QuickSearch } from '../features/users/QuickSearch.tsx';
import { ColorSchemeToggle } from '../ui/ColorSchemeToggle.tsx';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { IdleWarning } from './IdleWarning.tsx';
import { JobsOwner } from './JobsOwner.tsx';
import classes from './Shell.module.css';

export interface NavItem {
  label: string;
  href: string;
  needs?: Capability | undefined;
}

/** Who is acting, in which organisation and region: only what Genesys said, never a placeholder. */
function ActingAs() {
  const { me, token } = useIdentity();
  const session = useSession();
  const region = findRegion(session?.environment);
  const org = token.data?.organization;
  const deadline = useIdleDeadline();
  return (
    <div className={classes.actingAs} data-testid="acting-as">
      {me.isPending ? (
        <>
          <Skeleton height={14} width={120} mb={4} ml="auto" aria-hidden />
          <VisuallyHidden>Loading who you are</VisuallyHidden>
        </>
      ) : (
        me.data && (
          <Text size="sm" fw={600} lh={1.2}>
            <VisuallyHidden>Signed in as </VisuallyHidden>
            {me.data.name ?? me.data.email}
          </Text>
        )
      )}
      {/* On a narrow screen the region goes to a line of its own rather than being cut short. */}
      <Group gap={4} justify="flex-end" wrap="wrap" className={classes.where}>
        {token.isPending ? (
          <Skeleton height={12} width={90} aria-hidden />
        ) : (
          org?.name && (
            <Text size="xs" c="dimmed" lh={1.2}>
              {org.name} ·
            </Text>
          )
        )}
        <Text size="xs" c="dimmed" lh={1.2}>
          {region?.label ?? session?.environment}
        </Text>
        {deadline !== undefined && (
          <Text size="xs" c="dimmed" lh={1.2}>
            · idles out <RelativeTime value={deadline} />
          </Text>
        )}
      </Group>
    </div>
  );
}

export function Shell({ nav }: { nav: readonly NavItem[] }) {
  const { me, token, sharedFailure, retryAll } = useIdentity();
  const control = useSessionControl();
  const org = token.data?.organization;
  const home = token.data?.homeOrganization;
  const cloned = token.data?.clonedUser;
  const foreignOrg = actsOutsideHomeOrg(token.data);

  return (
    // A header and the page: a few lines of CSS instead of Mantine's AppShell, which weighs ~9 KB
    // of every first visit for sidebars, footers and resizing this app has none of.
    <div className={classes.shell}>
      <a className={classes.skipLink} href="#main">
        Skip to main content
      </a>
      <header className={classes.header}>
        {/* One row on wide screens; on phones the navigation takes a second row and scrolls sideways. */}
        <div className={classes.headerGrid}>
          <Text fw={700} size="lg" component="span" className={classes.brand}>
            Token Admin
          </Text>
          <Box component="nav" aria-label="Main" className={classes.nav}>
            <Group gap={4} component="ul" wrap="nowrap" className={classes.navList}>
              {nav.map((item) => {
                const capability = item.needs && me.data ? capabilityFor(item.needs, me.data.authorization?.permissions ?? []) : undefined;
                const locked = capability !== undefined && !capability.allowed;
                return (
                  <li key={item.href}>
                    <Anchor component={NavLink} to={item.href} className={classes.navLink} underline="never">
                      {item.label}
                      {locked && item.needs && (
                        <>
                          <IconLock size={12} aria-hidden className={classes.navLock} />
                          <VisuallyHidden>{` (needs ${CAPABILITIES[item.needs].permission})`}</VisuallyHidden>
                        </>
                      )}
                    </Anchor>
                  </li>
                );
              })}
            </Group>
          </Box>
          <Group gap="sm" wrap="nowrap" className={classes.actions}>
            <ActingAs />
            <ColorSchemeToggle />
            <SignOutButton onSignedOut={() => control.signedOut()} />
          </Group>
        </div>
      </header>
      <main id="main" tabIndex={-1} className={classes.main}>
        <IdleWarning />
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
        {sharedFailure ? (
          <Box mb="md">
            <ErrorAlert
              title="Couldn't load who you are or your token"
              error={me.error}
              onRetry={() => void retryAll()}
              retrying={me.isFetching || token.isFetching}
            />
          </Box>
        ) : (
          me.isError && (
            <Box mb="md">
              <ErrorAlert
                title="Couldn't find out who you are signed in as"
                error={me.error}
                onRetry={() => void me.refetch()}
                retrying={me.isFetching}
              />
            </Box>
          )
        )}
        <Outlet />
        <QuickSearch />
        <JobsOwner />
      </main>
    </div>
  );
}
