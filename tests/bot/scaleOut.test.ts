import demoOrganisation from '../../bot/demo/demoOrganisation.json';
import { SqlPlanStore } from '../../bot/storage/sqlPlanStore';
import sv from '../../core/i18n/locales/sv.json';
import { FakeBotConnector } from '../fakes/botConnector';
import { RecordingMessenger } from '../fakes/recordingMessenger';
import { freshPostgresSchema, type FreshPostgresSchema } from '../support/freshDatabase';
import { startTestService, type TestService } from '../support/inProcessService';
import {
  headingOf,
  PersonalChat,
  PREPARATION_STEPS,
  VALID_ANSWERS,
  type CardJson,
} from '../support/personalChat';
import { RoundRobinProxy } from '../support/roundRobinProxy';
import { KARIN } from '../support/teamsActivities';
import { describeWithPostgres } from '../support/testEnvironment';

const [anna, erik] = demoOrganisation.employees;
if (!anna || !erik) throw new Error('The demo has five employees');

/**
 * Scale-out: two service instances on one PostgreSQL behind a round-robin load balancer, as a
 * region runs them. A conversation's turns land on alternate instances, so nothing a turn
 * needs may live only in one instance's memory; a rolling restart must lose nothing.
 */
describeWithPostgres('two instances behind a load balancer', () => {
  let schema: FreshPostgresSchema;
  let connector: FakeBotConnector;
  let proxy: RoundRobinProxy;
  const messenger = new RecordingMessenger();
  const instances: TestService[] = [];

  const startInstance = () => startTestService({ DATABASE_URL: schema.url }, { messenger });

  beforeAll(async () => {
    schema = await freshPostgresSchema();
    connector = await new FakeBotConnector().start();
    instances.push(await startInstance(), await startInstance());
    proxy = await RoundRobinProxy.start(instances.map((instance) => instance.url));
  }, 60_000);

  afterAll(async () => {
    await proxy.stop();
    await Promise.all(instances.map((instance) => instance.stop()));
    await connector.stop();
    await schema.dispose();
  });

  const preparationOf = async (employeeId: string) => {
    const store = new SqlPlanStore(schema.db);
    const [dialogue] = await store.listDialoguesForEmployee(employeeId);
    return dialogue && store.getPreparation(dialogue.id);
  };

  it('when Anna prepares her dialogue and every turn lands on the other instance, then each step is kept and the sent preparation is stored and delivered once', async () => {
    const chat = new PersonalChat(() => proxy, connector, { userId: anna.id });
    const served = proxy.servedBy.length;

    let card: CardJson = await chat.say('förbered mitt samtal');
    for (const [step, button] of PREPARATION_STEPS)
      card = await chat.click(card, button, VALID_ANSWERS[step]);
    const sent = await chat.click(card, sv.preparation.actions.send);

    expect(headingOf(sent)).toBe(sv.preparation.sent.title);
    const turns = proxy.servedBy.slice(served);
    expect(turns).toHaveLength(7);
    // Turn by turn on alternate instances.
    turns.forEach((backend, index) => expect(backend).not.toBe(turns[index - 1] ?? ''));
    const stored = await preparationOf(anna.id);
    expect(stored?.version).toBe(1);
    expect(stored?.preparation.answers.map((a) => a.text)).toEqual(
      expect.arrayContaining([
        VALID_ANSWERS['current-situation']['role-today'],
        VALID_ANSWERS['ways-of-learning']['learning-conditions'],
      ]),
    );
    expect(messenger.delivered(KARIN.id)).toHaveLength(1);
  });

  it('when one instance is restarted in the middle of Erik’s preparation, then every turn is answered and the preparation carries on where it was', async () => {
    const chat = new PersonalChat(() => proxy, connector, { userId: erik.id });
    let card: CardJson = await chat.say('förbered mitt samtal');
    card = await chat.click(card, 'Nästa', VALID_ANSWERS['current-situation']);

    // Rolling restart: drained from the balancer, stopped, replaced on the same database.
    const [old] = instances.splice(0, 1);
    if (!old) throw new Error('No instance to restart');
    proxy.remove(old.url);
    card = await chat.click(card, 'Nästa', VALID_ANSWERS['world-and-goals']);
    await old.stop();
    const replacement = await startInstance();
    instances.push(replacement);
    proxy.add(replacement.url);

    for (const [step, button] of PREPARATION_STEPS.slice(2)) {
      card = await chat.click(card, button, VALID_ANSWERS[step]);
    }
    const sent = await chat.click(card, sv.preparation.actions.send);

    expect(headingOf(sent)).toBe(sv.preparation.sent.title);
    expect(proxy.servedBy).toContain(replacement.url);
    const answers = (await preparationOf(erik.id))?.preparation.answers.map((a) => a.text);
    expect(answers).toEqual(
      expect.arrayContaining([
        VALID_ANSWERS['current-situation']['role-today'],
        VALID_ANSWERS['world-and-goals']['world-changes'],
        VALID_ANSWERS.principles['reflection-inclusive'],
      ]),
    );
  }, 60_000);
});
