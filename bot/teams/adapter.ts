import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ShowTypingMiddleware,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { languageOf, translator } from '../../core/i18n/i18n';
import type { Config } from '../config';
import { failureText } from '../errorMessages';
import type { Logger } from '../logger';

/**
 * The Bot Framework adapter. Without credentials it runs in emulator mode (no token checks),
 * which config only allows outside production.
 */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = config.bot
    ? {
        MicrosoftAppId: config.bot.appId,
        MicrosoftAppPassword: config.bot.appPassword ?? '',
        MicrosoftAppType: config.bot.appType,
        MicrosoftAppTenantId: config.bot.tenantId,
      }
    : {};
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));

  // A typing indicator when a turn takes longer than half a second.
  adapter.use(new ShowTypingMiddleware(500, 2000));

  adapter.onTurnError = async (context, error) => {
    logger.error(
      {
        err: error,
        activityType: context.activity.type,
        conversationType: context.activity.conversation?.conversationType,
      },
      'unhandled error in a turn',
    );
    // Only a message can be answered with a message; invokes get their error in the response.
    if (context.activity.type === 'message') {
      const t = translator(languageOf(context.activity.locale));
      await context.sendActivity(failureText(t, error)).catch((sendError: unknown) => {
        logger.error({ err: sendError }, 'could not tell the user about the error');
      });
    }
  };
  return adapter;
}
