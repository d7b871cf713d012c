import sv from '../../core/i18n/locales/sv.json';
import { useServiceWithConnector } from '../support/serviceWithConnector';
import { ANNA, cardExecute, message, type ActivityOptions } from '../support/teamsActivities';

/**
 * The malformed activities the fuzz tests (tests/fuzz) found answered with a 5xx or a failed
 * turn, kept here as named examples: a client's mistake is a 4xx or a calm answer.
 */

const running = useServiceWithConnector();
let chat: ActivityOptions;

beforeEach(() => {
  running.connector.clear();
  chat = { serviceUrl: running.connector.url, userId: ANNA.id };
});

const post = (activity: unknown) => running.service.postActivity(activity);

describe('activities whose fields have the wrong type', () => {
  it.each([
    ['a locale that is a number', { locale: 42 }],
    ['a text that is a number', { text: 8e-323 }],
    ['entities that are a string', { entities: ' ' }],
    ['an activity id that is an object', { id: { x: 1 } }],
    ['no recipient', { recipient: undefined }],
    ['a conversation id with a line break', { conversation: { id: 'a:1\nx' } }],
    ['a sender name with a NUL', { from: { id: `29:${'x'}`, name: 'a\u0000b' } }],
    ['a service URL that is not http(s)', { serviceUrl: 'ftp://127.0.0.1/' }],
    ['membersAdded that is not a list', { type: 'conversationUpdate', membersAdded: '5z' }],
  ])(
    'when a message has %s, then the answer is 400 invalid_activity and nothing is sent',
    async (_case, fields) => {
      const response = await post({ ...message(chat, 'hjälp'), ...fields });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: { code: 'invalid_activity', message: expect.any(String) },
      });
      expect(running.connector.messages()).toHaveLength(0);
    },
  );
});

describe('invokes the bot does not handle, or cannot read', () => {
  const invoke = (fields: Record<string, unknown>) => ({
    ...message(chat, ''),
    type: 'invoke',
    ...fields,
  });

  it.each(['task/fetch', 'composeExtension/query', 'signin/verifyState', 'no/such-invoke'])(
    'when an invoke named %s arrives, then the answer is 200 with nothing, not botbuilder’s 501',
    async (name) => {
      const response = await post(invoke({ name, value: {} }));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
    },
  );

  it('when an invoke has no name, then the answer is 400', async () => {
    expect((await post(invoke({ value: {} }))).status).toBe(400);
  });

  it.each([
    ['a string', 'x'],
    ['a number', 7],
    ['an action that is null', { action: null }],
    ['an action of another type', { action: { type: 'Action.Submit', verb: 'plan.show' } }],
  ])(
    'when a Universal Action’s value is %s, then Teams gets a 200 carrying a BadRequest it can show',
    async (_case, value) => {
      const response = await post(invoke({ name: 'adaptiveCard/action', value }));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: sv.errors.invalidCardAction },
      });
    },
  );

  it('when a Universal Action’s data is a string, then the click is not understood, calmly', async () => {
    const response = await post({
      ...cardExecute(chat, 'teamPlan.show', {}),
      value: { action: { type: 'Action.Execute', verb: 'teamPlan.show', data: 'abc' } },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { statusCode: number; type: string };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  });
});
