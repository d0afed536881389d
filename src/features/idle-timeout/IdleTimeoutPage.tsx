import { Alert, Button, Card, Group, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { missingPermission } from '../../api/errors.ts';
import { isApiError } from '../../api/http.ts';
import { putIdleTimeout, tokenQueries, type IdleTokenTimeout } from '../../api/tokens.ts';
import { useIdentity } from '../../auth/identity.ts';
import { hasPermission } from '../../auth/permissions.ts';
import { BusyButton } from '../../ui/BusyButton.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PendingNotice } from '../../ui/PendingNotice.tsx';
import { PermissionNotice } from '../../ui/PermissionNotice.tsx';
import { notify } from '../../ui/notify.tsx';
import { Section } from '../../ui/Section.tsx';
import { BundleList, PRIORITY_RULE } from './BundleList.tsx';
import { describeChanges } from './changeSummary.ts';
import { LeaveGuard } from './LeaveGuard.tsx';
import { LineList } from './LineList.tsx';
import { SaveDialog } from './SaveDialog.tsx';
import { saveProblems } from './saveErrors.ts';
import { TimeoutInput, UnitSelect } from './TimeoutInputs.tsx';
import { changeUnit, idleTimeoutSchema, sameSettings, toFormValues, toSettings, type IdleTimeoutValues } from './settingsForm.ts';
import { useGroups } from './useGroupNames.ts';
import { WhoGetsWhich } from './WhoGetsWhich.tsx';

const ORG_ADMIN = 'directory:organization:admin';

export function IdleTimeoutPage() {
  const settings = useQuery(tokenQueries.timeout());
  const { me } = useIdentity();
  const canEdit = hasPermission(me.data?.authorization?.permissions, ORG_ADMIN);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Idle timeout</Title>
        <Text c="dimmed">
          How long a token may go unused before Genesys Cloud stops accepting it: for the whole organisation, and per group.
        </Text>
      </div>
      {me.data && !canEdit && (
        <PermissionNotice permission={ORG_ADMIN} action="change the idle token timeout">
          <Text size="sm" mt="xs">
            The current settings are shown below, read-only.
          </Text>
        </PermissionNotice>
      )}
      {settings.isPending && (
        <>
          <PendingNotice what="the idle timeout settings" />
          <Skeleton height={320} radius="md" aria-hidden />
        </>
      )}
      {settings.isError && (
        <ErrorAlert title="Couldn't load the idle timeout" error={settings.error} onRetry={() => void settings.refetch()} retrying={settings.isFetching} />
      )}
      {/* Server data enters the form once; later reads are offered, never forced on the admin's edits. */}
      {settings.data && !me.isPending && <SettingsEditor loaded={settings.data} readOnly={!canEdit} />}
    </Stack>
  );
}

/** Genesys' current settings, read because the admin is about to act on them. */
function useReadCurrent() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.query({ ...tokenQueries.timeout(), staleTime: 0 }), [queryClient]);
}

function SettingsEditor({ loaded, readOnly }: { loaded: IdleTokenTimeout; readOnly: boolean }) {
  const queryClient = useQueryClient();
  const readCurrent = useReadCurrent();
  /** What the form was loaded with (or last saved): Revert returns here, the summary compares with it. */
  const [baseline, setBaseline] = useState(loaded);
  /** Settings someone else saved meanwhile, while the admin has not chosen what to do. */
  const [elsewhere, setElsewhere] = useState<IdleTokenTimeout>();
  const [confirming, setConfirming] = useState(false);
  const [checking, setChecking] = useState(false);

  const form = useForm<IdleTimeoutValues>({
    mode: 'controlled',
    initialValues: toFormValues(loaded),
    validate: schemaResolver(idleTimeoutSchema, { sync: true }),
    validateInputOnChange: true,
  });
  const draft = toSettings(form.values);
  const dirty = !sameSettings(baseline, draft);
  const valid = form.isValid();

  // Once edited, every field says what is wrong with it, a bundle just added included, so a
  // disabled Save always has its reason on screen.
  const valuesKey = JSON.stringify(form.values);
  useEffect(() => {
    if (dirty) form.validate();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the values change, not when the form object does
  }, [valuesKey]);

  const allGroupIds = [baseline, draft].flatMap((s) => (s.inactivityTimeoutGroupBundles ?? []).flatMap((b) => b.groups));
  const groups = useGroups(allGroupIds);
  const changes = describeChanges(baseline, draft, groups.nameOf);

  const load = (next: IdleTokenTimeout) => {
    setBaseline(next);
    form.setValues(toFormValues(next));
    form.resetDirty();
    form.clearErrors();
    setElsewhere(undefined);
  };

  const save = useMutation({
    mutationFn: putIdleTimeout,
    meta: { journal: { action: 'change-idle-timeout', summary: `Changed the idle token timeout: ${changes.join('; ') || 'no change'}` } },
    onSuccess: ({ saved }) => {
      queryClient.setQueryData(tokenQueries.timeout().queryKey, saved);
      load(saved);
      notify({ color: 'teal', title: 'Idle timeout saved', message: 'Genesys Cloud applies it to every token from now on.' });
      // tokens/me too: the admin's own token now idles out on the new rule.
      return queryClient.invalidateQueries({ queryKey: tokenQueries.all() });
    },
    onError: (error, sent) => {
      if (!isApiError(error) || error.status !== 400) return;
      const seconds = (path: string) => {
        const bundle = /^bundles\.(\d+)\.timeout$/.exec(path);
        return bundle ? sent.inactivityTimeoutGroupBundles?.[Number(bundle[1])]?.timeoutSeconds : sent.idleTokenTimeoutSeconds;
      };
      form.setErrors(saveProblems(error.message, error.details, seconds).fields);
    },
  });

  /** Someone else may have saved since the form was loaded: say so, and let the admin choose. */
  const checkElsewhere = useCallback(async () => {
    const current = await readCurrent();
    const changed = !sameSettings(current, baseline);
    setElsewhere(changed ? current : undefined);
    return changed;
  }, [readCurrent, baseline]);

  // Every Genesys call but a preserveIdleTTL read of tokens/me counts as the admin's activity, so
  // the app must not read the settings just because the tab regained focus. It reads them on the
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

  const openSave = () => {
    setConfirming(true);
    setChecking(true);
    // Checked again right before the admin confirms, so a save never silently overwrites.
    void checkElsewhere()
      .catch(() => false)
      .finally(() => setChecking(false));
  };

  const confirm = () => {
    setConfirming(false);
    save.mutate(draft);
  };

  const conflict = elsewhere && (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Someone else changed these settings" role="status">
      <Stack gap="xs">
        <Text size="sm">Genesys Cloud’s settings differ from those this page loaded. Your edits stay unless you load theirs.</Text>
        <LineList lines={describeChanges(baseline, elsewhere, groups.nameOf)} />
        <Group gap="xs">
          <Button size="xs" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => load(elsewhere)}>
            Load their settings
          </Button>
          {/* Keeping the edits makes theirs the baseline: the summary then shows what saving changes now. */}
          <Button size="xs" variant="default" onClick={() => { setBaseline(elsewhere); setElsewhere(undefined); }}>
            Keep my edits
          </Button>
        </Group>
      </Stack>
    </Alert>
  );

  const saveError = save.error;
  const general = isApiError(saveError) && saveError.status === 400 ? saveProblems(saveError.message, saveError.details, () => undefined).general : [];

  return (
    <Stack gap="lg">
      <LeaveGuard dirty={dirty && !save.isPending} />
      {!confirming && conflict}
      {saveError && isApiError(saveError) && saveError.status === 403 && (
        <PermissionNotice permission={missingPermission(saveError) ?? ORG_ADMIN} action="save the idle timeout">
          <Text size="sm" mt="xs">
            Genesys Cloud said: {saveError.message}
          </Text>
        </PermissionNotice>
      )}
      {saveError && isApiError(saveError) && saveError.status === 400 && (
        <Alert color="red" variant="light" title="Genesys Cloud refused these settings" role="alert">
          {general.length > 0 ? general.join(' ') : 'See the messages by the fields.'}
        </Alert>
      )}
      {saveError && !(isApiError(saveError) && (saveError.status === 400 || saveError.status === 403)) && (
        <ErrorAlert title="Couldn't save the idle timeout" error={saveError} onRetry={() => save.mutate(save.variables)} retrying={save.isPending} />
      )}

      <form
        onSubmit={form.onSubmit(() => {
          if (dirty && !readOnly) openSave();
        })}
        aria-label="Idle timeout settings"
        noValidate
      >
        <Stack gap="lg">
          <Section title="Organisation">
            {/* A Switch's description sits inside its label and would join its name: said beside it instead. */}
            <Switch label="Enable idle timeout" aria-describedby="enable-idle-help" disabled={readOnly} {...form.getInputProps('enabled', { type: 'checkbox' })} />
            <Text size="xs" c="dimmed" id="enable-idle-help">
              When on, a token not used for this long stops working: its user is signed out and, if on queue, goes off queue. Browser
              sign-ins get no refresh tokens while it is on.
            </Text>
            <Group align="flex-start" gap="sm">
              <TimeoutInput readOnly={readOnly} {...form.getInputProps('timeout')} />
              <UnitSelect readOnly={readOnly} value={form.values.unit} onChange={(unit) => form.setValues(changeUnit(form.getValues(), unit))} />
            </Group>
            <Text size="xs" c="dimmed">
              5 minutes to 8 hours, in whole minutes (or whole hours). Organisations with HIPAA compliance on are capped at 15 minutes.
            </Text>
          </Section>

          <Section title="Per-group timeouts">
            <Switch label="Per-group timeouts" aria-describedby="group-timeouts-help" disabled={readOnly} {...form.getInputProps('groupsEnabled', { type: 'checkbox' })} />
            <Text size="sm" id="group-timeouts-help">
              Give members of some groups their own timeout, in up to 5 bundles. {PRIORITY_RULE}
            </Text>
            {!form.values.groupsEnabled && form.values.bundles.length > 0 && (
              <Text size="sm" c="dimmed">
                Per-group timeouts are off: these bundles are kept but do not apply.
              </Text>
            )}
            <BundleList form={form} groups={groups.byId} readOnly={readOnly} />
          </Section>

          {!readOnly && (
            <Card withBorder radius="md" padding="lg" component="section" aria-label="Save">
              <Stack gap="sm">
                {dirty ? (
                  <LineList title="Unsaved changes" lines={changes} />
                ) : (
                  <Text size="sm" c="dimmed">
                    No unsaved changes.
                  </Text>
                )}
                {save.isPending && <PendingNotice what="the saved settings" />}
                <Group gap="sm">
                  <BusyButton busy={save.isPending} disabled={!dirty || !valid} onClick={() => form.onSubmit(() => openSave())()}>
                    Save
                  </BusyButton>
                  <Button variant="default" disabled={!dirty || save.isPending} onClick={() => { load(baseline); save.reset(); }}>
                    Revert
                  </Button>
                  {dirty && !valid && (
                    <Text size="sm" c="dimmed">
                      Correct the fields marked in red to save.
                    </Text>
                  )}
                </Group>
              </Stack>
            </Card>
          )}
        </Stack>
      </form>

      <WhoGetsWhich saved={baseline} draft={draft} dirty={dirty && valid} />

      <SaveDialog
        opened={confirming}
        before={baseline}
        after={draft}
        nameOf={groups.nameOf}
        checking={checking}
        conflict={conflict}
        onConfirm={confirm}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
