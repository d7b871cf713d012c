import { useCallback, useRef, useState } from 'react';
import type {
  NewReflection,
  PlanPageResponse,
  PlanResponse,
  ReflectionResponse,
} from '../../../bot/api/contract';
import type { ActivityStatus } from '../../../core/plan/individualPlan';
import { sendJson } from '../api/apiClient';
import { apiErrorText } from '../plan/apiErrorText';
import { requestFor, type PendingChange } from '../plan/pendingChange';
import { asApiError, type PlanPage } from './usePlanPage';
import { useTranslation } from './useTranslation';

/** Someone saved the plan after the page loaded it: the change waits for the person's choice. */
export interface Conflict {
  change: PendingChange;
  /** The page as stored now; absent while it loads or when it could not be loaded. */
  latest?: PlanPageResponse;
  loadFailed: boolean;
}

/** Where a failure is shown: beside the activity, or in the proposal answer. */
export type ChangeError =
  { scope: 'activity'; activityId: string; message: string } | { scope: 'answer'; message: string };

export type ChangeOutcome = 'saved' | 'conflict' | 'failed';

export interface PlanChanges {
  /** Statuses chosen on the page and not saved yet, by activity id. */
  drafts: Readonly<Record<string, ActivityStatus>>;
  chooseStatus(activityId: string, status: ActivityStatus): void;
  saveStatus(activityId: string): Promise<ChangeOutcome>;
  answer(
    answer: { decision: 'accept' } | { decision: 'request-changes'; comment: string },
  ): Promise<ChangeOutcome>;
  /** Adds a reflection; resolves with the error text when it failed, nothing when saved. */
  addReflection(reflection: NewReflection): Promise<string | undefined>;
  /** One change at a time: each is based on the version the previous one made. */
  busy: boolean;
  /** The change being sent now, if any. */
  inFlight: PendingChange | undefined;
  /** The activity whose status was saved last, until another is chosen: shown as saved. */
  savedActivityId: string | undefined;
  error: ChangeError | undefined;
  conflict: Conflict | undefined;
  /** Makes the waiting change again, on the version stored now. */
  applyMine(): Promise<ChangeOutcome>;
  discardMine(): void;
  /** Tries again to load the stored version after a conflict. */
  reloadLatest(): Promise<void>;
}

/**
 * The employee's changes to their plan page: activity statuses, the answer to a proposal,
 * reflections. Every plan change sends the version the page showed; when someone saved in
 * between (409 version_conflict) the page loads what is stored and keeps the change aside
 * until the person uses or discards it.
 */
export function usePlanChanges(
  page: PlanPage,
  demoUserId: string | undefined,
  announce: (text: string) => void,
): PlanChanges {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Record<string, ActivityStatus>>({});
  const [inFlight, setInFlight] = useState<PendingChange>();
  const [savedActivityId, setSavedActivityId] = useState<string>();
  const [error, setError] = useState<ChangeError>();
  const [conflict, setConflict] = useState<Conflict>();
  // The page as the latest render saw it: a change is always based on what is shown.
  const shown = useRef<PlanPageResponse | undefined>(undefined);
  shown.current = page.resource.status === 'ready' ? page.resource.data : undefined;

  const { refresh, update } = page;

  const chooseStatus = useCallback((activityId: string, status: ActivityStatus) => {
    const stored = shown.current?.plan?.activities.find((a) => a.id === activityId)?.status;
    setDrafts((current) =>
      status === stored ? without(current, activityId) : { ...current, [activityId]: status },
    );
    setError(undefined);
    setSavedActivityId(undefined);
  }, []);

  const submit = useCallback(
    async (change: PendingChange): Promise<ChangeOutcome> => {
      const plan = shown.current?.plan;
      if (!plan) return 'failed';
      const request = requestFor(change, plan);
      setInFlight(change);
      setError(undefined);
      try {
        const saved = await sendJson<PlanResponse>(request.method, request.path, request.body, {
          demoUserId,
        });
        update((current) => ({ ...current, plan: saved.plan }));
        if (change.kind === 'activity-status') {
          forgetDraft(setDrafts, change.activityId);
          setSavedActivityId(change.activityId);
        }
        setConflict(undefined);
        announce(successText(change, t));
        // The history and the cycle follow the save; the page stays as it is meanwhile.
        refresh().catch(() => undefined);
        return 'saved';
      } catch (caught) {
        const apiError = asApiError(caught);
        if (apiError.status === 409 && apiError.code === 'version_conflict') {
          setConflict({ change, loadFailed: false });
          try {
            setConflict({ change, latest: await refresh(), loadFailed: false });
          } catch {
            // The conflict view says the stored version could not be loaded and offers a retry.
            setConflict({ change, loadFailed: true });
          }
          return 'conflict';
        }
        const message = apiErrorText(apiError, t);
        setError(
          change.kind === 'activity-status'
            ? {
                scope: 'activity',
                activityId: change.activityId,
                message: t('tab.plan.activity.saveFailed', { message }),
              }
            : { scope: 'answer', message: t('tab.proposal.failed', { message }) },
        );
        return 'failed';
      } finally {
        setInFlight(undefined);
      }
    },
    [announce, demoUserId, refresh, t, update],
  );

  const saveStatus = useCallback(
    (activityId: string) => {
      const status = drafts[activityId];
      const activity = shown.current?.plan?.activities.find((a) => a.id === activityId);
      if (status === undefined || !activity) return Promise.resolve<ChangeOutcome>('failed');
      return submit({ kind: 'activity-status', activityId, title: activity.title, status });
    },
    [drafts, submit],
  );

  const answer = useCallback(
    (given: { decision: 'accept' } | { decision: 'request-changes'; comment: string }) =>
      submit(
        given.decision === 'accept'
          ? { kind: 'answer', decision: 'accept' }
          : { kind: 'answer', ...given },
      ),
    [submit],
  );

  const applyMine = useCallback(() => {
    if (!conflict) return Promise.resolve<ChangeOutcome>('failed');
    const { change } = conflict;
    // A status chosen again while the conflict showed is the one the person means now.
    const status = change.kind === 'activity-status' ? drafts[change.activityId] : undefined;
    return submit(status && change.kind === 'activity-status' ? { ...change, status } : change);
  }, [conflict, drafts, submit]);

  const discardMine = useCallback(() => {
    if (conflict?.change.kind === 'activity-status') {
      forgetDraft(setDrafts, conflict.change.activityId);
    }
    setConflict(undefined);
    announce(t('tab.conflict.discarded'));
  }, [announce, conflict, t]);

  const reloadLatest = useCallback(async () => {
    if (!conflict) return;
    setConflict((current) => current && { change: current.change, loadFailed: false });
    try {
      const latest = await refresh();
      setConflict((current) => current && { ...current, latest, loadFailed: false });
    } catch {
      setConflict((current) => current && { ...current, loadFailed: true });
    }
  }, [conflict, refresh]);

  const addReflection = useCallback(
    async (reflection: NewReflection): Promise<string | undefined> => {
      try {
        const saved = await sendJson<ReflectionResponse>('POST', '/me/reflections', reflection, {
          demoUserId,
        });
        update((current) => ({
          ...current,
          reflections: [saved.reflection, ...current.reflections],
        }));
        announce(
          t(
            reflection.visibility === 'shared-with-manager'
              ? 'tab.reflections.form.savedShared'
              : 'tab.reflections.form.saved',
          ),
        );
        return undefined;
      } catch (caught) {
        return t('tab.reflections.form.saveFailed', {
          message: apiErrorText(asApiError(caught), t),
        });
      }
    },
    [announce, demoUserId, t, update],
  );

  return {
    drafts,
    chooseStatus,
    saveStatus,
    answer,
    addReflection,
    busy: inFlight !== undefined,
    inFlight,
    savedActivityId,
    error,
    conflict,
    applyMine,
    discardMine,
    reloadLatest,
  };
}

function forgetDraft(
  setDrafts: (
    change: (drafts: Record<string, ActivityStatus>) => Record<string, ActivityStatus>,
  ) => void,
  activityId: string,
): void {
  setDrafts((current) => without(current, activityId));
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([candidate]) => candidate !== key));
}

function successText(change: PendingChange, t: ReturnType<typeof useTranslation>['t']): string {
  if (change.kind === 'activity-status') {
    return t('tab.plan.activity.saved', {
      title: change.title,
      status: t(`tab.plan.activityStatus.${change.status}`),
    });
  }
  return t(change.decision === 'accept' ? 'tab.proposal.accepted' : 'tab.proposal.changesSent');
}
