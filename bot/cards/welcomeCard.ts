import { Container, OpenUrlAction, TextBlock } from '@microsoft/teams.cards';
import type { AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../core/i18n/i18n';
import { adaptiveCard } from './adaptiveCard';
import { cardButton } from './cardActions';

export type ConversationScope = 'personal' | 'team' | 'groupChat';

export interface WelcomeCardData {
  language: Language;
  scope: ConversationScope;
  /** The person's display name, when the directory knows them. */
  name?: string;
  /** Deep link to the personal tab; only offered in personal scope. */
  myPlanUrl?: string;
}

const PRINCIPLE_KEYS = ['inclusive', 'activating', 'motivating', 'sustainable'] as const;

export function welcomeCard(data: WelcomeCardData): AdaptiveCard {
  const t = translator(data.language);
  if (data.scope !== 'personal') {
    const key = data.scope === 'team' ? 'team' : 'chat';
    return adaptiveCard(
      [
        new TextBlock(t(`welcome.${key}Title`), { style: 'heading', size: 'Large', wrap: true }),
        new TextBlock(t(`welcome.${key}Intro`), { wrap: true }),
        new TextBlock(t('help.teamHint'), { wrap: true, isSubtle: true }),
      ],
      [cardButton(t('actions.showHelp'), { verb: 'runCommand', command: 'help' })],
    );
  }

  const title = data.name
    ? t('welcome.personalTitle', { name: data.name })
    : t('welcome.personalTitleAnonymous');
  const actions = [
    cardButton(
      t('actions.prepare'),
      { verb: 'runCommand', command: 'prepare' },
      { style: 'positive' },
    ),
    cardButton(t('actions.showHelp'), { verb: 'runCommand', command: 'help' }),
  ];
  return adaptiveCard(
    [
      new TextBlock(title, { style: 'heading', size: 'Large', wrap: true }),
      new TextBlock(t('welcome.personalIntro'), { wrap: true }),
      new Container(
        new TextBlock(t('welcome.principlesIntro'), { wrap: true, weight: 'Bolder' }),
        ...PRINCIPLE_KEYS.map(
          (key) => new TextBlock(`• ${t(`principles.${key}`)}`, { wrap: true, spacing: 'Small' }),
        ),
      ).withOptions({ style: 'emphasis', spacing: 'Medium' }),
      new TextBlock(t('welcome.privacy'), { wrap: true, isSubtle: true, size: 'Small' }),
    ],
    data.myPlanUrl
      ? [...actions, new OpenUrlAction(data.myPlanUrl, { title: t('actions.openMyPlan') })]
      : actions,
  );
}
