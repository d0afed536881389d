import { Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { GroupPicker } from './GroupPicker.tsx';
import { MAX_BUNDLES } from './settingsForm.ts';
import { TimeoutInput, UnitSelect } from './TimeoutInputs.tsx';
import type { SettingsEditor } from './useSettingsEditor.ts';

/** The one sentence on priority, shown where bundles are edited and used by the explanation panel. */
export const PRIORITY_RULE =
  'Someone in groups of several bundles gets the timeout of the bundle with the lowest priority number (1 beats 2); someone in none of them gets the organisation’s timeout.';

/** Group bundles in priority order (first = priority 1), reordered with buttons so the keyboard can do it. */
export function BundleList({ editor, readOnly }: { editor: SettingsEditor; readOnly: boolean }) {
  const { bundles } = editor.values;
  const timeouts = useRef(new Map<string, HTMLInputElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  // Focus follows what the admin just did: into a new bundle, or with a moved one, once it is drawn.
  const focusNext = useRef<{ key: string; on: 'timeout' | 'up' | 'down' } | undefined>(undefined);
  const setFocusKey = (target: { key: string; on: 'timeout' | 'up' | 'down' }) => {
    focusNext.current = target;
  };
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    const wanted = focusNext.current;
    if (!wanted) return;
    focusNext.current = undefined;
    const target = wanted.on === 'timeout' ? timeouts.current.get(wanted.key) : moveButtons.current.get(`${wanted.key}:${wanted.on}`);
    target?.focus();
  }, [bundles]);

  const takenBy = (index: number) => {
    const owners = new Map<string, number>();
    bundles.forEach((bundle, other) => {
      if (other !== index) for (const id of bundle.groups) owners.set(id, other + 1);
    });
    return owners;
  };

  const { groups } = editor;
  return (
    <Stack gap="sm">
      {groups.error !== undefined && (
        <ErrorAlert
          title={groups.failedCount === 1 ? "Couldn't look up a group's name" : `Couldn't look up the names of ${groups.failedCount} groups`}
          error={groups.error}
          onRetry={groups.retry}
          retrying={groups.retrying}
        />
      )}
      {bundles.length === 0 && (
        <Text size="sm" c="dimmed">
          No group bundles: everyone gets the organisation’s timeout.
        </Text>
      )}
      {bundles.map((bundle, index) => {
        const priorityError = editor.errorAt(`bundles.${index}.priority`);
        return (
          <Fieldset key={bundle.key} legend={`Priority ${index + 1}`} variant="filled" radius="md">
            <Stack gap="sm">
              <Group align="flex-start" gap="sm" wrap="wrap">
                <TimeoutInput
                  path={`bundles.${index}.timeout`}
                  ref={(element) => {
                    if (element) timeouts.current.set(bundle.key, element);
                    else timeouts.current.delete(bundle.key);
                  }}
                  readOnly={readOnly}
                  value={bundle.timeout}
                  error={editor.errorAt(`bundles.${index}.timeout`)}
                  onChange={(value) => editor.setTimeout(`bundles.${index}.timeout`, value)}
                  onBlur={() => editor.blur(`bundles.${index}.timeout`)}
                />
                <UnitSelect readOnly={readOnly} value={bundle.unit} onChange={(unit) => editor.setUnit(index, unit)} />
              </Group>
              <GroupPicker
                path={`bundles.${index}.groups`}
                value={bundle.groups}
                onChange={(ids) => editor.setGroups(index, ids)}
                known={editor.groups.byId}
                takenBy={takenBy(index)}
                error={editor.errorAt(`bundles.${index}.groups`)}
                readOnly={readOnly}
              />
              {priorityError && (
                <Text size="sm" c="red" role="alert">
                  {priorityError}
                </Text>
              )}
              {!readOnly && (
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconArrowUp size={14} aria-hidden />}
                    disabled={index === 0}
                    ref={(element) => {
                      if (element) moveButtons.current.set(`${bundle.key}:up`, element);
                    }}
                    onClick={() => {
                      editor.moveBundle(index, index - 1);
                      setFocusKey({ key: bundle.key, on: index - 1 === 0 ? 'down' : 'up' });
                    }}
                  >
                    Move up
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconArrowDown size={14} aria-hidden />}
                    disabled={index === bundles.length - 1}
                    ref={(element) => {
                      if (element) moveButtons.current.set(`${bundle.key}:down`, element);
                    }}
                    onClick={() => {
                      editor.moveBundle(index, index + 1);
                      setFocusKey({ key: bundle.key, on: index + 1 === bundles.length - 1 ? 'up' : 'down' });
                    }}
                  >
                    Move down
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onClick={() => {
                      editor.removeBundle(index);
                      // The bundle and its buttons are gone: focus goes on to the next one, or to "Add a bundle".
                      const next = bundles[index + 1] ?? bundles[index - 1];
                      if (next) setFocusKey({ key: next.key, on: 'timeout' });
                      else requestAnimationFrame(() => addButton.current?.focus());
                    }}
                  >
                    Remove
                  </Button>
                </Group>
              )}
            </Stack>
          </Fieldset>
        );
      })}
      {editor.errorAt('bundles') && (
        <Text size="sm" c="red" role="alert">
          {editor.errorAt('bundles')}
        </Text>
      )}
      {!readOnly && (
        <Group gap="xs">
          <Button
            ref={addButton}
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={bundles.length >= MAX_BUNDLES}
            onClick={() => setFocusKey({ key: editor.addBundle(), on: 'timeout' })}
          >
            Add a bundle
          </Button>
          {bundles.length >= MAX_BUNDLES && (
            <Text size="sm" c="dimmed">
              Genesys Cloud allows at most {MAX_BUNDLES} bundles.
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
