import { HR_APP_ROLE } from '../../bot/api/appRoles';
import {
  OrganisationSummaryResponseSchema,
  type OrganisationSummaryResponse,
} from '../../bot/api/contract';
import { DEMO_HR_PERSON_ID } from '../../bot/api/demoRoster';
import { DemoDirectory } from '../../bot/directory/demoDirectory';
import type { Person } from '../../core/ports/directory';
import { agreedPlan, dialogue, draftPlan } from '../core/planBuilders';
import { FakeDirectory } from '../fakes/fakeDirectory';
import { signInEnvironment, startTestEntra, type FakeEntra } from '../fakes/fakeEntra';
import { startApiTestApp, type ApiTestApp } from './apiTestApp';
import { expectErrorResponse } from './expectErrorResponse';
import { call, givenPlan } from './planApiFixtures';

/*
 * GET /organisation/summary: HR's figures per unit. The organisation: a ward of six (a
 * manager and five reports), a small clinic of two, and HR's own unit of one. Only the ward
 * is big enough to be counted; nobody's name or id ever appears in the answer.
 */

const NOW = new Date('2026-03-10T10:00:00+01:00');
const id = (n: number) => `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`;
const person = (n: number, name: string, unitId: string, managerId?: string): Person => ({
  id: id(n),
  displayName: name,
  profileId: 'vgr',
  unitId,
  ...(managerId ? { managerId } : {}),
});

const WARD = 'Avdelning 12';
const CLINIC = 'Vårdcentral Norr';
const WARD_MANAGER = person(1, 'Maria Avdelningschef', WARD);
const WARD_STAFF = [2, 3, 4, 5, 6].map((n) => person(n, `Medarbetare ${n}`, WARD, id(1)));
const CLINIC_MANAGER = person(10, 'Olof Vårdcentralschef', CLINIC);
const CLINIC_NURSE = person(11, 'Stina Sjuksköterska', CLINIC, id(10));
const HR: Person = {
  id: DEMO_HR_PERSON_ID,
  displayName: 'Helena Ek',
  profileId: 'vgr',
  unitId: 'HR',
};
const PEOPLE = [WARD_MANAGER, ...WARD_STAFF, CLINIC_MANAGER, CLINIC_NURSE, HR];

async function seed(app: ApiTestApp): Promise<void> {
  const [first, second, third, fourth] = WARD_STAFF as [Person, Person, Person, Person];
  // Three current agreed plans in the ward; a draft does not count, nor does a plan agreed
  // more than twelve months ago.
  for (const employee of [first, second, third]) {
    await givenPlan(app.plans, agreedPlan({ employeeId: employee.id, managerId: id(1) }));
  }
  await givenPlan(app.plans, draftPlan({ employeeId: fourth.id, managerId: id(1) }));
  await givenPlan(
    app.plans,
    agreedPlan({
      employeeId: WARD_MANAGER.id,
      managerId: 'someone-above',
      year: 2024,
      agreedAt: '2024-02-01T10:00:00+01:00',
    }),
  );
  await givenPlan(app.plans, agreedPlan({ employeeId: CLINIC_NURSE.id, managerId: id(10) }));
  // Two held medarbetarsamtal in the ward this year, one planned; one held last year.
  for (const employee of [first, second]) {
    await app.plans.saveDialogue(
      dialogue({ employeeId: employee.id, managerId: id(1), status: 'held' }),
    );
  }
  await app.plans.saveDialogue(dialogue({ employeeId: third.id, managerId: id(1) }));
  await app.plans.saveDialogue(
    dialogue({
      id: 'dialogue-last-year',
      employeeId: fourth.id,
      managerId: id(1),
      year: 2025,
      scheduledAt: '2025-03-10T09:30:00+01:00',
      status: 'held',
    }),
  );
}

async function summaryOf(response: Response): Promise<{
  text: string;
  body: OrganisationSummaryResponse;
}> {
  const text = await response.text();
  expect({ status: response.status, text }).toMatchObject({ status: 200 });
  return { text, body: OrganisationSummaryResponseSchema.parse(JSON.parse(text)) };
}

describe('GET /organisation/summary in demo mode', () => {
  let app: ApiTestApp;
  beforeAll(async () => {
    app = await startApiTestApp({ directory: new FakeDirectory(PEOPLE), now: () => NOW });
    await seed(app);
  });
  afterAll(() => app.close());

  it('when the HR person asks, then each unit of five or more gets its counts and smaller ones none, with a flag', async () => {
    const { body, text } = await summaryOf(await call(app, HR, 'GET', '/organisation/summary'));

    expect(body).toMatchObject({ year: 2026, today: '2026-03-10', minGroupSize: 5 });
    expect(body.units).toEqual([
      {
        unitId: WARD,
        profileId: 'vgr',
        countsWithheld: false,
        coverage: {
          employees: 6,
          withCurrentPlan: 3,
          dialoguesHeld: [
            { dialogueTypeId: 'medarbetarsamtal', held: 2 },
            { dialogueTypeId: 'uppfoljning', held: 0 },
          ],
        },
      },
      { unitId: 'HR', profileId: 'vgr', countsWithheld: true, coverage: null },
      { unitId: CLINIC, profileId: 'vgr', countsWithheld: true, coverage: null },
    ]);
    for (const someone of PEOPLE) {
      expect(text).not.toContain(someone.id);
      expect(text).not.toContain(someone.displayName);
    }
  });

  it('when HR asks for last year, then last year’s held dialogues are counted', async () => {
    const { body } = await summaryOf(await call(app, HR, 'GET', '/organisation/summary?year=2025'));

    expect(body.year).toBe(2025);
    expect(body.units[0]?.coverage?.dialoguesHeld[0]).toEqual({
      dialogueTypeId: 'medarbetarsamtal',
      held: 1,
    });
  });

  it.each([
    ['a manager', WARD_MANAGER],
    ['an employee', CLINIC_NURSE],
  ])('when %s asks, then it is 403 not_hr', async (_who, caller) => {
    const response = await call(app, caller, 'GET', '/organisation/summary');

    const { error } = await expectErrorResponse(response, 403, 'not_hr');
    expect(error.message).toContain(HR_APP_ROLE);
  });

  it.each(['year=26', 'year=1999', 'year=2026&year=2027', 'unit=Avdelning%2012', 'year=abcd'])(
    'when HR sends the query %s, then it is 400 invalid_request',
    async (query) => {
      const response = await call(app, HR, 'GET', `/organisation/summary?${query}`);
      await expectErrorResponse(response, 400, 'invalid_request');
    },
  );

  it('when a non-HR caller sends a bad query, then the answer is still 403 and says nothing of the query', async () => {
    const response = await call(app, CLINIC_NURSE, 'GET', '/organisation/summary?year=x');
    await expectErrorResponse(response, 403, 'not_hr');
  });

  it('when the summary is written to, then it is 405', async () => {
    const response = await call(app, HR, 'POST', '/organisation/summary', {});
    await expectErrorResponse(response, 405, 'method_not_allowed');
  });
});

describe('GET /organisation/summary with the demo organisation', () => {
  let app: ApiTestApp;
  beforeAll(async () => {
    app = await startApiTestApp({ directory: new DemoDirectory(), now: () => NOW });
    // Opens the embedded database now, so the request below measures no start-up.
    await app.plans.listIndividualPlans([]);
  });
  afterAll(() => app.close());

  it('when the demo HR person asks, then the demo unit of six is counted and her own unit of one is not', async () => {
    const response = await app.api('/organisation/summary', {
      headers: { 'X-Demo-User': DEMO_HR_PERSON_ID },
    });
    const { body } = await summaryOf(response);

    expect(body.units).toEqual([
      expect.objectContaining({
        unitId: 'demo-unit-akutmottagningen',
        countsWithheld: false,
        coverage: expect.objectContaining({ employees: 6, withCurrentPlan: 0 }),
      }),
      { unitId: 'demo-unit-hr', profileId: 'vgr', countsWithheld: true, coverage: null },
    ]);
  });

  it('when the demo manager asks, then it is 403', async () => {
    const response = await app.api('/organisation/summary', {
      headers: { 'X-Demo-User': '00000000-0000-4000-8000-000000000001' },
    });
    await expectErrorResponse(response, 403, 'not_hr');
  });
});

describe('GET /organisation/summary with Teams sign-in: the HR app role from the token', () => {
  let entra: FakeEntra;
  let app: ApiTestApp;
  beforeAll(async () => {
    entra = await startTestEntra();
    app = await startApiTestApp({
      env: signInEnvironment(entra),
      directory: new FakeDirectory(PEOPLE),
      now: () => NOW,
    });
    await seed(app);
  });
  afterAll(async () => {
    await app.close();
    await entra.close();
  });

  const asToken = async (oid: string, claims?: Record<string, unknown>) =>
    app.api('/organisation/summary', {
      headers: {
        Authorization: `Bearer ${await entra.token({ oid, ...(claims ? { claims } : {}) })}`,
      },
    });

  it('when the token carries the HR app role, then the manager who holds it gets the summary', async () => {
    const { body } = await summaryOf(await asToken(WARD_MANAGER.id, { roles: [HR_APP_ROLE] }));

    expect(body.units.map((unit) => [unit.unitId, unit.countsWithheld])).toEqual([
      [WARD, false],
      ['HR', true],
      [CLINIC, true],
    ]);
  });

  it.each<[string, Record<string, unknown> | undefined]>([
    ['no roles claim', undefined],
    ['other app roles only', { roles: ['Kompetensdialog.Reader', 'hr'] }],
    ['the role as a string instead of a list', { roles: HR_APP_ROLE }],
    ['the role in another case', { roles: [HR_APP_ROLE.toLowerCase()] }],
  ])('when the token has %s, then it is 403 not_hr', async (_what, claims) => {
    // The demo HR id is no HR in Teams sign-in: only the token's role counts.
    await expectErrorResponse(await asToken(DEMO_HR_PERSON_ID, claims), 403, 'not_hr');
  });
});
