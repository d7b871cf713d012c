import demoOrganisation from '../../bot/demo/demoOrganisation.json';
import {
  cleanUp,
  currentUserOf,
  findFreePort,
  startTestPlayground,
  type DemoPerson,
  type PlaygroundView,
  type TestPlayground,
} from '../support/playground';

/**
 * playground/employee.yml and playground/manager.yml, as the Agents Playground itself reads
 * them (its schema check included), describe the demo organisation: chatting in the
 * playground is chatting as one of its people, with the ids the service knows them by.
 */

const { manager, employees } = demoOrganisation;
const everyone = [manager, ...employees];

/** What the playground knows of a person, by the demo organisation's names for it. */
const asPlaygroundUser = (person: DemoPerson) => ({
  name: person.displayName,
  aadObjectId: person.id,
  email: person.email,
  userPrincipleName: person.email,
});

describe('the Agents Playground configs of the demo organisation', () => {
  const started: Partial<Record<PlaygroundView, TestPlayground>> = {};

  beforeAll(async () => {
    // Nothing answers at this endpoint: reading the config does not need the bot.
    const nowhere = `http://127.0.0.1:${await findFreePort()}/api/messages`;
    const [employee, managerView] = await Promise.allSettled([
      startTestPlayground('employee', nowhere),
      startTestPlayground('manager', nowhere),
    ]);
    if (employee.status === 'fulfilled') started.employee = employee.value;
    if (managerView.status === 'fulfilled') started.manager = managerView.value;
    for (const result of [employee, managerView]) {
      if (result.status === 'rejected') throw result.reason;
    }
  }, 30_000);

  afterAll(async () => {
    await cleanUp([started.employee?.stopAndClean, started.manager?.stopAndClean]);
  });

  const config = (view: PlaygroundView) => {
    const playground = started[view];
    if (!playground) throw new Error(`The ${view} playground did not start`);
    return playground.config;
  };

  test('when the employee view is loaded, then you are Anna and the others are her manager and colleagues', () => {
    const you = currentUserOf('employee');
    expect(you.displayName).toBe('Anna Andersson');
    const { currentUser, users } = config('employee');
    expect(currentUser).toMatchObject(asPlaygroundUser(you));
    const others = everyone.filter((p) => p.id !== you.id);
    expect(users).toEqual(others.map((p) => expect.objectContaining(asPlaygroundUser(p))));
  });

  test('when the manager view is loaded, then you are Karin and the others are her five employees', () => {
    expect(currentUserOf('manager')).toEqual(manager);
    const { currentUser, users } = config('manager');
    expect(currentUser).toMatchObject(asPlaygroundUser(manager));
    expect(users).toEqual(employees.map((p) => expect.objectContaining(asPlaygroundUser(p))));
  });

  test('when either view is loaded, then it is the same tenant, bot, team and channels', () => {
    const employeeView = config('employee');
    const managerView = config('manager');
    for (const view of [employeeView, managerView]) {
      expect(view.bot.name).toBe('Kompetensdialog');
      expect(view.teams).toHaveLength(1);
      expect(view.teams[0]?.name).toBe('Akutmottagningen');
      expect(view.teams[0]?.channels.map((c) => c.name)).toEqual([
        'General',
        'Kompetensutveckling',
      ]);
    }
    const shared = (c: typeof employeeView) => ({
      tenantId: c.tenantId,
      bot: c.bot,
      groupChats: c.groupChats.map(({ id, name }) => ({ id, name })),
      teams: c.teams.map(({ id, aadGroupId, channels }) => ({ id, aadGroupId, channels })),
    });
    expect(shared(managerView)).toEqual(shared(employeeView));
    expect(managerView.personalChat.id).not.toBe(employeeView.personalChat.id);
  });

  test('when a person writes, then from.id is a Teams-style user id, distinct from their object id', () => {
    // The bot must key people by from.aadObjectId; a distinct from.id catches a mix-up.
    for (const view of ['employee', 'manager'] as const) {
      const { currentUser, users } = config(view);
      for (const user of [currentUser, ...users]) {
        expect(user.id).toMatch(/^29:/);
        expect(user.id).not.toBe(user.aadObjectId);
      }
    }
  });
});
