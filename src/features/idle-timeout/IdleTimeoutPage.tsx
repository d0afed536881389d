import { Alert, Button, Card, Group, Stack, Switch, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useApi } from '../../api/api.ts';
import { useCapability } from '../../auth/capabilities.ts';
import { useIdentity } from '../../auth/identity.ts';
import { forgetInterrupted, readInterrupted } from '../../auth/interrupted.ts';
import { BusyButton } from '../../ui/BusyButton.tsx';
import { LeaveGuard } from '../../ui/LeaveGuard.tsx';
import { useNotify } from '../../ui/notify.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { PermissionNotice } from '../../ui/PermissionNotice.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { Section } from '../../ui/Section.tsx';
import type { IdleTokenTimeout } from '../../api/tokens.ts';
import { BundleList, PRIORITY_RULE } from './BundleList.tsx';
import { ChangedElsewhere } from './ChangedElsewhere.tsx';
import classes from './IdleTimeoutPage.module.css';
import { LineList } from './LineList.tsx';
import { idleTimeoutLook } from './look.ts';
import { SaveDialog } from './SaveDialog.tsx';
import { TimeoutInput, UnitSelect } from './TimeoutInputs.tsx';
import { useSettingsEditor } from './useSettingsEditor.ts';
import { WhoGetsWhich } from './WhoGetsWhich.tsx';

export function IdleTimeoutPage() {
  const api = useApi();
  const settings = useQuery(api.tokens.timeout());
  const { me } = useIdentity();
  const change = useCapability('changeIdleTimeout');
  return (
    <Stack gap="lg">
      <div>
        <IdleTimeoutHeading settings={settings.data} />
        <Text size="sm" c="dimmed" mt={4}>
          How long a token may go unused before Genesys Cloud stops accepting it: for the whole organisation, and per group.
        </Text>
      </div>
      {change.known && !change.allowed && (
        <PermissionNotice permission={change.permission} action={change.action}>
          <Text size="sm" mt="xs">
            The current settings are shown below, read-only.
          </Text>
        </PermissionNotice>
      )}
      <QueryState query={settings} what="the idle timeout settings" errorTitle="Couldn't load the idle timeout" skeleton={320}>
        {/* Server data enters the form once; later reads are offered, never forced on the admin's edits. */}
        {(loaded) => !me.isPending && <SettingsEditor loaded={loaded} readOnly={!change.allowed} />}
      </QueryState>
    </Stack>
  );
}

/** The settings as they are on Genesys Cloud (not as being edited), once loaded. */
function IdleTimeoutHeading({ settings }: { settings: IdleTokenTimeout | undefined }) {
  if (!settings) return <PageHeading title="Idle timeout" lead="The organisation's idle token timeout, as Genesys Cloud has it." />;
  return <PageHeading look={idleTimeoutLook(settings)} />;
}

/** Brings a field into view and focuses it, by its form path. */
function focusField(form: HTMLFormElement | null, path: string | undefined) {
  const field = path ? form?.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`) : undefined;
  field?.scrollIntoView({ block: 'center' });
  field?.focus();
}

function SettingsEditor({ loaded, readOnly }: { loaded: IdleTokenTimeout; readOnly: boolean }) {
  const editor = useSettingsEditor(loaded);
  const notify = useNotify();
  const formRef = useRef<HTMLFormElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [checking, setChecking] = useState(false);
  const { values, dirty, valid, save } = editor;
  // A save the session's end cut short: said once, then forgotten.
  const [interruptedSave] = useState(() => {
    const found = readInterrupted().some((change) => change.action === 'change-idle-timeout');
    if (found) forgetInterrupted('change-idle-timeout');
    return found;
  });
  // Loading their settings, or saving, leaves nothing to confirm.
  if (confirming && !dirty) setConfirming(false);

  const openSave = () => {
    if (!dirty || readOnly) return;
    editor.attempt();
    if (!valid) {
      // Every problem shows now; the first one is brought to the admin.
      const first = editor.firstProblem(true);
      requestAnimationFrame(() => focusField(formRef.current, first));
      return;
    }
    save.reset();
    setConfirming(true);
    setChecking(true);
    // Checked again right before the admin confirms, so a save never silently overwrites.
    void editor
      .checkElsewhere()
      .catch(() => false)
      .finally(() => setChecking(false));
  };

  return (
    <Stack gap="lg">
      <LeaveGuard dirty={dirty && !save.isPending} what="Your changes to the idle timeout" onLeave={editor.discardDraft} />
      {editor.restored && dirty && (
        <Alert color="blue" variant="light" icon={<IconRestore aria-hidden />} title="Your unsaved changes are back" role="status">
          <Text size="sm">
            {interruptedSave
              ? 'Your save did not go through: your session ended before Genesys Cloud answered, so nothing was changed. '
              : ''}
            The changes you had not saved when you left this page are filled in below. Save them, or Revert to Genesys Cloud&apos;s settings.
          </Text>
        </Alert>
      )}
      {!confirming && <ChangedElsewhere editor={editor} />}

      <form
        ref={formRef}
        onSubmit={(event) => {
          event.preventDefault();
          openSave();
        }}
        aria-label="Idle timeout settings"
        noValidate
      >
        <Stack gap="lg">
          <Section title="Organisation">
            {/* A Switch's description sits inside its label and would join its name: said beside it instead. */}
            <Switch
              label="Enable idle timeout"
              aria-describedby="enable-idle-help"
              disabled={readOnly}
              {...editor.form.getInputProps('enabled', { type: 'checkbox' })}
            />
            <Text size="xs" c="dimmed" id="enable-idle-help">
              When on, a token not used for this long stops working: its user is signed out and, if on queue, goes off queue. Browser
              sign-ins get no refresh tokens while it is on.
            </Text>
            <Group align="flex-start" gap="sm">
              <TimeoutInput
                path="timeout"
                readOnly={readOnly}
                value={values.timeout}
                error={editor.errorAt('timeout')}
                onChange={(value) => editor.setTimeout('timeout', value)}
                onBlur={() => editor.blur('timeout')}
              />
              <UnitSelect readOnly={readOnly} value={values.unit} onChange={(unit) => editor.setUnit(undefined, unit)} />
            </Group>
            <Text size="xs" c="dimmed">
              5 minutes to 8 hours, in whole minutes (or whole hours). Organisations with HIPAA compliance on are capped at 15 minutes.
            </Text>
          </Section>

          <Section title="Per-group timeouts">
            <Switch
              label="Per-group timeouts"
              aria-describedby="group-timeouts-help"
              disabled={readOnly}
              {...editor.form.getInputProps('groupsEnabled', { type: 'checkbox' })}
            />
            <Text size="sm" id="group-timeouts-help">
              Give members of some groups their own timeout, in up to 5 bundles. {PRIORITY_RULE}
            </Text>
            {!values.groupsEnabled && values.bundles.length > 0 && (
              <Text size="sm" c="dimmed">
                Per-group timeouts are off: these bundles are kept but do not apply.
              </Text>
            )}
            <BundleList editor={editor} readOnly={readOnly} />
          </Section>

          {!readOnly && (
            // Stays in view at the bottom of the window while the form is edited.
            <Card withBorder radius="md" padding="md" component="section" aria-label="Save" className={classes.saveBar}>
              <Stack gap="sm">
                {dirty ? (
                  <LineList title="Unsaved changes" lines={editor.changes} />
                ) : (
                  <Text size="sm" c="dimmed">
                    No unsaved changes.
                  </Text>
                )}
                <Group gap="sm">
                  <BusyButton busy={save.isPending} disabled={!dirty || editor.showsProblems} onClick={openSave}>
                    Save
                  </BusyButton>
                  <Button variant="default" disabled={!dirty || save.isPending} onClick={editor.revert}>
                    Revert
                  </Button>
                  {dirty && editor.showsProblems && (
                    <Text size="sm" c="dimmed" role="status">
                      Correct the fields marked in red to save.
                    </Text>
                  )}
                </Group>
              </Stack>
            </Card>
          )}
        </Stack>
      </form>

      <WhoGetsWhich saved={editor.baseline} draft={editor.draft} dirty={dirty && valid} />

      <SaveDialog
        editor={editor}
        opened={confirming}
        checking={checking}
        onClose={() => setConfirming(false)}
        onSaved={() => {
          setConfirming(false);
          notify({ color: 'teal', title: 'Idle timeout saved', message: 'Genesys Cloud applies it to every token from now on.' });
        }}
        afterClose={() => {
          if (editor.save.isError) focusField(formRef.current, editor.firstProblem());
        }}
      />
    </Stack>
  );
}
