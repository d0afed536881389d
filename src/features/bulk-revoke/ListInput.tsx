import { ActionIcon, Alert, Badge, Button, Group, Loader, Stack, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconClipboardList, IconFileSpreadsheet, IconUsersGroup, IconX } from '@tabler/icons-react';
import { Suspense, lazy, useRef, useState } from 'react';
import { useApi } from '../../api/api.ts';
import { useCapability } from '../../auth/capabilities.ts';
import classes from './bulk.module.css';
import type { BulkPlan } from './useBulkPlan.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

const CsvDrop = lazy(() => import('./CsvDrop.tsx'));

/** Counts the lines of a list without parsing it, for the box's description. */
function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '').length;
}

/** Who to revoke: pasted, uploaded, by group, or ticked on the Users page, in any mix. */
export function ListInput({ plan }: { plan: BulkPlan }) {
  const [fileProblem, setFileProblem] = useState<string | undefined>(undefined);
  const [reading, setReading] = useState(false);
  const lines = lineCount(plan.text);

  const takeFile = async (file: File) => {
    setFileProblem(undefined);
    setReading(true);
    try {
      const { checkFileSize, checkFileText } = await import('./entries.ts');
      const tooBig = checkFileSize(file.size);
      if (tooBig) {
        setFileProblem(tooBig.message);
        return;
      }
      const text = await file.text();
      const refused = checkFileText(text, file.size);
      if (refused) setFileProblem(refused.message);
      else plan.setUploaded({ name: file.name, text });
    } catch (error) {
      setFileProblem(`That file could not be read: ${error instanceof Error ? error.message : String(error)}.`);
    } finally {
      setReading(false);
    }
  };

  return (
    <Stack gap="md">
      {plan.selection.length > 0 && (
        <Alert color="blue" variant="light" title={`${plan.selection.length} ${plan.selection.length === 1 ? 'user' : 'users'} selected on the Users page`} role="status">
          <Group justify="space-between" gap="xs">
            <Text size="sm">They are part of this list. Add more below, or check the list as it is.</Text>
            <Button size="xs" variant="default" onClick={plan.clearSelection}>
              Clear the selection
            </Button>
          </Group>
        </Alert>
      )}
      <Tabs defaultValue="paste" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="paste" leftSection={<IconClipboardList size={16} aria-hidden />}>
            Paste a list
          </Tabs.Tab>
          <Tabs.Tab value="upload" leftSection={<IconFileSpreadsheet size={16} aria-hidden />}>
            Upload a CSV{plan.uploaded ? ' (1)' : ''}
          </Tabs.Tab>
          <Tabs.Tab value="groups" leftSection={<IconUsersGroup size={16} aria-hidden />}>
            Groups{plan.groups.length > 0 ? ` (${plan.groups.length})` : ''}
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="paste" pt="md">
          <Textarea
            label="Emails and user ids"
            description={
              lines > 0
                ? `${lines} ${lines === 1 ? 'line' : 'lines'}. One per line, or separated by commas, semicolons or tabs; a copied spreadsheet column works too.`
                : 'One per line, or separated by commas, semicolons or tabs; a copied spreadsheet column works too.'
            }
            placeholder={'mei.smith@example.com\n1b4e28ba-2fa1-41d2-883f-0016d3cca427'}
            autosize
            minRows={6}
            maxRows={16}
            value={plan.text}
            onChange={(event) => plan.setText(event.currentTarget.value)}
            classNames={{ input: classes.textarea }}
            spellCheck={false}
          />
        </Tabs.Panel>

        <Tabs.Panel value="upload" pt="md">
          <Stack gap="sm">
            {plan.uploaded ? (
              <Group gap="xs">
                <Badge size="lg" variant="light" tt="none" leftSection={<IconFileSpreadsheet size={14} aria-hidden />}>
                  {plan.uploaded.name} · {lineCount(plan.uploaded.text)} lines
                </Badge>
                <Button size="xs" variant="subtle" color="red" onClick={() => plan.setUploaded(undefined)}>
                  Remove the file
                </Button>
              </Group>
            ) : (
              <Suspense fallback={<Loader size="sm" aria-label="Loading the file drop" />}>
                <CsvDrop onFile={(file) => void takeFile(file)} onRefused={setFileProblem} />
              </Suspense>
            )}
            {reading && (
              <Text size="sm" role="status">
                Reading the file…
              </Text>
            )}
            {fileProblem && (
              <Alert color="red" variant="light" title="This file cannot be used" role="alert">
                {fileProblem}
              </Alert>
            )}
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="groups" pt="md">
          <GroupsInput plan={plan} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** Every member of the groups picked, every page of them, once the list is checked. */
function GroupsInput({ plan }: { plan: BulkPlan }) {
  const api = useApi();
  const viewUsers = useCapability('viewUsers');
  const [search, setSearch] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({ ...api.groups.search({ text: debounced, pageSize: 8 }), enabled: debounced !== '', placeholderData: keepPreviousData });
  const picked = new Set(plan.groups.map((group) => group.id));
  return (
    <Stack gap="sm">
      {plan.groups.length > 0 && (
        <Group gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Groups picked">
          {plan.groups.map((group) => (
            <li key={group.id}>
              <Badge
                size="lg"
                variant="light"
                tt="none"
                rightSection={
                  <ActionIcon
                    size="xs"
                    variant="transparent"
                    c="inherit"
                    aria-label={`Remove ${group.name}`}
                    onClick={() => {
                      plan.setGroups(plan.groups.filter((other) => other.id !== group.id));
                      input.current?.focus();
                    }}
                  >
                    <IconX size={12} aria-hidden />
                  </ActionIcon>
                }
              >
                {group.name}
              </Badge>
            </li>
          ))}
        </Group>
      )}
      <TextInput
        ref={input}
        label="Add a group"
        description={viewUsers.allowed ? 'Its members are looked up, every page of them, when you check the list.' : `Listing members needs ${viewUsers.permission}.`}
        placeholder="Search groups by name"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={420}
      />
      <div aria-live="polite">
        {debounced !== '' && found.isError && (
          <ErrorAlert title="Couldn't search groups" error={found.error} onRetry={() => void found.refetch()} retrying={found.isFetching} />
        )}
        {debounced !== '' && found.isSuccess && (found.data.results ?? []).length === 0 && (
          <Text size="sm" c="dimmed">
            No group has “{debounced}” in its name.
          </Text>
        )}
        {debounced !== '' && (found.data?.results ?? []).length > 0 && (
          <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={`Groups matching ${debounced}`}>
            {(found.data?.results ?? []).map((group) => (
              <li key={group.id}>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    disabled={picked.has(group.id)}
                    aria-label={`Add ${group.name ?? group.id}`}
                    onClick={() => {
                      plan.setGroups([...plan.groups, { id: group.id, name: group.name ?? group.id }]);
                      setSearch('');
                      // The results go with the search: focus returns to it, for the next group.
                      input.current?.focus();
                    }}
                  >
                    {group.name ?? group.id}
                  </Button>
                  <Text size="xs" c="dimmed">
                    {picked.has(group.id) ? 'added' : group.memberCount === undefined ? '' : `${group.memberCount} members`}
                  </Text>
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </div>
    </Stack>
  );
}
