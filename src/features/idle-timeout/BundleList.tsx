import { Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { Group as GenesysGroup } from '../../api/groups.ts';
import { GroupPicker } from './GroupPicker.tsx';
import { MAX_BUNDLES, changeUnit, newBundleKey, type IdleTimeoutValues } from './settingsForm.ts';
import { TimeoutInput, UnitSelect } from './TimeoutInputs.tsx';

/** The one sentence on priority, shown where bundles are edited and used by the explanation panel. */
export const PRIORITY_RULE =
  'Someone in groups of several bundles gets the timeout of the bundle with the lowest priority number (1 beats 2); someone in none of them gets the organisation’s timeout.';

interface BundleListProps {
  form: UseFormReturnType<IdleTimeoutValues>;
  groups: ReadonlyMap<string, GenesysGroup>;
  readOnly: boolean;
}

/** Group bundles in priority order (first = priority 1), reordered with buttons so the keyboard can do it. */
export function BundleList({ form, groups, readOnly }: BundleListProps) {
  const { bundles } = form.values;
  const takenBy = (index: number) => {
    const owners = new Map<string, number>();
    bundles.forEach((bundle, other) => {
      if (other !== index) for (const id of bundle.groups) owners.set(id, other + 1);
    });
    return owners;
  };

  return (
    <Stack gap="sm">
      {bundles.length === 0 && (
        <Text size="sm" c="dimmed">
          No group bundles: everyone gets the organisation’s timeout.
        </Text>
      )}
      {bundles.map((bundle, index) => (
        <Fieldset key={bundle.key} legend={`Priority ${index + 1}`} variant="filled" radius="md">
          <Stack gap="sm">
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TimeoutInput readOnly={readOnly} {...form.getInputProps(`bundles.${index}.timeout`)} />
              <UnitSelect readOnly={readOnly} value={bundle.unit} onChange={(unit) => form.setFieldValue(`bundles.${index}`, changeUnit(bundle, unit))} />
            </Group>
            <GroupPicker
              value={bundle.groups}
              onChange={(ids) => form.setFieldValue(`bundles.${index}.groups`, ids)}
              known={groups}
              takenBy={takenBy(index)}
              error={form.errors[`bundles.${index}.groups`]}
              readOnly={readOnly}
            />
            {form.errors[`bundles.${index}.priority`] && (
              <Text size="sm" c="red" role="alert">
                {form.errors[`bundles.${index}.priority`]}
              </Text>
            )}
            {!readOnly && (
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconArrowUp size={14} aria-hidden />}
                  disabled={index === 0}
                  onClick={() => form.reorderListItem('bundles', { from: index, to: index - 1 })}
                >
                  Move up
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconArrowDown size={14} aria-hidden />}
                  disabled={index === bundles.length - 1}
                  onClick={() => form.reorderListItem('bundles', { from: index, to: index + 1 })}
                >
                  Move down
                </Button>
                <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => form.removeListItem('bundles', index)}>
                  Remove
                </Button>
              </Group>
            )}
          </Stack>
        </Fieldset>
      ))}
      {form.errors.bundles && (
        <Text size="sm" c="red" role="alert">
          {form.errors.bundles}
        </Text>
      )}
      {!readOnly && (
        <Group gap="xs">
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={bundles.length >= MAX_BUNDLES}
            onClick={() => form.insertListItem('bundles', { key: newBundleKey(), timeout: 60, unit: 'Minutes', groups: [] })}
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
