import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';

/**
 * The baseline of the bot benchmark: the least a botbuilder bot does for a card action.
 * Same adapter (CloudAdapter, emulator mode: no token checks), same HTTP stack (express 5
 * with express.json()), same answer shape (an Adaptive Card in the invoke response) as the
 * service, and nothing else — no storage, no validation, no middleware.
 */
class EchoBot extends ActivityHandler {
  protected override async onAdaptiveCardInvoke(
    _context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: `echo: ${invokeValue.action?.verb ?? ''}` }],
      },
    };
  }
}

export interface RunningEchoBot {
  url: string;
  stop(): Promise<void>;
}

/** Starts the echo bot on a free loopback port. */
export async function startEchoBot(): Promise<RunningEchoBot> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new EchoBot();
  const app = express();
  app.post('/api/messages', express.json(), async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
