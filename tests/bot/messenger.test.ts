import { useServiceWithConnector } from '../support/serviceWithConnector';
import { adaptiveCardProblems } from '../support/adaptiveCards';
import {
  ANNA,
  KARIN,
  installationAdded,
  message,
  type ActivityOptions,
} from '../support/teamsActivities';

const notice = {
  card: {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: 'Hej Karin', wrap: true }],
  },
  fallbackText: 'Hej Karin',
};

const running = useServiceWithConnector();

beforeEach(() => running.connector.clear());

const personalChat = (userId: string): ActivityOptions => ({
  serviceUrl: running.connector.url,
  userId,
});

describe('proactive messages to a personal chat', () => {
  it('when Karin has opened her chat with the bot, then a card can be sent to her later, in that chat', async () => {
    await running.service.postActivity(installationAdded(personalChat(KARIN.id)));
    running.connector.clear();

    expect(await running.service.messenger.sendToPerson(KARIN.id, notice)).toEqual({
      status: 'delivered',
    });
    const [sent] = running.connector.received;
    expect(sent?.conversationId).toBe(`a:personal-${KARIN.id}`);
    const card = sent?.activity.attachments?.[0]?.content;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(sent?.activity.summary).toBe('Hej Karin');
  });

  it('when someone never opened a chat with the bot, then nothing is sent and the caller is told so', async () => {
    expect(
      await running.service.messenger.sendToPerson('00000000-0000-4000-8000-0000000000aa', notice),
    ).toEqual({
      status: 'not-installed',
    });
    expect(running.connector.received).toHaveLength(0);
  });

  it('when Teams says the user blocked the bot (403), then the chat is forgotten and later sends do not try', async () => {
    await running.service.postActivity(message(personalChat(ANNA.id), 'hjälp'));
    running.connector.clear();
    running.connector.injectFaults({
      status: 403,
      body: { error: { code: 'ConversationBlockedByUser' } },
    });

    expect(await running.service.messenger.sendToPerson(ANNA.id, notice)).toEqual({
      status: 'unreachable',
      reason: 'Teams answered 403',
    });
    expect(await running.service.messenger.sendToPerson(ANNA.id, notice)).toEqual({
      status: 'not-installed',
    });
  });

  it('when the person writes again after that, then the chat is remembered again', async () => {
    await running.service.postActivity(message(personalChat(ANNA.id), 'hjälp'));
    running.connector.clear();
    expect(await running.service.messenger.sendToPerson(ANNA.id, notice)).toEqual({
      status: 'delivered',
    });
  });

  it('when the app is uninstalled, then the chat is forgotten', async () => {
    const user = '00000000-0000-4000-8000-0000000000bb';
    await running.service.postActivity(installationAdded(personalChat(user)));
    await running.service.postActivity({
      ...installationAdded(personalChat(user)),
      action: 'remove',
    });
    expect(await running.service.messenger.sendToPerson(user, notice)).toEqual({
      status: 'not-installed',
    });
  });
});
