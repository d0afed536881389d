import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/api.ts';
import type { IdleTokenTimeout } from '../../api/tokens.ts';
import type { User } from '../../api/users.ts';
import { useCapability } from '../../auth/capabilities.ts';
import { useIdentity } from '../../auth/identity.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PendingNotice } from '../../ui/PendingNotice.tsx';
import { PermissionNotice } from '../../ui/PermissionNotice.tsx';
import { Section } from '../../ui/Section.tsx';
import { LineList } from './LineList.tsx';
import { explainRule, resolveRule, sameRule } from '../../api/idleTimeoutRule.ts';
import { useGroups } from './useGroupNames.ts';

const describeUser = (user: Pick<User, 'name' | 'email' | 'id'>) => (user.email ? `${user.name ?? user.id} (${user.email})` : (user.name ?? user.id));

/**
 * "Why does this person's session end after two hours?": the person's groups, the bundles that
 * hold any of them, the one that wins, and what the unsaved form would change.
 */
export function WhoGetsWhich({ saved, draft, dirty }: { saved: IdleTokenTimeout; draft: IdleTokenTimeout; dirty: boolean }) {
  const api = useApi();
  const { me } = useIdentity();
  const viewUsers = useCapability('viewUsers');
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const canView = viewUsers.allowed;
  const userId = params.get('user') ?? me.data?.id;
  const isSelf = userId !== undefined && userId === me.data?.id;

  const person = useQuery({ ...api.users.detail(userId ?? ''), enabled: canView && userId !== undefined });
  const found = useQuery({
    ...api.users.search({ text: debounced, page: 1, pageSize: 10 }),
    enabled: canView && debounced !== '',
    placeholderData: keepPreviousData,
  });
  const groupRefs = person.data?.groups ?? [];
  const groupIds = groupRefs.map((group) => group.id);
  const { nameOf } = useGroups(
    [...groupIds, ...[saved, draft].flatMap((s) => (s.inactivityTimeoutGroupBundles ?? []).flatMap((b) => b.groups))],
    groupRefs,
  );

  const now = resolveRule(saved, groupIds);
  const after = resolveRule(draft, groupIds);
  const explained = explainRule(now, nameOf);

  return (
    <Section title="Who gets which timeout">
      <Text size="sm" c="dimmed">
        Pick a person to see which rule sets their idle timeout, and why.
      </Text>
      {me.data && !canView ? (
        <PermissionNotice permission={viewUsers.permission} action="look up people and their groups" />
      ) : (
        <>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Text size="sm">
              Showing: <strong>{person.data ? describeUser(person.data) : isSelf && me.data ? describeUser(me.data) : userId}</strong>
              {isSelf && ' (you)'}
            </Text>
            {!isSelf && (
              <Button size="compact-sm" variant="subtle" onClick={() => setParams({}, { replace: true })}>
                Show yourself
              </Button>
            )}
          </Group>
          <TextInput
            label="Find someone else"
            placeholder="Name or email"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            maw={420}
          />
          {debounced !== '' && (
            <div aria-live="polite">
              {found.isError && <ErrorAlert title="Couldn't search people" error={found.error} />}
              {found.isSuccess && (found.data.results ?? []).length === 0 && (
                <Text size="sm" c="dimmed">
                  Nobody matches “{debounced}”.
                </Text>
              )}
              <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="People found">
                {(found.data?.results ?? []).map((user) => (
                  <li key={user.id}>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => {
                        setSearch('');
                        setParams(user.id === me.data?.id ? {} : { user: user.id }, { replace: true });
                      }}
                    >
                      {describeUser(user)}
                    </Button>
                  </li>
                ))}
              </Stack>
            </div>
          )}
          {person.isPending && person.fetchStatus !== 'idle' && <PendingNotice what="the person and their groups" />}
          {person.isError && <ErrorAlert title="Couldn't load this person" error={person.error} onRetry={() => void person.refetch()} retrying={person.isFetching} />}
          {person.data && (
            <Stack gap="xs" aria-live="polite">
              <Text fw={600}>
                {isSelf ? 'You' : (person.data.name ?? person.data.id)}: {explained.headline}
              </Text>
              <Text size="sm">
                {person.data.groups === undefined
                  ? 'Genesys Cloud did not list their groups.'
                  : groupIds.length === 0
                    ? 'Groups: none.'
                    : `Groups: ${groupIds.map(nameOf).join(', ')}.`}
              </Text>
              <LineList lines={explained.reasons} />
              {dirty && (
                <Alert variant="light" color={sameRule(now, after) ? 'gray' : 'blue'} title="After you save" role="status">
                  {sameRule(now, after) ? 'No change for them.' : `${explainRule(after, nameOf).headline} ${explainRule(after, nameOf).reasons.join(' ')}`}
                </Alert>
              )}
            </Stack>
          )}
        </>
      )}
    </Section>
  );
}
