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
import { listProfiles } from '../../../../core/profiles/profiles';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useTeamsContext } from '../../hooks/useTeamsContext';
import { useTranslation } from '../../hooks/useTranslation';
import { profileIdOf, TEAM_TAB_ENTITY_ID, teamTabUrl } from '../../teamTab';

const useStyles = makeStyles({
  title: { display: 'block', marginBottom: tokens.spacingVerticalM },
  intro: { display: 'block', marginBottom: tokens.spacingVerticalL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/**
 * config.html: the configuration page of the channel tab "Teamets kompetensplan". Inside
 * Teams' settings frame it lists the organisation profiles and saves the tab; anywhere else it
 * explains that it belongs in Teams.
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
        <ProfileChoice />
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

function ProfileChoice() {
  const styles = useStyles();
  const { t, pick } = useTranslation();
  const profiles = listProfiles();
  const [profileId, setProfileId] = useState<string>();
  const [saveFailed, setSaveFailed] = useState(false);

  // Reconfiguring a tab: start from the profile it was saved with.
  useEffect(() => {
    pages
      .getConfig()
      .then((config) => {
        const saved = profileIdOf(config.contentUrl);
        if (saved && profiles.some((p) => p.id === saved)) setProfileId((id) => id ?? saved);
      })
      .catch(() => undefined); // a new tab has no config yet
  }, [profiles]);

  // Teams enables Save only once a profile is chosen.
  useEffect(() => {
    pages.config.setValidityState(profileId !== undefined);
  }, [profileId]);

  useEffect(() => {
    if (profileId === undefined) return;
    pages.config.registerOnSaveHandler((saveEvent) => {
      const contentUrl = teamTabUrl(profileId);
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
  }, [profileId, t]);

  return (
    <div className={styles.form}>
      <Body1 as="p" className={styles.intro}>
        {t('tab.config.intro')}
      </Body1>
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
