import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/api.ts';
import { useActor } from '../../auth/identity.ts';
import { useJobs } from '../../jobs/context.ts';
import { resolveLookups, type GroupPick } from '../../jobs/resolve.ts';
import { readSelection, writeSelection, type SelectedUser } from '../../jobs/selection.ts';
import { lookupsOf, planOf, type NamedList, type PlanRow } from './plan.ts';

/** An uploaded file's text, kept apart from what was pasted. */
export interface UploadedList {
  name: string;
  text: string;
}

export type PlanPhase = { kind: 'editing' } | { kind: 'checking'; done: number; total: number } | { kind: 'preview'; plan: PlanRow[] };

const loadParser = () => import('./entries.ts');

/**
 * What the admin is putting together: a pasted list, an uploaded file, groups and the users
 * ticked on the Users page, checked against Genesys into a preview. The pasted text and the
 * reason are kept in this browser as a draft until a run is started, so a reload loses nothing.
 */
export function useBulkPlan() {
  const api = useApi();
  const jobs = useJobs();
  const actor = useActor();
  const draftKey = `${actor.organization?.id ?? ''}:${actor.id ?? ''}`;
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [uploaded, setUploaded] = useState<UploadedList | undefined>(undefined);
  const [groups, setGroups] = useState<GroupPick[]>([]);
  const [selection, setSelection] = useState<SelectedUser[]>(() => readSelection());
  const [phase, setPhase] = useState<PlanPhase>({ kind: 'editing' });
  const [problem, setProblem] = useState<unknown>(undefined);
  const [restored, setRestored] = useState(false);
  const checking = useRef<AbortController | undefined>(undefined);

  // The draft comes back once Genesys has said who the admin is.
  useEffect(() => {
    if (!actor.id || !actor.organization?.id || restored) return;
    void jobs.draft(draftKey).then((draft) => {
      setRestored(true);
      if (!draft) return;
      setText((typed) => typed || draft.text);
      setReason((typed) => typed || draft.reason);
    });
  }, [jobs, draftKey, actor.id, actor.organization?.id, restored]);

  const saveDraft = useDebouncedCallback((nextText: string, nextReason: string) => void jobs.saveDraft(draftKey, nextText, nextReason), 400);

  const edit = (nextText: string, nextReason: string) => {
    setText(nextText);
    setReason(nextReason);
    if (restored) saveDraft(nextText, nextReason);
  };

  const check = async () => {
    setProblem(undefined);
    const controller = new AbortController();
    checking.current = controller;
    setPhase({ kind: 'checking', done: 0, total: 0 });
    try {
      const { parseUserList } = await loadParser();
      const lists: NamedList[] = [];
      if (text.trim()) lists.push({ parsed: parseUserList(text), source: '' });
      if (uploaded) lists.push({ parsed: parseUserList(uploaded.text), source: `${uploaded.name} ` });
      const lookups = lookupsOf(lists, selection);
      const resolutions = await resolveLookups(
        {
          http: api.http,
          clock: jobs.clock,
          pacer: jobs.pacer,
          signal: controller.signal,
          onProgress: (done, total) => {
            if (!controller.signal.aborted) setPhase({ kind: 'checking', done, total });
          },
        },
        lookups,
        groups,
      );
      setPhase({ kind: 'preview', plan: planOf(lists, resolutions, actor.id) });
    } catch (error) {
      setPhase({ kind: 'editing' });
      if (!controller.signal.aborted) setProblem(error);
    } finally {
      checking.current = undefined;
    }
  };

  return {
    text,
    reason,
    uploaded,
    groups,
    selection,
    phase,
    problem,
    setText: (next: string) => edit(next, reason),
    setReason: (next: string) => edit(text, next),
    setUploaded,
    setGroups,
    clearSelection: () => {
      writeSelection([]);
      setSelection([]);
    },
    /** Something to check: a list, a file, a group or a selection. */
    hasInput: text.trim() !== '' || uploaded !== undefined || groups.length > 0 || selection.length > 0,
    check,
    stopChecking: () => checking.current?.abort(),
    backToEditing: () => setPhase({ kind: 'editing' }),
    /** A run was started: the draft and the selection have done their job. */
    started: () => {
      saveDraft.cancel();
      void jobs.saveDraft(draftKey, '', '');
      writeSelection([]);
      setSelection([]);
      setText('');
      setReason('');
      setUploaded(undefined);
      setGroups([]);
      setPhase({ kind: 'editing' });
    },
  };
}

export type BulkPlan = ReturnType<typeof useBulkPlan>;
