import { Alert, Anchor, Box, Button, Checkbox, Group, Kbd, Pagination, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback, useHotkeys } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconInfoCircle, IconKeyOff, IconSearch } from '@tabler/icons-react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../api/api.ts';
import type { User } from '../../api/users.ts';
import { useCapability } from '../../auth/capabilities.ts';
import { useIdentity } from '../../auth/identity.ts';
import { readSelection, toggleSelected, writeSelection, type SelectedUser } from '../../jobs/selection.ts';
import { paths } from '../../paths.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PendingNotice } from '../../ui/PendingNotice.tsx';
import { PermissionNotice } from '../../ui/PermissionNotice.tsx';
import { classifySearchInput, searchFor } from './classify.ts';
import { StateBadge } from './StateBadge.tsx';
import { displayName } from './look.ts';
import { UserAvatar } from './UserAvatar.tsx';
import lists from '../../ui/lists.module.css';
import classes from './users.module.css';

export const PAGE_SIZE = 25;
/** Long enough that a name typed at a normal pace is searched once, at most twice. */
export const SEARCH_DEBOUNCE_MS = 350;

export function SearchPage() {
  const { me } = useIdentity();
  const viewUsers = useCapability('viewUsers');
  const allowed = me.isError || viewUsers.allowed;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Users</Title>
        <Text c="dimmed">Find a user to see their sign-ins and revoke their tokens.</Text>
      </div>
      {me.isPending && <PendingNotice what="your permissions" />}
      {me.data && !allowed && <PermissionNotice permission={viewUsers.permission} action={viewUsers.action} />}
      {allowed && <UserSearchPanel />}
    </Stack>
  );
}

function UserSearchPanel() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const urlText = params.get('q') ?? '';
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);

  // The box shows what is typed; the address holds what was searched. Back and Forward change
  // the address, and the box follows unless the change is the search this box just made.
  const [text, setText] = useState(urlText);
  const [written, setWritten] = useState<string | undefined>(undefined);
  const [seenUrlText, setSeenUrlText] = useState(urlText);
  if (urlText !== seenUrlText) {
    setSeenUrlText(urlText);
    if (urlText !== written) {
      setText(urlText);
      setWritten(undefined);
    }
  }

  const writeSearch = useDebouncedCallback((next: string) => {
    const trimmed = next.trim();
    if (trimmed === urlText.trim()) return;
    setWritten(trimmed);
    // Refining a search replaces its history entry; starting one adds an entry.
    void navigate(paths.users.href({ q: trimmed }), { replace: urlText !== '' && trimmed !== '' });
  }, SEARCH_DEBOUNCE_MS);

  const onChange = (next: string) => {
    setText(next);
    const input = classifySearchInput(next);
    if (input.kind === 'id') {
      writeSearch.cancel();
      void navigate(paths.user.href(input.id));
      return;
    }
    writeSearch(next);
  };

  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // Mantine's hotkeys ignore key presses in text boxes: in the box itself "/" is handled below.
  useHotkeys([['/', () => inputRef.current?.focus()]]);

  const api = useApi();
  const input = classifySearchInput(urlText);
  const search = searchFor(input, page, PAGE_SIZE);
  const results = useQuery({
    ...api.users.search(search ?? { text: '', page: 1, pageSize: PAGE_SIZE }),
    enabled: search !== undefined,
    placeholderData: keepPreviousData,
  });

  const resultLinks = () => Array.from(listRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-result]') ?? []);
  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // "/" is the way back to this box: pressed in it, at its start, it is that habit, not text
    // (no name or email starts with one).
    if (event.key === '/' && event.currentTarget.selectionStart === 0 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      return;
    }
    if (event.key === 'ArrowDown') {
      const first = resultLinks()[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Enter') {
      writeSearch.flush();
    }
  };
  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const links = resultLinks();
    const index = links.findIndex((link) => link === document.activeElement);
    if (index < 0) return;
    let next: HTMLElement | undefined;
    if (event.key === 'ArrowDown') next = links[Math.min(index + 1, links.length - 1)];
    else if (event.key === 'ArrowUp') next = index === 0 ? (inputRef.current ?? undefined) : links[index - 1];
    else if (event.key === 'Home') next = links[0];
    else if (event.key === 'End') next = links[links.length - 1];
    else return;
    event.preventDefault();
    next?.focus();
  };

  // Users ticked for a bulk revocation, kept in this tab across pages of results.
  const canRevoke = useCapability('revokeTokens').allowed;
  const [selection, setSelection] = useState<SelectedUser[]>(() => readSelection());
  const picked = new Set(selection.map((user) => user.id));

  const data = search ? results.data : undefined;
  const users = data?.results ?? [];
  const pageCount = data ? Math.max(data.pageCount, 1) : 1;
  const stale = results.isPlaceholderData;

  // A link to /users?q=<a user id> (from a ticket, say) opens that user, as typing the id does.
  if (input.kind === 'id') return <Navigate to={paths.user.href(input.id)} replace />;

  return (
    <Stack gap="md">
      <TextInput
        ref={inputRef}
        label="Search users"
        description={
          <>
            A name or part of one, an email address, or a user id to open that user. Press <Kbd size="xs">/</Kbd> to come back here.
          </>
        }
        placeholder="e.g. Smith, mei.smith@example.com"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        onChange={(event) => onChange(event.currentTarget.value)}
        onKeyDown={onInputKeyDown}
        type="search"
        autoComplete="off"
        spellCheck={false}
        // Arriving on Users is arriving to search.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus
        aria-controls={users.length > 0 ? 'user-results' : undefined}
      />

      {input.kind === 'unmatchable' && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />} title="No user can match this" role="status">
          {input.reason}
        </Alert>
      )}
      {input.kind === 'empty' && (
        <Text size="sm" c="dimmed">
          Type a name or an email address to search. Press <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">K</Kbd> (<Kbd size="xs">⌘</Kbd> +{' '}
          <Kbd size="xs">K</Kbd> on a Mac) on any page for a quick search.
        </Text>
      )}

      {search && results.isPending && (
        <>
          <PendingNotice what="the matching users" />
          <Skeleton height={160} radius="md" aria-hidden />
        </>
      )}
      {search && results.isError && (
        <ErrorAlert title="Couldn't search users" error={results.error} onRetry={() => void results.refetch()} retrying={results.isFetching} />
      )}

      {search && (
        <Text size="sm" role="status" aria-live="polite" aria-atomic>
          {data &&
            !results.isError &&
            (data.total === 0
              ? `No user matches “${search.text}”.`
              : `${data.total} ${data.total === 1 ? 'user matches' : 'users match'} “${search.text}”, best match first${pageCount > 1 ? ` · page ${page} of ${pageCount}` : ''}.`)}
        </Text>
      )}

      {canRevoke && selection.length > 0 && (
        <Group gap="sm" className={classes.selectionBar} role="region" aria-label="Selected users">
          <Text size="sm" fw={600}>
            {selection.length} selected
          </Text>
          <Button component={Link} to={paths.bulkRevoke.href({ from: 'selection' })} size="xs" color="red" leftSection={<IconKeyOff size={14} aria-hidden />}>
            Revoke tokens for {selection.length} selected
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              writeSelection([]);
              setSelection([]);
            }}
          >
            Clear
          </Button>
        </Group>
      )}
      {users.length > 0 && (
        <Box aria-busy={stale || undefined} style={{ opacity: stale ? 0.6 : 1 }}>
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- arrow keys move between the links inside */}
          <ul id="user-results" aria-label="Matching users" className={lists.rows} ref={listRef} onKeyDown={onListKeyDown}>
            {users.map((user) => (
              <ResultRow
                key={user.id}
                user={user}
                selected={canRevoke ? picked.has(user.id) : undefined}
                onSelect={(on) => setSelection(toggleSelected({ id: user.id, name: user.name, email: user.email }, on))}
              />
            ))}
          </ul>
          <Text size="xs" c="dimmed" mt="xs">
            Arrow keys move through the results; Enter opens one.
          </Text>
        </Box>
      )}

      {search && data && pageCount > 1 && (
        <Group justify="center">
          <Pagination
            total={pageCount}
            value={Math.min(page, pageCount)}
            onChange={(next) => void navigate(paths.users.href({ q: urlText, page: next }))}
            getItemProps={(item) => ({ 'aria-label': `Page ${item}`, 'aria-current': item === page ? 'page' : undefined })}
            getControlProps={(control) => ({ 'aria-label': `${control.charAt(0).toUpperCase()}${control.slice(1)} page` })}
            aria-label="Result pages"
            size="sm"
          />
        </Group>
      )}
    </Stack>
  );
}

function ResultRow({ user, selected, onSelect }: { user: User; selected: boolean | undefined; onSelect: (selected: boolean) => void }) {
  const details = [user.title, user.department].filter(Boolean).join(' · ');
  return (
    <li className={`${lists.row} ${classes.result}`}>
      {selected !== undefined && (
        <Checkbox
          className={classes.select}
          aria-label={`Select ${displayName(user)} for a bulk revocation`}
          checked={selected}
          onChange={(event) => onSelect(event.currentTarget.checked)}
          mt={10}
        />
      )}
      <UserAvatar user={user} />
      <div className={classes.resultBody}>
        <Group gap="xs" wrap="wrap">
          <Anchor component={Link} to={paths.user.href(user.id)} data-result fw={600} className={classes.resultLink}>
            {displayName(user)}
          </Anchor>
          <StateBadge state={user.state} />
        </Group>
        {user.email && (
          <Text size="sm" className={lists.wrapAnywhere}>
            {user.email}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {details || 'No title or department'}
          {user.division?.name ? ` · Division: ${user.division.name}` : ''}
        </Text>
      </div>
    </li>
  );
}
