import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { TeamPlanPageResponse } from '../../../../bot/api/contract';
import { ApiError, getJson, sendJson } from '../../api/apiClient';
import { useDemoUser } from '../../hooks/useDemoUser';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useTeamsContext } from '../../hooks/useTeamsContext';
import { useTranslation } from '../../hooks/useTranslation';
import { teamTabSettingsOf } from '../../teamTab';
import { DemoUserSwitcher } from '../DemoUserSwitcher/DemoUserSwitcher';
import { EmptyState } from '../EmptyState/EmptyState';
import { Loading } from '../Loading/Loading';
import { LoadError } from '../LoadError/LoadError';
import { findProfile, profileNames } from './profileNames';
import { TeamPlanConflict } from './TeamPlanConflict';
import { changeOf, draftOf, type TeamPlanDraft } from './teamPlanDraft';
import { TeamPlanEditor } from './TeamPlanEditor';
import { TeamPlanView } from './TeamPlanView';
import { teamPlanPath, useTeamPlanPage, type TeamPlanPageState } from './useTeamPlanPage';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalXL,
  },
  title: { display: 'block', marginBottom: tokens.spacingVerticalS },
  subtitle: { display: 'block' },
  notice: { marginBottom: tokens.spacingVerticalXL },
});

/** The page's address as a value React can watch: the settings travel in its hash. */
function subscribeToAddress(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}
const currentAddress = () => window.location.href;

type Mode =
  | { kind: 'view'; saved?: boolean }
  | {
      kind: 'edit';
      draft: TeamPlanDraft;
      /** The page the edit began from: its plan's version is what the save expects. */
      base: TeamPlanPageResponse;
      saving: boolean;
      error?: ApiError;
    }
  | { kind: 'conflict'; draft: TeamPlanDraft; stored: TeamPlanPageState };

/**
 * The channel tab "Teamets kompetensplan" (index.html#/team?unit=…&profile=…): the unit's
 * team plan, the same for every member of the channel. Only the unit's manager (the API says
 * so with canEdit) gets the edit mode; a save that meets someone else's newer save keeps the
 * manager's edit and shows both.
 */
export default function TeamPage() {
  const styles = useStyles();
  const { t, language, pick } = useTranslation();
  const { host } = useTeamsContext();
  const demoUser = useDemoUser();
  const inBrowser = host.kind === 'browser';
  const demoUserId = inBrowser ? demoUser : undefined;
  const address = useSyncExternalStore(subscribeToAddress, currentAddress);
  const { unitId, profileId } = useMemo(() => teamTabSettingsOf(address), [address]);
  const page = useTeamPlanPage(unitId, demoUserId);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const editButton = useRef<HTMLButtonElement>(null);
  const [focusEditButton, setFocusEditButton] = useState(false);
  useDocumentTitle(t('tab.team.documentTitle'));

  const data = page.state.status === 'ready' ? page.state.data : undefined;
  // The unit's profile as the API says; the one the tab was configured with until it answers.
  const profile = findProfile(data?.profileId ?? profileId);
  const names = useMemo(() => profileNames(profile, language), [profile, language]);

  useEffect(() => {
    if (!focusEditButton || mode.kind !== 'view') return;
    editButton.current?.focus();
    setFocusEditButton(false);
  }, [focusEditButton, mode.kind]);

  const backToView = (saved = false) => {
    setMode({ kind: 'view', saved });
    setFocusEditButton(true);
  };

  const loadStored = (draft: TeamPlanDraft) => {
    if (!unitId) return;
    setMode({ kind: 'conflict', draft, stored: { status: 'loading' } });
    getJson<TeamPlanPageResponse>(teamPlanPath(unitId), { demoUserId }).then(
      (stored) => setMode({ kind: 'conflict', draft, stored: { status: 'ready', data: stored } }),
      (error: unknown) =>
        setMode({
          kind: 'conflict',
          draft,
          stored: {
            status: 'error',
            error: error instanceof ApiError ? error : new ApiError(0, 'network', ''),
          },
        }),
    );
  };

  const save = () => {
    if (mode.kind !== 'edit' || !unitId) return;
    const { draft, base } = mode;
    setMode({ ...mode, saving: true, error: undefined });
    const change = changeOf(draft, base.teamPlan?.version ?? 0);
    sendJson<TeamPlanPageResponse>('PUT', teamPlanPath(unitId), change, { demoUserId }).then(
      (saved) => {
        page.replace(saved);
        backToView(true);
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 409) {
          loadStored(draft);
          return;
        }
        setMode({
          kind: 'edit',
          draft,
          base,
          saving: false,
          error: error instanceof ApiError ? error : new ApiError(0, 'network', ''),
        });
      },
    );
  };

  const header = (
    <div className={styles.header}>
      <div>
        <Title1 as="h1" className={styles.title}>
          {t('tab.team.title')}
        </Title1>
        {data ? (
          <Body1 as="p" className={styles.subtitle}>
            {t('tab.team.year', { year: data.year })}
          </Body1>
        ) : null}
        {profile ? (
          <Body1 as="p" className={styles.subtitle}>
            {t('tab.team.profile', { profile: pick(profile.name) })}
          </Body1>
        ) : null}
      </div>
      {data?.canEdit && mode.kind === 'view' ? (
        <Button
          ref={editButton}
          appearance="primary"
          onClick={() =>
            setMode({ kind: 'edit', draft: draftOf(data.teamPlan), base: data, saving: false })
          }
        >
          {data.teamPlan ? t('tab.team.edit.start') : t('tab.team.edit.write')}
        </Button>
      ) : null}
    </div>
  );

  return (
    <>
      {inBrowser ? <DemoUserSwitcher /> : null}
      <main>
        {header}
        {!unitId ? (
          <EmptyState message={t('tab.team.noUnit.title')} hint={t('tab.team.noUnit.body')} />
        ) : page.state.status === 'loading' ? (
          <Loading label={t('tab.team.loading')} />
        ) : page.state.status === 'error' ? (
          page.state.error.status === 404 ? (
            <EmptyState message={t('tab.team.notFound.title')} hint={t('tab.team.notFound.body')} />
          ) : (
            <LoadError error={page.state.error} onRetry={page.retry} />
          )
        ) : mode.kind === 'edit' ? (
          <TeamPlanEditor
            year={mode.base.year}
            basePlan={mode.base.teamPlan}
            draft={mode.draft}
            names={names}
            saving={mode.saving}
            saveError={mode.error ? <SaveError error={mode.error} /> : undefined}
            onChange={(draft) =>
              setMode((current) => (current.kind === 'edit' ? { ...current, draft } : current))
            }
            onSave={save}
            onCancel={() => backToView()}
          />
        ) : mode.kind === 'conflict' ? (
          <TeamPlanConflict
            mine={mode.draft}
            stored={mode.stored}
            names={names}
            onRetry={() => loadStored(mode.draft)}
            onKeepEditing={(stored) => {
              page.replace(stored);
              setMode({ kind: 'edit', draft: mode.draft, base: stored, saving: false });
            }}
            onDiscard={(stored) => {
              page.replace(stored);
              backToView();
            }}
          />
        ) : (
          <>
            {mode.saved ? (
              <MessageBar intent="success" role="status" className={styles.notice}>
                <MessageBarBody>{t('tab.team.edit.saved')}</MessageBarBody>
              </MessageBar>
            ) : null}
            <TeamPlanView data={page.state.data} names={names} />
          </>
        )}
      </main>
    </>
  );
}

/** Why a save failed, in the page's language; the form keeps everything typed. */
function SaveError({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const detail =
    error.status === 403
      ? t('tab.team.edit.forbidden')
      : error.status === 400
        ? t('tab.team.edit.invalid')
        : t('tab.team.edit.saveFailed');
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('tab.team.edit.notSaved')}</MessageBarTitle>
        {detail}
      </MessageBarBody>
    </MessageBar>
  );
}
