import { ActionIcon, Badge, Button, Group as Row, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconX } from '@tabler/icons-react';
import { useId, useRef, useState } from 'react';
import { useApi } from '../../api/api.ts';
import type { Group } from '../../api/groups.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

interface GroupPickerProps {
  /** The form path, so a problem can be brought into view by it. */
  path: string;
  value: string[];
  onChange: (ids: string[]) => void;
  /** Names and member counts of groups already picked anywhere on the page. */
  known: ReadonlyMap<string, Group>;
  /** Groups that another bundle holds, with that bundle's priority: a group may be in one bundle only. */
  takenBy: ReadonlyMap<string, number>;
  error?: string | undefined;
  readOnly: boolean;
}

export const memberCount = (group: Group | undefined) =>
  group?.memberCount === undefined ? '' : `${group.memberCount} member${group.memberCount === 1 ? '' : 's'}`;

/**
 * The bundle's groups, and a search of Genesys Cloud's groups by name (debounced) to add more.
 * Plain buttons rather than a combobox: lighter to download, and every step works by keyboard.
 */
export function GroupPicker({ path, value, onChange, known, takenBy, error, readOnly }: GroupPickerProps) {
  const api = useApi();
  const [search, setSearch] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({ ...api.groups.search({ text: debounced, pageSize: 8 }), enabled: debounced !== '', placeholderData: keepPreviousData });
  const resultsId = useId();
  const results = debounced === '' ? [] : (found.data?.results ?? []);

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} component="div">
        Groups
      </Text>
      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          No group yet.
        </Text>
      ) : (
        <Row gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Groups in this bundle">
          {value.map((id) => {
            const group = known.get(id);
            const name = group?.name ?? id;
            return (
              <li key={id}>
                <Badge
                  size="lg"
                  variant="light"
                  tt="none"
                  fw={500}
                  rightSection={
                    readOnly ? undefined : (
                      <ActionIcon
                        size="xs"
                        variant="transparent"
                        c="inherit"
                        aria-label={`Remove ${name}`}
                        onClick={() => {
                          onChange(value.filter((other) => other !== id));
                          // Its button is gone with it: focus goes to the search, where more can be added.
                          input.current?.focus();
                        }}
                      >
                        <IconX size={12} aria-hidden />
                      </ActionIcon>
                    )
                  }
                >
                  {name}
                  {group?.memberCount !== undefined && <Text span size="xs" c="dimmed">{` · ${memberCount(group)}`}</Text>}
                </Badge>
              </li>
            );
          })}
        </Row>
      )}
      {!readOnly && (
        <>
          <TextInput
            ref={input}
            data-path={path}
            label="Add groups"
            placeholder="Search groups by name"
            description="Each group may be in one bundle only."
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            error={error}
            aria-controls={resultsId}
            maw={360}
          />
          <div id={resultsId} aria-live="polite">
            {debounced !== '' && found.isError && (
              <ErrorAlert title="Couldn't search groups" error={found.error} onRetry={() => void found.refetch()} retrying={found.isFetching} />
            )}
            {debounced !== '' && found.isSuccess && results.length === 0 && (
              <Text size="sm" c="dimmed">
                No group has “{debounced}” in its name.
              </Text>
            )}
            {results.length > 0 && (
              <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={`Groups matching ${debounced}`}>
                {results.map((group) => {
                  const owner = takenBy.get(group.id);
                  const picked = value.includes(group.id);
                  const name = group.name ?? group.id;
                  return (
                    <li key={group.id}>
                      <Row gap="xs" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          disabled={picked || owner !== undefined}
                          aria-label={`Add ${name}`}
                          onClick={() => {
                            onChange([...value, group.id]);
                            setSearch('');
                            // The results go with the search: focus returns to it, for the next group.
                            input.current?.focus();
                          }}
                        >
                          {name}
                        </Button>
                        <Text size="xs" c="dimmed">
                          {picked ? 'in this bundle' : owner !== undefined ? `in priority ${owner}` : memberCount(group)}
                        </Text>
                      </Row>
                    </li>
                  );
                })}
              </Stack>
            )}
          </div>
        </>
      )}
      {readOnly && error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}
