import { Alert, Anchor, Badge, Button, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck, IconLogin, IconRefresh } from '@tabler/icons-react';
import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/api.ts';
import { isApiError } from '../../api/http.ts';
import { explainRule, resolveRule } from '../../api/idleTimeoutRule.ts';
import type { User } from '../../api/users.ts';
import { CAPABILITIES } from '../../auth/capabilities.ts';
import { useIdentity } from '../../auth/identity.ts';
import { forgetInterrupted, readInterrupted } from '../../auth/interrupted.ts';
import { useJobs, useRunsVersion } from '../../jobs/context.ts';
import { useJournalAbout } from '../../journal/hooks.ts';
import type { JournalEntry } from '../../journal/types.ts';
import { paths } from '../../paths.ts';
import { BusyButton } from '../../ui/BusyButton.tsx';
import { Field, IdValue } from '../../ui/Field.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { RelativeTime } from '../../ui/RelativeTime.tsx';
import { Section } from '../../ui/Section.tsx';
import { isUserId } from './userId.ts';
import { RevokeTokens } from './RevokeTokens.tsx';
import { StateBadge } from './StateBadge.tsx';
import { userLook } from './look.ts';
import { UserAvatar } from './UserAvatar.tsx';


const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function UserPage() {
  const { userId = '' } = useParams();
  if (!isUserId(userId)) return <NoSuchUser userId={userId} malformed />;
  return <UserDetails userId={userId} />;
}

function NoSuchUser({ userId, malformed = false }: { userId: string; malformed?: boolean }) {
  return (
    <Stack gap="md" py="md">
      <Title order={1}>No such user</Title>
      <Text style={{ overflowWrap: 'anywhere' }}>
        {malformed ? (
          <>
            “{userId}” is not a user id. A Genesys Cloud user id has 36 characters, such as <code>1b4e28ba-2fa1-41d2-883f-0016d3cca427</code>;
            the link may be cut short or mistyped.
          </>
        ) : (
          <>
            Genesys Cloud has no user with the id <code>{userId}</code>. They may have been deleted, or the link may belong to another
            organisation.
          </>
        )}
      </Text>
      <div>
        <Button component={Link} to={paths.users.href()} leftSection={<IconArrowLeft size={16} aria-hidden />}>
          Search users
        </Button>
      </div>
    </Stack>
  );
}

function UserDetails({ userId }: { userId: string }) {
  const api = useApi();
  const detail = useQuery(api.users.detail(userId));
  const { token } = useIdentity();
  const journal = useJournalAbout(token.data?.organization?.id, userId);
  const [revokedHere, setRevokedHere] = useState<number | undefined>(undefined);
  // A revocation the session's end cut short: offered again, never redone by itself.
  const [interrupted, setInterrupted] = useState(() => readInterrupted().find((change) => change.action === 'revoke-user-tokens' && change.target?.id === userId));
  const [openRequests, setOpenRequests] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  // Arriving from a search or the quick search, focus is on the page's heading, not lost on the body.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) heading.current?.focus();
  }, [userId]);

  if (isApiError(detail.error) && detail.error.status === 404) return <NoSuchUser userId={userId} />;
  const forbidden = isApiError(detail.error) && detail.error.status === 403;

  const entries = journal.data ?? [];
  const lastRevocation = entries.find((entry) => entry.action === 'revoke-user-tokens' && entry.result === 'success');
  const journalled = lastRevocation ? Date.parse(lastRevocation.at) : undefined;
  const revokedAt = Math.max(journalled ?? 0, revokedHere ?? 0) || undefined;
  const user: User = detail.data ?? { id: userId };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.users.href()} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          Users
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Group gap="md" wrap="nowrap" align="center" style={{ minWidth: 0 }}>
          {detail.data && <UserAvatar user={detail.data} size="lg" />}
          <div style={{ minWidth: 0 }}>
            <PageHeading
              look={detail.data && userLook(detail.data)}
              title="User"
              lead={userId}
              headingRef={heading}
              beside={<StateBadge state={detail.data?.state} />}
            />
          </div>
        </Group>
        {(detail.data ?? forbidden) && (
          <RevokeTokens
            user={user}
            openRequests={openRequests}
            onRevoked={(at) => {
              setRevokedHere(at);
              setInterrupted(undefined);
            }}
          />
        )}
      </Group>

      {interrupted && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Your revocation was not carried out" role="status">
          <Stack gap="xs">
            <Text size="sm">
              You confirmed revoking {interrupted.target?.name ?? 'this user'}&apos;s tokens at {exact.format(interrupted.at)}, but your
              session ended before Genesys Cloud carried it out, so nothing was revoked. It is not sent again unless you say so.
            </Text>
            <Group gap="xs">
              {detail.data && (
                <Button size="xs" color="red" onClick={() => setOpenRequests((count) => count + 1)}>
                  Revoke all tokens…
                </Button>
              )}
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  forgetInterrupted('revoke-user-tokens', userId);
                  setInterrupted(undefined);
                }}
              >
                Dismiss
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}

      {revokedAt !== undefined && (
        <RevocationStatus revokedAt={revokedAt} user={detail.data} checking={detail.isFetching} checkedAt={detail.dataUpdatedAt} onCheck={() => void detail.refetch()} />
      )}

      <QueryState
        query={detail}
        what="the user's details"
        errorTitle="Couldn't load this user"
        skeleton={240}
        forbidden={{ permission: CAPABILITIES.viewUsers.permission, action: "view users' details" }}
      >
        {(loaded) => <Details user={loaded} />}
      </QueryState>
      {(entries.length > 0 || detail.data) && <DoneHere entries={entries} />}
      {token.data?.organization?.id && (
        <Suspense fallback={null}>
          <BulkRunsFor orgId={token.data.organization.id} userId={userId} />
        </Suspense>
      )}
    </Stack>
  );
}

/** The question after a revocation: have they signed in again since? "Check again" reads the user once more. */
function RevocationStatus({
  revokedAt,
  user,
  checking,
  checkedAt,
  onCheck,
}: {
  revokedAt: number;
  user: User | undefined;
  checking: boolean;
  checkedAt: number;
  onCheck: () => void;
}) {
  const issued = user?.lastTokenIssued?.dateIssued ? Date.parse(user.lastTokenIssued.dateIssued) : Number.NaN;
  const again = Number.isFinite(issued) && issued > revokedAt;
  return (
    <Alert
      role="status"
      color={again ? 'orange' : 'teal'}
      variant="light"
      icon={again ? <IconLogin aria-hidden /> : <IconCircleCheck aria-hidden />}
      title={`Tokens revoked at ${exact.format(revokedAt)}`}
    >
      {user === undefined ? (
        'Whether they have signed in since is unknown until their details load.'
      ) : again ? (
        <>
          Signed in again since: a new token was issued <RelativeTime value={issued} />, after the revocation.
        </>
      ) : (
        <>Not signed in again since: Genesys Cloud has issued them no token after the revocation.</>
      )}
      {user !== undefined && (
        <Group gap="xs" mt="xs">
          <BusyButton size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} busy={checking} onClick={onCheck}>
            Check again
          </BusyButton>
          {checkedAt > 0 && (
            <Text size="xs" c="dimmed">
              Last checked <RelativeTime value={checkedAt} />
            </Text>
          )}
        </Group>
      )}
    </Alert>
  );
}

function Details({ user }: { user: User }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Section title="Profile">
        <Field label="Email">
          <span style={{ overflowWrap: 'anywhere' }}>{user.email ?? 'Not given'}</span>
        </Field>
        <Field label="Username">
          <span style={{ overflowWrap: 'anywhere' }}>{user.username ?? 'Not given'}</span>
        </Field>
        <Field label="Title">{user.title ?? 'Not given'}</Field>
        <Field label="Department">{user.department ?? 'Not given'}</Field>
        <Field label="Division">{user.division?.name ?? 'Not given'}</Field>
        <Field label="State">{user.state ? `${user.state.charAt(0).toUpperCase()}${user.state.slice(1)}` : 'Not given'}</Field>
      </Section>

      <Section title="Sign-ins">
        <Field label="Last login">{user.dateLastLogin ? <RelativeTime value={user.dateLastLogin} /> : 'Never, or not reported'}</Field>
        <Field label="Last token issued">
          {user.lastTokenIssued?.dateIssued ? <RelativeTime value={user.lastTokenIssued.dateIssued} /> : 'None, or not reported'}
        </Field>
        <Field label="Idle token timeout">
          <IdleRule user={user} />{' '}
          <Anchor component={Link} to={paths.idleTimeout.href({ userId: user.id })} size="sm">
            {user.groups === undefined ? 'See which idle timeout applies' : 'Why?'}
          </Anchor>
        </Field>
      </Section>

      <Section title="Groups">
        {user.groups === undefined ? (
          <Text size="sm">Genesys Cloud did not list this user&apos;s groups.</Text>
        ) : user.groups.length === 0 ? (
          <Text size="sm">Not in any group.</Text>
        ) : (
          <Group gap={6}>
            {user.groups.map((group) => (
              <Badge key={group.id} variant="light" tt="none">
                {group.name ?? <GroupName groupId={group.id} />}
              </Badge>
            ))}
          </Group>
        )}
      </Section>

      <Section title="Ids">
        <Field label="User id">
          <IdValue id={user.id} label="user id" />
        </Field>
        <Field label="Division id">
          <IdValue id={user.division?.id} label="division id" />
        </Field>
      </Section>
    </SimpleGrid>
  );
}

/** The rule that sets this user's idle timeout, from the organisation's settings and their groups. */
function IdleRule({ user }: { user: User }) {
  const settings = useQuery(useApi().tokens.timeout());
  if (!settings.data || user.groups === undefined) return null;
  const rule = resolveRule(settings.data, user.groups.map((g) => g.id));
  const nameOf = (id: string) => user.groups?.find((g) => g.id === id)?.name ?? 'one of their groups';
  return <span>{explainRule(rule, nameOf).headline}</span>;
}

function GroupName({ groupId }: { groupId: string }) {
  const group = useQuery(useApi().groups.detail(groupId));
  return <>{group.data?.name ?? groupId}</>;
}

function DoneHere({ entries }: { entries: readonly JournalEntry[] }) {
  return (
    <Section title="Done from this browser">
      {entries.length === 0 ? (
        <Text size="sm">Token Admin in this browser has not changed anything for this user.</Text>
      ) : (
        <List spacing="xs" listStyleType="none" p={0} m={0}>
          {entries.map((entry) => (
            <List.Item key={entry.id}>
              <Text size="sm">
                <RelativeTime value={entry.at} /> · {entry.summary} ·{' '}
                <Text span fw={600} c={entry.result === 'success' ? 'teal' : 'red'}>
                  {entry.result === 'success' ? 'succeeded' : 'failed'}
                </Text>
                {entry.actor.name ? ` · by ${entry.actor.name}` : ''}
              </Text>
              {entry.error && (
                <Text size="xs" c="dimmed">
                  {entry.error}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
      <Text size="xs" c="dimmed">
        Only what was done from this browser; the organisation&apos;s audit log is in Genesys Cloud.{' '}
        <Anchor component={Link} to={paths.activity.href()} size="xs" underline="always">
          All activity
        </Anchor>
      </Text>
    </Section>
  );
}

const RUN_RESULTS: Record<string, string> = {
  pending: 'waiting',
  'in-flight': 'being sent',
  revoked: 'revoked',
  failed: 'failed',
  'not-confirmed': 'not confirmed',
  cancelled: 'cancelled before it was sent',
  skipped: 'left out',
};

/** The bulk runs of this browser that named this user, and what each did. */
function BulkRunsFor({ orgId, userId }: { orgId: string; userId: string }) {
  const jobs = useJobs();
  const version = useRunsVersion();
  const rows = useQuery({ queryKey: ['runs', 'user', orgId, userId, version], queryFn: () => jobs.rowsForUser(orgId, userId), placeholderData: (previous) => previous });
  const found = rows.data ?? [];
  if (found.length === 0) return null;
  return (
    <Section title="In bulk revocations">
      <List spacing="xs" listStyleType="none" p={0} m={0}>
        {found.map((row) => (
          <List.Item key={`${row.runId}:${row.index}`}>
            <Text size="sm">
              {row.at ? <RelativeTime value={row.at} /> : 'Not sent yet'} · {RUN_RESULTS[row.state] ?? row.state}
              {row.reason ? ` · ${row.reason}` : ''} ·{' '}
              <Anchor component={Link} to={paths.bulkRun.href(row.runId)} size="sm" underline="always">
                Open the run
              </Anchor>
            </Text>
          </List.Item>
        ))}
      </List>
    </Section>
  );
}
