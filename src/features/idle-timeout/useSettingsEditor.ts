import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../api/api.ts';
import { isApiError } from '../../api/http.ts';
import type { IdleTokenTimeout, TimeoutUnit } from '../../api/tokens.ts';
import { useActor } from '../../auth/identity.ts';
import { describeChanges } from './changeSummary.ts';
import { saveProblems } from './saveErrors.ts';
import { changeUnit, formProblems, idleTimeoutSchema, newBundleKey, sameSettings, toFormValues, toSettings, type IdleTimeoutValues } from './settingsForm.ts';
import { useGroups } from './useGroupNames.ts';

/** Unsaved edits, kept in this tab so a session that ends (or a reload) does not lose them. */
interface Draft {
  values: IdleTimeoutValues;
  savedAt: number;
}

const draftKey = (orgId: string) => `token-admin:idle-timeout-draft:${orgId}`;

function readDraft(orgId: string | undefined): Draft | undefined {
  if (!orgId) return undefined;
  try {
    const draft = JSON.parse(sessionStorage.getItem(draftKey(orgId)) ?? 'null') as Draft | null;
    return draft && typeof draft.savedAt === 'number' && Array.isArray(draft.values.bundles) ? draft : undefined;
  } catch {
    return undefined;
  }
}

/** A field of the form, by what it belongs to rather than its place: bundles move. */
type FieldId = 'timeout' | `${string}.timeout` | `${string}.groups`;

/**
 * The idle timeout form: server data enters once as its values; the baseline is what the form
 * was loaded with (or last saved), Revert returns to it, and the summary compares with it. A
 * field shows its problem once it was touched or Save was pressed; Genesys' refusals stay by
 * their fields until they are edited.
 */
export function useSettingsEditor(loaded: IdleTokenTimeout) {
  const api = useApi();
  const actor = useActor();
  const queryClient = useQueryClient();
  const orgId = actor.organization?.id;
  const [baseline, setBaseline] = useState(loaded);
  // Edits left unsaved when the session ended (or the tab reloaded) come back, as a draft.
  const [restored, setRestored] = useState(() => {
    const draft = readDraft(orgId);
    return draft && !sameSettings(loaded, toSettings(draft.values)) ? draft : undefined;
  });
  /** Settings someone else saved meanwhile, while the admin has not chosen what to do. */
  const [elsewhere, setElsewhere] = useState<IdleTokenTimeout>();
  const [touched, setTouched] = useState<ReadonlySet<FieldId>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [refused, setRefused] = useState<Partial<Record<FieldId | 'bundles', string>>>({});

  const form = useForm<IdleTimeoutValues>({
    mode: 'controlled',
    initialValues: restored?.values ?? toFormValues(loaded),
    validate: schemaResolver(idleTimeoutSchema, { sync: true }),
  });
  const { values } = form;
  const draft = toSettings(values);
  const dirty = !sameSettings(baseline, draft);
  const problems = formProblems(values);
  const valid = Object.keys(problems).length === 0;

  const allGroupIds = [baseline, draft, elsewhere ?? {}].flatMap((s) => (s.inactivityTimeoutGroupBundles ?? []).flatMap((b) => b.groups));
  const groups = useGroups(allGroupIds);
  /** What saving replaces: Genesys' current settings when they changed meanwhile. */
  const replaced = elsewhere ?? baseline;
  const changes = describeChanges(replaced, draft, groups.nameOf);

  const valuesJson = JSON.stringify(values);
  useEffect(() => {
    if (!orgId) return;
    if (dirty) sessionStorage.setItem(draftKey(orgId), JSON.stringify({ values: JSON.parse(valuesJson) as IdleTimeoutValues, savedAt: Date.now() } satisfies Draft));
    else sessionStorage.removeItem(draftKey(orgId));
  }, [orgId, dirty, valuesJson]);

  const idOf = (path: string): FieldId | 'bundles' | undefined => {
    if (path === 'timeout' || path === 'bundles') return path;
    const match = /^bundles\.(\d+)\.(timeout|groups)$/.exec(path);
    const key = match ? values.bundles[Number(match[1])]?.key : undefined;
    return key && match ? (`${key}.${match[2] as 'timeout' | 'groups'}` as FieldId) : undefined;
  };
  const touch = (id: FieldId) => setTouched((before) => (before.has(id) ? before : new Set([...before, id])));
  const forget = (id: FieldId) =>
    setRefused((before) => (id in before ? Object.fromEntries(Object.entries(before).filter(([field]) => field !== id)) : before));

  /** The message to show under a field, by its form path. */
  const errorAt = (path: string): string | undefined => {
    const id = idOf(path);
    if (!id) return undefined;
    if (refused[id]) return refused[id];
    return attempted || (id !== 'bundles' && touched.has(id)) ? problems[path] : undefined;
  };

  const load = (next: IdleTokenTimeout) => {
    setBaseline(next);
    form.setValues(toFormValues(next));
    form.resetDirty();
    setTouched(new Set());
    setAttempted(false);
    setRefused({});
    setElsewhere(undefined);
    setRestored(undefined);
  };

  const readCurrent = useCallback(() => queryClient.query({ ...api.tokens.timeout(), staleTime: 0 }), [queryClient, api]);

  /** Someone else may have saved since the form was loaded: say so, and let the admin choose. */
  const checkElsewhere = useCallback(async () => {
    const current = await readCurrent();
    const changed = !sameSettings(current, baseline);
    setElsewhere(changed ? current : undefined);
    return changed;
  }, [readCurrent, baseline]);

  // Every Genesys call but a preserveIdleTTL read of tokens/me counts as the admin's activity, so
  // the page must not read the settings just because the tab regained focus. It reads them on the
  // admin's first pointer or key press after returning, which is activity anyway.
  useEffect(() => {
    let returned = false;
    const onReturn = () => {
      if (document.visibilityState === 'visible') returned = true;
    };
    const onInteract = () => {
      if (!returned) return;
      returned = false;
      void checkElsewhere().catch(() => undefined);
    };
    window.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    document.addEventListener('pointerdown', onInteract, true);
    document.addEventListener('keydown', onInteract, true);
    return () => {
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
      document.removeEventListener('pointerdown', onInteract, true);
      document.removeEventListener('keydown', onInteract, true);
    };
  }, [checkElsewhere]);

  const save = useMutation(api.mutations.saveTimeout(actor, `Changed the idle token timeout: ${changes.join('; ') || 'no change'}`));

  /** Sends the draft; a 400 puts Genesys' words by the fields they name. */
  const send = async (signal: AbortSignal) => {
    try {
      const { saved } = await save.mutateAsync({ settings: draft, signal });
      load(saved);
      return saved;
    } catch (error) {
      if (isApiError(error) && error.status === 400) {
        const seconds = (path: string) => {
          const bundle = /^bundles\.(\d+)\.timeout$/.exec(path);
          return bundle ? draft.inactivityTimeoutGroupBundles[Number(bundle[1])]?.timeoutSeconds : draft.idleTokenTimeoutSeconds;
        };
        const byField: Partial<Record<FieldId | 'bundles', string>> = {};
        for (const [path, message] of Object.entries(saveProblems(error.message, error.details, seconds).fields)) {
          const id = idOf(path);
          if (id && id !== 'bundles') byField[id] = message;
        }
        setRefused(byField);
      }
      throw error;
    }
  };

  return {
    form,
    values,
    /** The draft brought back at opening, if any. */
    restored,
    /** The admin leaves without saving: the draft goes too. */
    discardDraft: () => {
      if (orgId) sessionStorage.removeItem(draftKey(orgId));
    },
    baseline,
    draft,
    dirty,
    valid,
    changes,
    replaced,
    groups,
    elsewhere,
    save,
    send,
    errorAt,
    /** Whether a problem shows on the page now (Save then stays disabled until it is corrected). */
    showsProblems: Object.keys(problems).some((path) => errorAt(path) !== undefined) || Object.keys(refused).length > 0,
    /** The first field with a problem, by form path: of those shown, or of all (when Save was just pressed). */
    firstProblem: (all = false) => {
      const shown = Object.keys(problems).find((path) => all || errorAt(path) !== undefined);
      if (shown) return shown;
      const [key, field] = (Object.keys(refused)[0] ?? '').split('.');
      if (key === 'timeout') return 'timeout';
      const index = values.bundles.findIndex((bundle) => bundle.key === key);
      return index >= 0 && field ? `bundles.${index}.${field}` : undefined;
    },
    /** Save was pressed: every problem shows from now on. */
    attempt: () => setAttempted(true),
    checkElsewhere,
    load,
    revert: () => {
      load(baseline);
      save.reset();
    },
    /** Keeping the edits makes their settings the baseline: the summary then shows what saving changes now. */
    keepMine: () => {
      if (elsewhere) setBaseline(elsewhere);
      setElsewhere(undefined);
    },
    setTimeout: (path: 'timeout' | `bundles.${number}.timeout`, value: string) => {
      form.setFieldValue(path, value);
      const id = idOf(path);
      if (id && id !== 'bundles') {
        touch(id);
        forget(id);
      }
    },
    blur: (path: string) => {
      const id = idOf(path);
      if (id && id !== 'bundles') touch(id);
    },
    setUnit: (index: number | undefined, unit: TimeoutUnit) => {
      if (index === undefined) form.setValues(changeUnit(form.getValues(), unit));
      else {
        const bundle = values.bundles[index];
        if (bundle) form.setFieldValue(`bundles.${index}`, changeUnit(bundle, unit));
      }
    },
    setGroups: (index: number, ids: string[]) => {
      form.setFieldValue(`bundles.${index}.groups`, ids);
      const key = values.bundles[index]?.key;
      if (key) {
        touch(`${key}.groups`);
        forget(`${key}.groups`);
      }
    },
    /** Adds a bundle at the lowest priority; returns its key, for focus. */
    addBundle: (): string => {
      const key = newBundleKey();
      form.insertListItem('bundles', { key, timeout: 60, unit: 'Minutes', groups: [] });
      return key;
    },
    moveBundle: (from: number, to: number) => form.reorderListItem('bundles', { from, to }),
    removeBundle: (index: number) => form.removeListItem('bundles', index),
  };
}

export type SettingsEditor = ReturnType<typeof useSettingsEditor>;
