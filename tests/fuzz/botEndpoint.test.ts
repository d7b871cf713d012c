import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { CardActionSchema } from '../../bot/cards/cardActions';
import { COMMAND_IDS } from '../../core/commands/commands';
import { PREPARATION_STEPS } from '../../core/preparation/template';
import en from '../../core/i18n/locales/en.json';
import sv from '../../core/i18n/locales/sv.json';
import { EntityIdSchema } from '../../core/shared/schemas';
import demoOrganisation from '../../bot/demo/demoOrganisation.json';
import { FakeBotConnector } from '../fakes/botConnector';
import { startTestService, type TestService } from '../support/inProcessService';
import {
  ANNA,
  KARIN,
  cardExecute,
  installationAdded,
  message,
  type ActivityOptions,
} from '../support/teamsActivities';
import { snapshotDatabase, type DatabaseSnapshot } from './databaseSnapshot';
import { anyString, garbage, garbageOrMissing, hugeString, nastyString } from './garbage';
import { fuzzParameters, LONG_RUN } from './fuzzSettings';
import { heapGrowthOver } from './heapGrowth';
import { rawHttpExchange, sendWithOneRetryOnReset, showsInternals } from './httpProbes';

/**
 * Malformed Bot Framework activities, by the thousand, against the real service in this
 * process. Whatever arrives, the bot answers below 500, never shows a stack trace, keeps
 * answering, changes no stored data and does not grow its heap batch by batch.
 */

// Thousands of requests on a loaded machine; the long run (`npm run fuzz`) takes minutes.
jest.setTimeout(LONG_RUN ? 6 * 3_600_000 : 180_000);

const FAILURE_TEXTS = new Set([sv.errors.generic, en.errors.generic]);
const VERBS = CardActionSchema.options.map((option) => option.shape.verb.value as string);
/**
 * Clicks that are a person's own valid write even with garbage beside them, because they name
 * no record and no version: erasing one's data, saving one's reminder settings. Their effect
 * is the point, so they are fuzzed after the stored data has been compared.
 */
const WRITES_WITHOUT_IDS: ReadonlySet<string> = new Set([
  'privacy.confirmErasure',
  'reminders.saveSettings',
]);

let connector: FakeBotConnector;
let service: TestService | undefined;
let dataDir: string;
let before: DatabaseSnapshot;
/** Ids that exist in the seeded database, so generated clicks also name real records. */
let realIds: string[] = [];

const running = (): TestService => {
  if (!service) throw new Error('the service is not running');
  return service;
};
const start = () => startTestService({ DATA_DIR: dataDir, API_RATE_LIMIT_PER_MINUTE: '100000' });

beforeAll(async () => {
  connector = await new FakeBotConnector().start();
  dataDir = await mkdtemp(path.join(tmpdir(), 'kd-fuzz-bot-'));
  service = await start();
  // Real state for the garbage to meet: both people welcomed (so a garbage install greets
  // nobody new), Anna's preparation under way, Karin's plan for Anna opened.
  const anna = chatOf(ANNA.id);
  const karin = chatOf(KARIN.id);
  for (const activity of [
    installationAdded(anna),
    installationAdded(karin),
    message(anna, 'förbered mitt samtal'),
    message(karin, 'förbered mitt samtal'),
    message(karin, 'mitt team'),
    cardExecute(karin, 'plan.start', { employeeId: ANNA.id }),
    message(karin, 'teamets plan'),
  ]) {
    expect((await service.postActivity(activity)).status).toBe(200);
  }
  await service.stop();
  service = undefined;
  before = await snapshotDatabase(dataDir);
  realIds = idsIn(before);
  service = await start();
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await connector?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

afterEach(() => connector.clear());

function chatOf(userId: string, scope: ActivityOptions['scope'] = 'personal'): ActivityOptions {
  return {
    serviceUrl: connector.url,
    userId,
    scope,
    ...(scope === 'personal' ? {} : { conversationId: `19:fuzz-${scope}@thread.tacv2` }),
  };
}

/** Every value of a column named like an id, from the seeded rows. */
function idsIn(snapshot: DatabaseSnapshot): string[] {
  const ids = new Set<string>(demoOrganisation.employees.map((person) => person.id));
  ids.add(KARIN.id);
  for (const rows of Object.values(snapshot)) {
    for (const row of rows) {
      for (const [column, value] of Object.entries(JSON.parse(row) as Record<string, unknown>)) {
        if (
          /id$/i.test(column) &&
          typeof value === 'string' &&
          EntityIdSchema.safeParse(value).success
        ) {
          ids.add(value);
        }
      }
    }
  }
  return [...ids];
}

// ---------------------------------------------------------------------------------------
// Generators

/** A person id that is not a well-formed Entra object id, or one of the two demo people. */
const aadObjectId = fc.oneof(
  fc.constantFrom(ANNA.id, KARIN.id),
  garbage.filter((value) => !EntityIdSchema.safeParse(value).success),
);

/**
 * Where replies go: the connector stand-in, or an address that fails at once. Never a host
 * name, so no DNS lookup waits on this offline machine.
 */
const serviceUrl = () =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(connector.url) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        'not a url',
        'http://127.0.0.1:9/',
        'ftp://127.0.0.1/',
        'javascript:alert(1)',
      ),
    },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.object({ maxDepth: 1 })) },
  );

const from = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record(
      { id: fc.oneof(anyString, garbage), aadObjectId, name: garbageOrMissing },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: garbage },
);

const conversation = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record(
      {
        id: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), nastyString, garbage),
        conversationType: fc.oneof(fc.constantFrom('personal', 'channel', 'groupChat'), garbage),
        tenantId: garbageOrMissing,
        isGroup: garbageOrMissing,
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: garbage },
);

const activityType = fc.oneof(
  fc.constantFrom(
    'message',
    'message',
    'invoke',
    'conversationUpdate',
    'installationUpdate',
    'messageReaction',
    'messageUpdate',
    'messageDelete',
    'event',
    'typing',
    'endOfConversation',
    'handoff',
    'trace',
  ),
  fc.string({ minLength: 1, maxLength: 64 }),
);

const INVOKE_NAMES = [
  'adaptiveCard/action',
  'task/fetch',
  'task/submit',
  'tab/fetch',
  'tab/submit',
  'config/fetch',
  'config/submit',
  'composeExtension/query',
  'composeExtension/submitAction',
  'composeExtension/queryLink',
  'composeExtension/selectItem',
  'fileConsent/invoke',
  'actionableMessage/executeAction',
  'signin/verifyState',
  'signin/tokenExchange',
  'application/search',
  'handoff/action',
];
const invokeName = fc.oneof(fc.constantFrom(...INVOKE_NAMES), anyString, garbage);

/** A Universal Action's value with its parts well-formed, garbage or missing. */
const executeValue = fc.oneof(
  garbage,
  fc.record(
    {
      action: fc.oneof(
        garbage,
        fc.record(
          {
            type: fc.oneof(fc.constantFrom('Action.Execute', 'Action.Submit'), garbage),
            verb: fc.oneof(fc.constantFrom(...VERBS), garbage),
            data: garbage,
          },
          { requiredKeys: [] },
        ),
      ),
      trigger: garbageOrMissing,
      authentication: garbageOrMissing,
    },
    { requiredKeys: [] },
  ),
);

/** Overrides for any field of an activity: garbage, wrong types, huge strings, or absent. */
const activityFields = () => {
  const model: Record<string, fc.Arbitrary<unknown>> = {
    type: activityType,
    locale: fc.oneof(fc.constantFrom('sv-SE', 'en-US', 'EN', 'zz'), garbage),
    text: fc.oneof(anyString, garbage),
    value: fc.oneof(garbage, executeValue),
    name: invokeName,
    from,
    recipient: garbage,
    conversation,
    channelData: garbage,
    channelId: fc.oneof(fc.constantFrom('msteams', 'emulator', 'webchat'), garbage),
    serviceUrl: serviceUrl(),
    membersAdded: fc.oneof(
      garbage,
      fc.array(fc.record({ id: fc.oneof(anyString, garbage) }), { maxLength: 3 }),
    ),
    membersRemoved: garbage,
    // Never a well-formed uninstall: a person removing the app is no garbage.
    action: fc
      .oneof(fc.constant('add'), garbage)
      .filter((action) => typeof action !== 'string' || !action.startsWith('remove')),
    entities: garbage,
    attachments: garbage,
    timestamp: garbage,
    localTimestamp: garbage,
    replyToId: garbage,
    id: garbage,
    textFormat: garbage,
    reactionsAdded: garbage,
  };
  // One to three fields at a time: with more, nearly every activity stops at the 400 gate
  // and the handlers behind it are never reached.
  return fc
    .uniqueArray(fc.constantFrom(...Object.keys(model)), { minLength: 1, maxLength: 3 })
    .chain((keys) =>
      fc.record(Object.fromEntries(keys.map((key) => [key, model[key] ?? garbage]))),
    );
};

/** A Teams activity from one of the demo people with some of its fields replaced by garbage. */
const malformedActivity = () =>
  fc
    .tuple(
      fc.constantFrom(ANNA.id, KARIN.id),
      fc.constantFrom<ActivityOptions['scope']>('personal', 'channel', 'groupChat'),
      activityFields(),
    )
    .map(([userId, scope, fields]) => ({ ...message(chatOf(userId, scope), 'hjälp'), ...fields }))
    .filter(underBodyLimit);

/**
 * Activities within the endpoint's 256 kB: a bigger body is refused (413) before it is read,
 * and the socket is closed while the client still sends, which fetch reports as a reset. The
 * raw-body property covers that case on its own.
 */
function underBodyLimit(body: unknown): boolean {
  return Buffer.byteLength(JSON.stringify(body) ?? '') < 200_000;
}

/** A value for one field of a card action: a real id, a well-formed one, or garbage. */
const fieldValue = (field: string) => {
  const ids = fc.oneof(
    fc.constantFrom(...realIds),
    fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,35}$/),
    garbage,
  );
  // Revisions and versions far beyond any the seed reached: every such click is stale.
  const versions = fc.oneof(
    fc.integer({ min: 1_000, max: 2 ** 31 - 1 }),
    fc.integer({ min: -5, max: -1 }),
    garbage,
  );
  if (/ids$/i.test(field)) return fc.oneof(fc.array(ids, { maxLength: 6 }), garbage);
  if (/id$/i.test(field)) return ids;
  if (field === 'version' || field === 'revision' || field === 'page') return versions;
  if (field === 'command') return fc.oneof(fc.constantFrom(...COMMAND_IDS), garbage);
  return garbage;
};

/**
 * The data of a click on any card button the bot knows, every field of its schema filled with
 * a real id, a made-up id, a stale version, garbage or nothing, and card inputs beside it.
 */
const cardActionData = (verbs: (verb: string) => boolean) =>
  fc
    .constantFrom(...CardActionSchema.options.filter((option) => verbs(option.shape.verb.value)))
    .chain((option) => {
      const fields = Object.keys(option.shape).filter((key) => key !== 'verb');
      const model = Object.fromEntries(fields.map((field) => [field, fieldValue(field)]));
      return fc
        .tuple(
          fc.record(model, { requiredKeys: [] }),
          fc.dictionary(fc.oneof(fc.string({ maxLength: 20 }), nastyString), garbage, {
            maxKeys: 4,
          }),
        )
        .map(([data, inputs]) => ({
          verb: option.shape.verb.value as string,
          data: { ...inputs, ...data },
        }))
        .filter(({ data }) => underBodyLimit(data));
    });

/** The draft id and revision a preparation card's buttons carry, wherever in the card. */
function draftAtIn(cards: unknown[]): { draftId: string; revision: number } | undefined {
  const queue: unknown[] = [...cards];
  while (queue.length > 0) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null) continue;
    const record = next as Record<string, unknown>;
    if (typeof record.draftId === 'string' && typeof record.revision === 'number') {
      return { draftId: record.draftId, revision: record.revision };
    }
    queue.push(...Object.values(record));
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Checks

/** Posts and checks; the connector is emptied first, so a run sees only its own replies. */
async function expectAnsweredWithoutFailure(send: () => Promise<Response>): Promise<void> {
  connector.clear();
  const response = await send();
  const text = await response.text();
  expect(response.status).toBeLessThan(500);
  expect(showsInternals(text)).toBe(false);
  if (text.startsWith('{')) {
    // A Universal Action carries its own status inside the HTTP 200.
    const body = JSON.parse(text) as { statusCode?: unknown };
    if (typeof body.statusCode === 'number') expect(body.statusCode).toBeLessThan(500);
  }
  // The bot told nobody that it failed.
  for (const sent of connector.messages()) {
    expect(FAILURE_TEXTS.has(String(sent.text))).toBe(false);
  }
}

const post = (body: unknown) => running().postActivity(body);

// ---------------------------------------------------------------------------------------

describe('fuzzing the bot endpoint: garbage in, no failure out', () => {
  it('when any field of an activity is garbage, then the bot answers below 500 and tells nobody it failed', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(malformedActivity(), async (activity) => {
        await expectAnsweredWithoutFailure(async () => {
          const response = await post(activity);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          return response;
        });
      }),
      fuzzParameters('activities', 300),
    );
    // Both sides of the gate are exercised: refused activities and ones the bot handled.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
  });

  it('when an invoke has an unknown name or a garbage value, then the answer is below 500', async () => {
    const invoke = fc
      .tuple(
        fc.constantFrom(ANNA.id, KARIN.id),
        invokeName,
        fc.oneof(executeValue, garbageOrMissing),
        fc.oneof(fc.constant('sv-SE'), garbage),
      )
      .map(([userId, name, value, locale]) => ({
        ...message(chatOf(userId), ''),
        type: 'invoke',
        name,
        value,
        locale,
      }));
    await fc.assert(
      fc.asyncProperty(invoke, async (activity) => {
        await expectAnsweredWithoutFailure(() => post(activity));
      }),
      fuzzParameters('invokes', 200),
    );
  });

  /**
   * Clicks on buttons of the verbs `verbs` picks, by Anna or Karin, as Action.Execute and as
   * Action.Submit, with generated data: each is answered without the bot's failure message.
   */
  async function clicksAnswerWithoutFailure(
    verbs: (verb: string) => boolean,
    label: string,
    runs: number,
  ): Promise<void> {
    const click = fc.tuple(fc.constantFrom(ANNA.id, KARIN.id), fc.boolean(), cardActionData(verbs));
    await fc.assert(
      fc.asyncProperty(click, async ([userId, asExecute, { verb, data }]) => {
        const chat = chatOf(userId);
        const activity = asExecute
          ? cardExecute(chat, verb, data)
          : { ...message(chat, ''), value: { ...data, verb } };
        await expectAnsweredWithoutFailure(() => post(activity));
      }),
      fuzzParameters(label, runs),
    );
  }

  it('when a card button of any verb sends garbage, made-up ids or a stale version, then nothing fails (as Action.Execute and as Action.Submit)', async () => {
    await clicksAnswerWithoutFailure((verb) => !WRITES_WITHOUT_IDS.has(verb), 'card actions', 350);
  });

  it('when the body is not JSON, not an activity, or sent with odd headers, then the answer is a clear 4xx or an answer, never 5xx', async () => {
    const rawBody = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 3 }),
      fc.constantFrom(
        '{',
        '[',
        '{"type":',
        'null',
        '0',
        '"message"',
        '{"type":"message"}'.repeat(2),
        `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
      ),
      hugeString.map((huge) => JSON.stringify({ type: 'message', text: huge })),
    );
    const contentType = fc.oneof(
      fc.constantFrom(
        'application/json',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        '',
      ),
      fc.string({ maxLength: 40 }).filter((value) => /^[\t\x20-\x7e]*$/.test(value)),
    );
    const authorization = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom(
        'Bearer',
        'Bearer ',
        'Bearer abc',
        'Bearer a.b.c',
        'Basic Og==',
        'bearer eyJhbGciOiJub25lIn0.e30.',
      ),
      fc.string({ maxLength: 80 }).filter((value) => /^[\t\x20-\x7e]*$/.test(value)),
    );
    await fc.assert(
      fc.asyncProperty(rawBody, contentType, authorization, async (raw, type, auth) => {
        await expectAnsweredWithoutFailure(() =>
          fetch(`${running().url}/api/messages`, {
            method: 'POST',
            headers: {
              'content-type': type,
              ...(auth === undefined ? {} : { authorization: auth }),
            },
            body: raw,
          }),
        );
      }),
      fuzzParameters('raw bodies', 150),
    );
  });

  it('when Content-Length does not match the body, or the request is cut off, then the service survives', async () => {
    const exchange = fc.tuple(
      fc.constantFrom('{"type":"message","text":"hjälp"}', '{"type":', '', 'x'.repeat(1_000)),
      fc.integer({ min: -3, max: 3_000 }),
      fc.constantFrom('application/json', 'text/plain'),
    );
    await fc.assert(
      fc.asyncProperty(exchange, async ([body, declared, type]) => {
        const head =
          `POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${type}\r\n` +
          `Content-Length: ${declared}\r\nConnection: close\r\n\r\n`;
        const answer = await rawHttpExchange(running().port, head + body);
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
        // No answer at all (the client hung up first) is fine; a server error is not.
        expect(status === 0 || status < 500).toBe(true);
        expect(showsInternals(answer)).toBe(false);
      }),
      fuzzParameters('content-length', 30, 200),
    );
  });

  it('when the fuzzing is over, then the bot still answers a person who asks for help', async () => {
    const response = await post(message(chatOf(ANNA.id), 'hjälp'));
    expect(response.status).toBe(200);
    expect(connector.messages().length).toBeGreaterThan(0);
  });

  it('when the same garbage comes in equal batches, then the heap does not grow batch by batch', async () => {
    const batchSize = LONG_RUN ? 600 : 100;
    const batch = fc.sample(
      fc.oneof(
        malformedActivity(),
        cardActionData((verb) => !WRITES_WITHOUT_IDS.has(verb)).map(({ verb, data }) =>
          cardExecute(chatOf(KARIN.id), verb, data),
        ),
      ),
      { seed: fuzzParameters('heap', 1).seed ?? 0, numRuns: batchSize },
    );
    const growth = await heapGrowthOver(async () => {
      for (const activity of batch) {
        await (await sendWithOneRetryOnReset(() => post(activity))).arrayBuffer();
        connector.clear();
      }
    });
    // What a batch leaks grows the heap again in the second batch; noise stays far below this.
    expect(growth.second).toBeLessThan(8 * 1024 * 1024);
  });

  it('when all the garbage has been answered, then the stored data is exactly as before', async () => {
    await running().stop();
    service = undefined;
    const after = await snapshotDatabase(dataDir);
    expect(after).toEqual(before);
    // stop() keeps a DATA_DIR it was given; afterAll removes it.
  });

  it('when a preparation step is answered with odd text (NUL, lone surrogates, markup, huge), then it is saved or refused, never a failure', async () => {
    service ??= await start();
    const anna = chatOf(ANNA.id);
    connector.clear();
    await post(message(anna, 'förbered mitt samtal'));
    let at = draftAtIn(connector.messages());
    expect(at).toBeDefined();
    const questionIds = PREPARATION_STEPS.flatMap((step) => step.questions.map((q) => q.id));
    // Every question of every step, so the step the draft is at always gets its inputs.
    const answers = fc.record(
      Object.fromEntries(
        questionIds.map((id) => [id, fc.oneof(nastyString, nastyString, anyString, garbage)]),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('preparation.submitStep', 'preparation.saveForLater', 'preparation.back'),
        answers,
        async (verb, inputs) => {
          let card: unknown;
          await expectAnsweredWithoutFailure(async () => {
            const response = await post(cardExecute(anna, verb, { ...inputs, ...at }));
            card = ((await response.clone().json()) as { value?: unknown }).value;
            return response;
          });
          // The next click answers the card this one drew, as a person would.
          at = draftAtIn([card]) ?? at;
        },
      ),
      fuzzParameters('preparation inputs', 80),
    );
  });

  it('when the clicks that write without naming a record carry garbage inputs, then nothing fails', async () => {
    await clicksAnswerWithoutFailure(
      (verb) => WRITES_WITHOUT_IDS.has(verb),
      'writes without ids',
      60,
    );
  });
});
