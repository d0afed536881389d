import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck, IconShieldCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useApi } from '../../api/api.ts';
import { actsOutsideHomeOrg, type TokenInfo } from '../../api/tokens.ts';
import { useIdentity } from '../../auth/identity.ts';
import { useIdleDeadline } from '../../auth/idleDeadline.ts';
import { useSession, useSessionControl } from '../../auth/sessionControl.ts';
import { paths } from '../../paths.ts';
import { BusyButton } from '../../ui/BusyButton.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Section } from '../../ui/Section.tsx';
import { PendingNotice } from '../../ui/PendingNotice.tsx';
import { Field, IdValue } from '../../ui/Field.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { RelativeTime } from '../../ui/RelativeTime.tsx';
import { AccessList } from './AccessList.tsx';
import { GRANT_TYPE_LABELS } from './grantTypes.ts';
import { tokenLook } from './look.ts';

export function TokenPage() {
  const { token, sharedFailure, retryToken } = useIdentity();
  return (
    <Stack gap="lg">
      <TokenHeading />
      <VerifyPanel />
      {token.isPending && (
        <>
          <PendingNotice what="your token's details" />
          <Skeleton height={240} radius="md" aria-hidden />
        </>
      )}
      {/* When identity failed for the same reason, the shell's one alert covers both. */}
      {token.isError && !sharedFailure && (
        <ErrorAlert title="Couldn't load your token" error={token.error} onRetry={() => void retryToken()} retrying={token.isFetching} />
      )}
      {token.data && <TokenDetails info={token.data} />}
    </Stack>
  );
}

function TokenHeading() {
  const { me, token } = useIdentity();
  const deadline = useIdleDeadline();
  const session = useSession();
  if (!token.data || !me.data) return <PageHeading title="My token" lead="The OAuth token this browser tab uses, as Genesys Cloud sees it." />;
  return <PageHeading look={tokenLook(token.data, me.data, deadline, session?.expiresAt)} />;
}

function VerifyPanel() {
  const control = useSessionControl();
  const api = useApi();
  const verify = useMutation(api.mutations.verify());
  // A dead token ends the session at once: nothing on the page is true any more.
  const check = () =>
    verify.mutate(undefined, {
      onSuccess: (result) => {
        if (!result.valid) control.ended();
      },
    });
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <div role="status" aria-live="polite">
          {verify.data?.valid === true && (
            <Group gap="xs">
              <IconCircleCheck color="var(--mantine-color-teal-text)" aria-hidden />
              <Text fw={600}>Token is valid</Text>
              <Text size="sm" c="dimmed">
                checked <RelativeTime value={verify.data.checkedAt} />
              </Text>
            </Group>
          )}
          {!verify.data && !verify.isError && (
            <Text size="sm" c="dimmed">
              Ask Genesys Cloud whether this token still works.
            </Text>
          )}
        </div>
        <BusyButton leftSection={<IconShieldCheck size={16} aria-hidden />} onClick={check} busy={verify.isPending}>
          Verify token
        </BusyButton>
      </Group>
      {verify.isError && (
        <Stack mt="sm">
          <ErrorAlert title="Couldn't verify your token" error={verify.error} />
        </Stack>
      )}
    </Card>
  );
}

function TokenDetails({ info }: { info: TokenInfo }) {
  const session = useSession();
  const me = useQuery(useApi().users.me());
  const deadline = useIdleDeadline();
  const org = info.organization;
  const home = info.homeOrganization;
  const client = info.OAuthClient;
  const differs = actsOutsideHomeOrg(info);
  const scopes = info.authorizedScope ?? [];

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Section title="Organisation">
        <Field label="Organisation">
          {org?.name ?? 'Unknown organisation'}
        </Field>
        <Field label="Organisation id">
          <IdValue id={org?.id} label="organisation id" />
        </Field>
        <Field label="Home organisation">
          {home?.name ?? 'Unknown organisation'}
        </Field>
        <Field label="Home organisation id">
          <IdValue id={home?.id} label="home organisation id" />
        </Field>
        {differs && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Not your home organisation">
            This token acts in {org?.name ?? org?.id}, not in your home organisation {home?.name ?? home?.id}. What you change here
            changes {org?.name ?? 'that organisation'}.
          </Alert>
        )}
      </Section>

      <Section title="OAuth client">
        <Field label="Name">{client?.name ?? 'Not given'}</Field>
        <Field label="Client id">
          <IdValue id={client?.id} label="client id" />
        </Field>
        <Field label="Grant type">
          {client?.authorizedGrantType ? `${GRANT_TYPE_LABELS[client.authorizedGrantType] ?? client.authorizedGrantType} (${client.authorizedGrantType})` : 'Not given'}
        </Field>
        {client?.state && client.state !== 'active' && (
          <Alert color="orange" variant="light" title={`This client is ${client.state}`}>
            New sign-ins through it may fail. Ask an administrator to check it under Admin &gt; OAuth.
          </Alert>
        )}
      </Section>

      <Section title="Lifetime">
        <Field label="Idles out">
          {deadline !== undefined ? (
            <>
              <RelativeTime value={deadline} /> unless it is used before then.{' '}
              <Anchor component={Link} to={paths.idleTimeout.href()} size="sm">
                Why this timeout?
              </Anchor>
            </>
          ) : (
            'Not reported by Genesys Cloud: the idle token timeout is probably off for your organisation.'
          )}
        </Field>
        <Text size="xs" c="dimmed">
          Leaving this page open does not keep the token alive: its background refreshes are not counted as activity.
        </Text>
        <Field label="Expires">
          {session ? (
            <>
              <RelativeTime value={session.expiresAt} />, set by the OAuth client&apos;s token lifetime.
            </>
          ) : (
            'Unknown'
          )}
        </Field>
      </Section>

      <Section title="Scopes">
        <Field label={`Authorised scopes (${scopes.length})`}>
          {scopes.length > 0 ? (
            <Group gap={6} component="span">
              {scopes.map((scope) => (
                <Badge key={scope} variant="light" tt="none" component="span">
                  {scope}
                </Badge>
              ))}
            </Group>
          ) : (
            'None listed: the token carries the permissions of your roles.'
          )}
        </Field>
      </Section>

      <Section title="Your access">
        {me.data ? (
          <AccessList permissions={me.data.authorization?.permissions ?? []} />
        ) : (
          <Text size="sm">Unknown until Genesys Cloud says who you are.</Text>
        )}
      </Section>

      {info.clonedUser && (
        <Section title="Trustee">
          <Text size="sm">
            This token belongs to a cloned user: a trustee from another organisation working in {org?.name ?? 'this organisation'}.
          </Text>
          <Field label="Trustee user id">
            <IdValue id={info.clonedUser.id} label="trustee user id" />
          </Field>
          <Field label="Trustee's organisation id">
            <IdValue id={info.clonedUser.organization?.id} label="trustee organisation id" />
          </Field>
        </Section>
      )}
    </SimpleGrid>
  );
}
