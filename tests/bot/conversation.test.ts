import { useServiceWithConnector } from '../support/serviceWithConnector';
import sv from '../../core/i18n/locales/sv.json';
import en from '../../core/i18n/locales/en.json';
import { adaptiveCardProblems, cardTexts } from '../support/adaptiveCards';
import {
  ANNA,
  BOT_ID,
  KARIN,
  cardExecute,
  cardSubmit,
  installationAdded,
  membersAdded,
  message,
  type ActivityOptions,
} from '../support/teamsActivities';

let chat: ActivityOptions;

const running = useServiceWithConnector();

beforeEach(() => {
  running.connector.clear();
  chat = { serviceUrl: running.connector.url, userId: ANNA.id };
});

/** The cards the bot sent, each checked against Adaptive Cards 1.5 on the way. */
function sentCards(): unknown[] {
  return running.connector.messages().flatMap((activity) =>
    (activity.attachments ?? []).map((attachment) => {
      expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(adaptiveCardProblems(attachment.content)).toEqual([]);
      return attachment.content;
    }),
  );
}

async function send(body: unknown): Promise<Response> {
  const response = await running.service.postActivity(body);
  expect(response.status).toBeLessThan(300);
  return response;
}

describe('welcome', () => {
  it('when Anna installs the app, then she gets one valid welcome card that greets her by name', async () => {
    await send(installationAdded(chat));
    const cards = sentCards();
    expect(cards).toHaveLength(1);
    expect(cardTexts(cards[0])).toContain(`Välkommen till Kompetensdialog, ${ANNA.displayName}!`);
  });

  it('when Teams repeats the install events on every page load, then the welcome is not repeated', async () => {
    const user = { ...chat, userId: KARIN.id };
    await send(installationAdded(user));
    await send(membersAdded(user, [`29:${KARIN.id}`, BOT_ID]));
    await send(installationAdded(user));
    expect(sentCards()).toHaveLength(1);
  });

  it('when both install events arrive at the same moment, then exactly one welcome is sent', async () => {
    const user = { ...chat, userId: '00000000-0000-4000-8000-000000000099' };
    await Promise.all([
      send(installationAdded(user)),
      send(membersAdded(user, [BOT_ID])),
      send(installationAdded(user)),
    ]);
    const cards = sentCards();
    expect(cards).toHaveLength(1);
    // Someone the directory does not know is still welcomed, without a name.
    expect(cardTexts(cards[0])).toContain(sv.welcome.personalTitleAnonymous);
  });

  it('when the bot is added to a team, then the channel gets one welcome, and members who join later get none', async () => {
    const channel: ActivityOptions = {
      serviceUrl: running.connector.url,
      scope: 'channel',
      conversationId: '19:general-akuten@thread.tacv2',
      teamId: '19:team-akuten@thread.tacv2',
    };
    await send(membersAdded(channel, [BOT_ID]));
    await send(membersAdded(channel, ['29:a', '29:b', '29:c', '29:d', '29:e']));
    await send(installationAdded(channel));
    const cards = sentCards();
    expect(cards).toHaveLength(1);
    expect(cardTexts(cards[0])).toContain(sv.welcome.teamTitle);
  });

  it('when the Bot Connector fails while sending the welcome, then the next install event sends it', async () => {
    const user = { ...chat, userId: '00000000-0000-4000-8000-000000000098' };
    // 403 is not retried by the connector client (5xx are, and would succeed on retry).
    running.connector.injectFaults({
      status: 403,
      body: { error: { code: 'BotNotInConversationRoster' } },
    });
    await running.service.postActivity(installationAdded(user));
    expect(sentCards()).toHaveLength(0);

    await send(installationAdded(user));
    expect(sentCards()).toHaveLength(1);
  });
});

describe('help and commands', () => {
  it.each([['hjälp'], ['HJÄLP!'], ['  hjälp  '], ['help'], ['vad kan du göra?']])(
    'when Anna writes "%s", then she gets the help card in Swedish',
    async (text) => {
      await send(message(chat, text));
      const cards = sentCards();
      expect(cards).toHaveLength(1);
      expect(cardTexts(cards[0])).toContain(sv.help.title);
    },
  );

  it('when the Teams client is in English, then help answers in English', async () => {
    await send(message({ ...chat, locale: 'en-US' }, 'help'));
    expect(cardTexts(sentCards()[0])).toContain(en.help.title);
  });

  it('when someone @mentions the bot in a channel with "hjälp", then the channel gets help', async () => {
    const channel: ActivityOptions = {
      serviceUrl: running.connector.url,
      scope: 'channel',
      conversationId: '19:general-akuten@thread.tacv2',
    };
    await send({
      ...message(channel, '<at>Kompetensdialog</at> hjälp'),
      entities: [
        {
          type: 'mention',
          text: '<at>Kompetensdialog</at>',
          mentioned: { id: BOT_ID, name: 'Kompetensdialog' },
        },
      ],
    });
    const texts = cardTexts(sentCards()[0]);
    expect(texts).toContain(sv.help.title);
    expect(texts).toContain(sv.help.teamHint);
  });

  it('when Anna writes something the bot does not understand, then she is told so and offered help — never silence', async () => {
    await send(message(chat, 'blorpf kvack 42'));
    const cards = sentCards();
    expect(cards).toHaveLength(1);
    const texts = cardTexts(cards[0]);
    expect(texts).toContain(sv.notUnderstood.title);
    expect(texts).toContain(sv.commands.help.title);
  });

  it('when Anna writes "påminnelser", then her reminder settings open', async () => {
    await send(message(chat, 'påminnelser'));
    expect(cardTexts(sentCards()[0])).toContain(sv.reminders.settings.title);
  });

  it('when Anna writes "avbryt" with nothing going on, then she is told there is nothing to cancel', async () => {
    await send(message(chat, 'avbryt'));
    expect(running.connector.messages().map((m) => m.text)).toEqual([sv.nothingToCancel]);
  });
});

describe('card buttons', () => {
  it('when Anna presses "Visa hjälp" (Action.Execute), then the card is replaced by the help card', async () => {
    const response = await send(cardExecute(chat, 'runCommand', { command: 'help' }));
    const body = (await response.json()) as { statusCode: number; type: string; value: unknown };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(adaptiveCardProblems(body.value)).toEqual([]);
    expect(cardTexts(body.value)).toContain(sv.help.title);
  });

  it('when a host without Universal Actions sends the Action.Submit fallback, then the help card arrives as a message', async () => {
    await send(cardSubmit(chat, { verb: 'runCommand', command: 'help' }));
    expect(cardTexts(sentCards()[0])).toContain(sv.help.title);
  });

  it.each([
    ['an unknown verb', 'deleteEverything', {}],
    ['a command that does not exist', 'runCommand', { command: 'rm -rf' }],
    ['no data at all', 'runCommand', undefined],
  ])(
    'when a card sends %s, then the answer is a friendly card, not an error',
    async (_case, verb, data) => {
      const response = await send(cardExecute(chat, verb, data));
      const body = (await response.json()) as { statusCode: number; value: unknown };
      expect(body.statusCode).toBe(200);
      expect(cardTexts(body.value)).toContain(sv.notUnderstood.title);
    },
  );
});

describe('malformed requests to /api/messages', () => {
  it.each([
    ['invalid JSON', '{"type": "message",', 400, 'invalid_json'],
    ['a JSON array', '[1,2,3]', 400, 'invalid_activity'],
    ['an activity without a type', '{"text":"hej"}', 400, 'invalid_activity'],
    ['a type that is not a string', '{"type": 42}', 400, 'invalid_activity'],
    [
      'a body over the size limit',
      JSON.stringify({ type: 'message', text: 'x'.repeat(300_000) }),
      413,
      'too_large',
    ],
  ])(
    'when the body is %s, then the answer is %i with a clear error code',
    async (_case, raw, status, code) => {
      const response = await running.service.postActivity(undefined, { raw });
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ error: { code, message: expect.any(String) } });
    },
  );

  it('when an activity type is unknown to Teams, then nothing breaks and nothing is sent', async () => {
    const response = await running.service.postActivity({
      ...message(chat, 'x'),
      type: 'somethingNew',
    });
    expect(response.status).toBeLessThan(500);
    expect(running.connector.messages()).toHaveLength(0);
  });
});
