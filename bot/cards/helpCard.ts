import { Container, TextBlock } from '@microsoft/teams.cards';
import type { AdaptiveCard } from '@microsoft/teams.cards';
import type { CommandId } from '../../core/commands/commands';
import { translator, type Language } from '../../core/i18n/i18n';
import { adaptiveCard } from './adaptiveCard';
import { cardButton } from './cardActions';
import type { ConversationScope } from './welcomeCard';

export interface HelpCardData {
  language: Language;
  scope: ConversationScope;
  /** The commands to list, in order, and whether each already works. */
  commands: ReadonlyArray<{ id: CommandId; available: boolean }>;
}

export function helpCard(data: HelpCardData): AdaptiveCard {
  const t = translator(data.language);
  const rows = data.commands.map(({ id, available }) =>
    new Container(
      new TextBlock(
        `**${t(`commands.${id}.title`)}** · ${available ? t('help.available') : t('help.comingSoon')}`,
        {
          wrap: true,
        },
      ),
      new TextBlock(t(`commands.${id}.description`), {
        wrap: true,
        isSubtle: true,
        spacing: 'None',
      }),
    ).withOptions({ spacing: 'Medium' }),
  );
  const personal = data.scope === 'personal';
  return adaptiveCard(
    [
      new TextBlock(t('help.title'), { style: 'heading', size: 'Large', wrap: true }),
      new TextBlock(t('help.intro'), { wrap: true }),
      ...(personal ? [] : [new TextBlock(t('help.teamHint'), { wrap: true, isSubtle: true })]),
      ...rows,
    ],
    // Preparing is personal: offered where it can start, the personal chat.
    personal ? [cardButton(t('actions.prepare'), { verb: 'runCommand', command: 'prepare' })] : [],
  );
}

/** Buttons for the commands that work now, for cards that suggest a next step. */
export function commandButtons(
  language: Language,
  commands: readonly Exclude<CommandId, 'cancel'>[],
) {
  const t = translator(language);
  return commands.map((command) =>
    cardButton(t(`commands.${command}.title`), { verb: 'runCommand', command }),
  );
}
