import { FrameContexts, pages } from '@microsoft/teams-js';
import {
  Body1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MeResponse } from '../../../../bot/api/contract';
import { listProfiles } from '../../../../core/profiles/profiles';
import { useApiResource } from '../../hooks/useApiResource';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useTeamsContext } from '../../hooks/useTeamsContext';
import { useTranslation } from '../../hooks/useTranslation';
import {
  TEAM_TAB_ENTITY_ID,
  teamTabSettingsOf,
  teamTabUrl,
  type TeamTabSettings,
} from '../../teamTab';
import { Loading } from '../Loading/Loading';
import { LoadError } from '../LoadError/LoadError';

const useStyles = makeStyles({
  title: { display: 'block', marginBottom: tokens.spacingVerticalM },
  intro: { display: 'block', marginBottom: tokens.spacingVerticalL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/**
 * config.html: the configuration page of the channel tab "Teamets kompetensplan". Inside
 * Teams' settings frame it offers the unit (the one the directory places the person in, and
 * the one a saved tab shows) and the organisation profiles, and saves the tab; anywhere else
 * it explains that it belongs in Teams.
 */
export function ConfigPage() {
  const styles = useStyles();
  const { host } = useTeamsContext();
  const { t } = useTranslation();
  useDocumentTitle(t('tab.config.documentTitle'));
  const inSettings =
    host.kind === 'teams' && host.context.page.frameContext === FrameContexts.settings;

  return (
    <main>
      <Title1 as="h1" className={styles.title}>
        {inSettings ? t('tab.config.title') : t('tab.config.outsideTeamsTitle')}
      </Title1>
      {inSettings ? (
        <TabSettings />
      ) : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('tab.config.tabName')}</MessageBarTitle>
            {t('tab.config.outsideTeams')}
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}

function TabSettings() {
  const styles = useStyles();
  const { t, pick } = useTranslation();
  const me = useApiResource<MeResponse>('/me');
  const profiles = listProfiles();
  const [saved, setSaved] = useState<TeamTabSettings>({});
  const [unitId, setUnitId] = useState<string>();
  const [profileId, setProfileId] = useState<string>();
  const [saveFailed, setSaveFailed] = useState(false);

  // Reconfiguring a tab: start from the unit and profile it was saved with.
  useEffect(() => {
    pages
      .getConfig()
      .then((config) => {
        const settings = teamTabSettingsOf(config.contentUrl);
        setSaved(settings);
        if (settings.unitId) setUnitId((id) => id ?? settings.unitId);
        const known = profiles.some((p) => p.id === settings.profileId);
        if (settings.profileId && known) setProfileId((id) => id ?? settings.profileId);
      })
      .catch(() => undefined); // a new tab has no config yet
  }, [profiles]);

  // The units on offer: the person's own, and the one a saved tab shows if that is another.
  const ownUnitId = me.status === 'ready' ? (me.data.unitId ?? undefined) : undefined;
  const units = [...new Set([ownUnitId, saved.unitId])].filter(
    (id): id is string => id !== undefined,
  );
  const onlyUnit = units.length === 1 ? units[0] : undefined;
  const chosenUnit = unitId ?? onlyUnit;

  // Teams enables Save only once a unit and a profile are chosen.
  const valid = chosenUnit !== undefined && profileId !== undefined;
  useEffect(() => {
    pages.config.setValidityState(valid);
  }, [valid]);

  useEffect(() => {
    if (chosenUnit === undefined || profileId === undefined) return;
    pages.config.registerOnSaveHandler((saveEvent) => {
      const contentUrl = teamTabUrl({ unitId: chosenUnit, profileId });
      pages.config
        .setConfig({
          entityId: TEAM_TAB_ENTITY_ID,
          contentUrl,
          websiteUrl: contentUrl,
          suggestedDisplayName: t('tab.config.tabName'),
        })
        .then(
          () => saveEvent.notifySuccess(),
          () => {
            setSaveFailed(true);
            saveEvent.notifyFailure(t('tab.config.saveFailed'));
          },
        );
    });
  }, [chosenUnit, profileId, t]);

  if (me.status === 'loading') return <Loading label={t('tab.loading')} />;
  if (me.status === 'error') return <LoadError error={me.error} onRetry={me.retry} />;
  const unitLabel = (id: string) =>
    id === ownUnitId
      ? t('tab.config.ownUnit', { unit: id })
      : t('tab.config.savedUnit', { unit: id });

  return (
    <div className={styles.form}>
      <Body1 as="p" className={styles.intro}>
        {t('tab.config.intro')}
      </Body1>
      {units.length === 0 ? (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('tab.config.noUnitTitle')}</MessageBarTitle>
            {t('tab.config.noUnit')}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Field label={t('tab.config.unitLabel')} hint={t('tab.config.unitHint')} required>
          <RadioGroup
            value={chosenUnit ?? ''}
            onChange={(_event, data) => {
              setSaveFailed(false);
              setUnitId(data.value);
            }}
          >
            {units.map((id) => (
              <Radio key={id} value={id} label={unitLabel(id)} />
            ))}
          </RadioGroup>
        </Field>
      )}
      {!me.data.isManager && units.length > 0 ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('tab.config.notManager')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={t('tab.config.profileLabel')} hint={t('tab.config.saveHint')} required>
        <RadioGroup
          value={profileId ?? ''}
          onChange={(_event, data) => {
            setSaveFailed(false);
            setProfileId(data.value);
          }}
        >
          {profiles.map((profile) => (
            <Radio key={profile.id} value={profile.id} label={pick(profile.name)} />
          ))}
        </RadioGroup>
      </Field>
      {saveFailed ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('tab.config.saveFailed')}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
