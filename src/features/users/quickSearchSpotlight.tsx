import '../../ui/styles/pages.ts';
import '../../ui/styles/dialog.ts';
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/spotlight/styles.css';
import { Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, createSpotlight, type SpotlightActionData } from '@mantine/spotlight';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../../api/api.ts';
import { useCapability } from '../../auth/capabilities.ts';
import { useIdentity } from '../../auth/identity.ts';
import { paths } from '../../paths.ts';
import { classifySearchInput, searchFor } from './classify.ts';
import { displayName } from './look.ts';
import { UserAvatar } from './UserAvatar.tsx';

const QUICK_RESULTS = 8;

interface QuickSearchSpotlightProps {
  opens: number;
  /** What was typed while this downloaded. */
  initialQuery: () => string;
  onReady: () => void;
}

/** The quick user search: opened by the shell's shortcut, it jumps to the chosen user's page. */
export default function QuickSearchSpotlight({ opens, initialQuery, onReady }: QuickSearchSpotlightProps) {
  const [[store, quickSearch]] = useState(createSpotlight);
  const [query, setQuery] = useState(initialQuery);
  useEffect(() => {
    onReady();
  }, [onReady]);
  useEffect(() => {
    if (opens > 0) quickSearch.open();
  }, [opens, quickSearch]);

  const navigate = useNavigate();
  const api = useApi();
  const { me } = useIdentity();
  const viewUsers = useCapability('viewUsers');
  const allowed = me.isError || viewUsers.allowed;
  const [debounced] = useDebouncedValue(query, 300);
  const typed = classifySearchInput(query);
  const input = classifySearchInput(debounced);
  const search = allowed ? searchFor(input, 1, QUICK_RESULTS) : undefined;
  const results = useQuery({
    ...api.users.search(search ?? { text: '', page: 1, pageSize: QUICK_RESULTS }),
    enabled: search !== undefined,
    placeholderData: keepPreviousData,
  });

  const open = (href: string) => void navigate(href);
  let actions: SpotlightActionData[] = [];
  if (typed.kind === 'id') {
    actions = [{ id: typed.id, label: 'Open the user with this id', description: typed.id, onClick: () => open(paths.user.href(typed.id)) }];
  } else if (search && results.data) {
    actions = (results.data.results ?? []).map((user) => ({
      id: user.id,
      label: displayName(user),
      description: [user.email, user.title].filter(Boolean).join(' · '),
      leftSection: <UserAvatar user={user} size="sm" />,
      onClick: () => open(paths.user.href(user.id)),
    }));
    if (results.data.total > actions.length) {
      actions.push({
        id: 'all-results',
        label: `See all ${results.data.total} matches`,
        description: 'On the Users page',
        leftSection: <IconSearch size={18} aria-hidden />,
        onClick: () => open(paths.users.href({ q: search.text })),
      });
    }
  }

  let nothingFound = 'Type a name or an email address, or paste a user id.';
  if (!allowed) nothingFound = `Searching users needs the Genesys Cloud permission ${viewUsers.permission}.`;
  else if (input.kind === 'unmatchable') nothingFound = input.reason;
  else if (results.isError) nothingFound = `Couldn't search: ${results.error.message}`;
  else if (search && (results.isFetching || query !== debounced)) nothingFound = 'Searching…';
  else if (search && results.data?.total === 0) nothingFound = `No user matches “${search.text}”.`;

  return (
    <Spotlight
      store={store}
      shortcut={null}
      query={query}
      onQueryChange={setQuery}
      actions={actions}
      filter={(_query, all) => all}
      nothingFound={<Text size="sm">{nothingFound}</Text>}
      searchProps={{ 'aria-label': 'Quick user search', placeholder: 'Find a user by name or email, or paste an id', leftSection: <IconSearch size={18} aria-hidden /> }}
      attributes={{ content: { 'aria-label': 'Quick user search' } }}
      // Keyboard users can scroll the list too, should it ever be taller than the screen.
      scrollAreaProps={{ scrollbars: 'y', offsetScrollbars: false, viewportProps: { tabIndex: 0, role: 'region', 'aria-label': 'Quick search results' } }}
    />
  );
}
