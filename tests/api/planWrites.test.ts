import { PlanResponseSchema, ReflectionResponseSchema } from '../../bot/api/contract';
import { planAgreedNoticeFallbackText } from '../../bot/cards/plan/planAgreedNoticeCard';
import { planChangesRequestedFallbackText } from '../../bot/cards/plan/planChangesRequestedCard';
import { PLAN_LIMITS } from '../../core/plan/limits';
import { promptsOf } from '../../core/profiles/profileSchema';
import { getProfile } from '../../core/profiles/profiles';
import { cardTexts } from '../support/adaptiveCards';
import { expectErrorResponse } from './expectErrorResponse';
import {
  ANNA,
  annaPlan,
  call,
  ERIK,
  erikProposal,
  givenPlan,
  MARIA,
  NOW,
  storedPlan,
  storeState,
  usePlanApi,
  type Method,
} from './planApiFixtures';

/*
 * The employee's changes from the tab: an activity's status, the answer to a proposal and a
 * reflection. Each is checked field by field (a 400 names the field), saved only on the
 * version the page showed (409 otherwise), and a refused request writes and sends nothing.
 */

interface Malformed {
  what: string;
  /** A JSON value, or a raw string sent as the body. */
  body: unknown;
  /** The error code, and what its message must name. */
  code: 'invalid_request' | 'invalid_json';
  names?: string;
}

/** What every write route refuses, whatever it takes. */
const MALFORMED_ANYWHERE: Malformed[] = [
  { what: 'a body that is not JSON', body: '{"status": ', code: 'invalid_json' },
  { what: 'an array', body: [], code: 'invalid_request' },
  // JSON, but not an object: the body parser refuses it as it does broken JSON.
  { what: 'a string', body: '"done"', code: 'invalid_json' },
  { what: 'null', body: 'null', code: 'invalid_json' },
  { what: 'an empty object', body: {}, code: 'invalid_request' },
];

interface WriteRoute {
  name: string;
  method: Method;
  path: string;
  as: typeof ANNA;
  /** A body that succeeds, for the plan's version now. */
  valid: (version: number) => Record<string, unknown>;
  malformed: (version: number) => Malformed[];
}

const tooLong = (max: number) => 'x'.repeat(max + 1);

const WRITES: WriteRoute[] = [
  {
    name: 'PATCH an activity',
    method: 'PATCH',
    path: '/plans/plan-anna/activities/activity-1',
    as: ANNA,
    valid: (v) => ({ status: 'done', expectedVersion: v }),
    malformed: (v) => [
      {
        what: 'an unknown field',
        body: { status: 'done', expectedVersion: v, title: 'Nytt' },
        code: 'invalid_request',
        names: 'title',
      },
      {
        what: 'an unknown status',
        body: { status: 'finished', expectedVersion: v },
        code: 'invalid_request',
        names: 'status',
      },
      {
        what: 'a version as text',
        body: { status: 'done', expectedVersion: String(v) },
        code: 'invalid_request',
        names: 'expectedVersion',
      },
      {
        what: 'version 0',
        body: { status: 'done', expectedVersion: 0 },
        code: 'invalid_request',
        names: 'expectedVersion',
      },
      {
        what: 'a fractional version',
        body: { status: 'done', expectedVersion: v + 0.5 },
        code: 'invalid_request',
        names: 'expectedVersion',
      },
      {
        what: 'no version',
        body: { status: 'done' },
        code: 'invalid_request',
        names: 'expectedVersion',
      },
      { what: 'no status', body: { expectedVersion: v }, code: 'invalid_request', names: 'status' },
    ],
  },
  {
    name: 'POST an answer',
    method: 'POST',
    path: '/plans/plan-erik/answer',
    as: ERIK,
    valid: (v) => ({ decision: 'request-changes', comment: 'Mer handledning', expectedVersion: v }),
    malformed: (v) => [
      {
        what: 'an unknown decision',
        body: { decision: 'maybe', expectedVersion: v },
        code: 'invalid_request',
        names: 'decision',
      },
      {
        what: 'a comment on an acceptance',
        body: { decision: 'accept', comment: 'Bra', expectedVersion: v },
        code: 'invalid_request',
        names: 'comment',
      },
      {
        what: 'changes without a comment',
        body: { decision: 'request-changes', expectedVersion: v },
        code: 'invalid_request',
        names: 'comment',
      },
      {
        what: 'a blank comment',
        body: { decision: 'request-changes', comment: '   ', expectedVersion: v },
        code: 'invalid_request',
        names: 'comment',
      },
      {
        what: 'a comment too long',
        body: {
          decision: 'request-changes',
          comment: tooLong(PLAN_LIMITS.changeRequestMax),
          expectedVersion: v,
        },
        code: 'invalid_request',
        names: 'comment',
      },
      {
        what: 'a comment that is a number',
        body: { decision: 'request-changes', comment: 42, expectedVersion: v },
        code: 'invalid_request',
        names: 'comment',
      },
      {
        what: 'an unknown field',
        body: { decision: 'accept', expectedVersion: v, agreedBy: MARIA.id },
        code: 'invalid_request',
        names: 'agreedBy',
      },
    ],
  },
  {
    name: 'POST a reflection',
    method: 'POST',
    path: '/me/reflections',
    as: ANNA,
    valid: () => ({
      principle: 'motivating',
      text: 'Jag vill lära mer om AI',
      visibility: 'private',
    }),
    malformed: () => [
      {
        what: 'an unknown principle',
        body: { principle: 'curious', text: 'x' },
        code: 'invalid_request',
        names: 'principle',
      },
      {
        what: 'an unknown visibility',
        body: { principle: 'inclusive', text: 'x', visibility: 'public' },
        code: 'invalid_request',
        names: 'visibility',
      },
      {
        what: 'a text too long',
        body: { principle: 'inclusive', text: tooLong(PLAN_LIMITS.reflectionTextMax) },
        code: 'invalid_request',
        names: 'text',
      },
      {
        what: 'an empty text',
        body: { principle: 'inclusive', text: '' },
        code: 'invalid_request',
        names: 'text',
      },
      {
        what: 'someone else as the writer',
        body: { principle: 'inclusive', text: 'x', personId: ERIK.id },
        code: 'invalid_request',
        names: 'personId',
      },
      {
        what: 'a prompt of another principle',
        body: { principle: 'inclusive', promptId: 'activating-practice', text: 'x' },
        code: 'invalid_request',
        names: 'promptId',
      },
      {
        what: 'a prompt id that cannot be one',
        body: { principle: 'inclusive', promptId: 'Not A Slug', text: 'x' },
        code: 'invalid_request',
        names: 'promptId',
      },
    ],
  },
];

describe('the employee’s writes from the tab, refused', () => {
  const api = usePlanApi();

  beforeAll(async () => {
    await givenPlan(api.app.plans, erikProposal());
  });

  const version = async (route: WriteRoute) =>
    route.path.startsWith('/plans/plan-erik')
      ? (await storedPlan(api, ERIK)).version
      : (await storedPlan(api, ANNA)).version;

  const cases = WRITES.flatMap((route) => {
    const anywhere = MALFORMED_ANYWHERE.map((m) => ({ what: m.what, make: () => m }));
    const own = route.malformed(1).map((m, i) => ({
      what: m.what,
      make: (v: number) => route.malformed(v)[i] ?? m,
    }));
    return [...anywhere, ...own].map(({ what, make }) => ({
      route,
      make,
      label: `${route.name} with ${what}`,
    }));
  });

  it.each(cases)(
    'when the tab sends $label, then it is 400 with a clear message and nothing is written',
    async ({ route, make }) => {
      const given = make(await version(route));
      const before = await storeState(api);

      const response = await call(api.app, route.as, route.method, route.path, given.body);

      const error = await expectErrorResponse(response, 400, given.code);
      if (given.names) expect(error.error.message).toContain(given.names);
      expect(error.error.message.length).toBeLessThan(400);
      expect(await storeState(api)).toBe(before);
    },
  );

  it.each(WRITES)(
    'when $name is sent without a JSON content type, then it is 400 and nothing is written',
    async (route) => {
      const before = await storeState(api);

      const response = await api.app.api(route.path, {
        method: route.method,
        headers: { 'X-Demo-User': route.as.id, 'content-type': 'text/plain' },
        body: JSON.stringify(route.valid(await version(route))),
      });

      await expectErrorResponse(response, 400, 'invalid_request');
      expect(await storeState(api)).toBe(before);
    },
  );

  it.each(WRITES)(
    'when $name is over 64 kB, then it is 413 and nothing is written',
    async (route) => {
      const before = await storeState(api);
      const body = { ...route.valid(await version(route)), padding: 'x'.repeat(70_000) };

      const response = await call(api.app, route.as, route.method, route.path, body);

      await expectErrorResponse(response, 413, 'too_large');
      expect(await storeState(api)).toBe(before);
    },
  );

  it.each(WRITES.filter((route) => route.path.startsWith('/plans/')))(
    'when $name is sent on a version someone has saved over, then it is 409 and the plan stays as stored',
    async (route) => {
      const read = await version(route);
      const employee = route.as;
      const current = await storedPlan(api, employee);
      // Someone saves meanwhile (the manager, or the employee in another window).
      const theirs = await api.app.plans.saveIndividualPlan(
        { ...current, followUpDate: '2026-10-01' },
        { expectedVersion: current.version, savedBy: MARIA.id },
      );
      const before = await storeState(api);

      const response = await call(api.app, employee, route.method, route.path, route.valid(read));

      const error = await expectErrorResponse(response, 409, 'version_conflict');
      expect(error.error.message).toMatch(/nothing of yours was saved/i);
      expect(await storeState(api)).toBe(before);
      expect(await storedPlan(api, employee)).toEqual(theirs);
    },
  );
});

describe('PATCH /plans/{planId}/activities/{activityId}', () => {
  const api = usePlanApi();
  const patch = (activityId: string, body: unknown) =>
    call(api.app, ANNA, 'PATCH', `/plans/plan-anna/activities/${activityId}`, body);

  beforeEach(async () => {
    await givenPlan(api.app.plans, annaPlan());
  });

  it.each(['in-progress', 'done', 'cancelled', 'planned'] as const)(
    'when Anna marks an activity %s, then the agreed plan keeps its agreement with the new status',
    async (status) => {
      const before = await storedPlan(api, ANNA);
      const activity = status === 'planned' ? 'activity-2' : 'activity-1';
      if (status === 'planned') {
        await patch('activity-2', { status: 'done', expectedVersion: before.version });
      }
      const read = await storedPlan(api, ANNA);

      const response = await patch(activity, { status, expectedVersion: read.version });

      expect(response.status).toBe(200);
      const { plan } = PlanResponseSchema.parse(await response.json());
      expect(plan).toEqual(await storedPlan(api, ANNA));
      expect(plan).toMatchObject({
        version: read.version + 1,
        status: 'agreed',
        agreedAt: read.agreedAt,
        updatedAt: NOW.toISOString(),
      });
      expect(plan.activities.find((a) => a.id === activity)?.status).toBe(status);
      const others = plan.activities.filter((a) => a.id !== activity);
      expect(others).toEqual(read.activities.filter((a) => a.id !== activity));
      const history = await api.app.plans.individualPlanHistory('plan-anna');
      expect(history.at(-1)).toMatchObject({ version: plan.version, savedBy: ANNA.id });
    },
  );

  it('when Anna sends the status it already has, then the plan is answered as it is, with no new version', async () => {
    const read = await storedPlan(api, ANNA);

    const response = await patch('activity-1', {
      status: 'planned',
      expectedVersion: read.version,
    });

    expect(response.status).toBe(200);
    expect(PlanResponseSchema.parse(await response.json()).plan).toEqual(read);
    expect(await storedPlan(api, ANNA)).toEqual(read);
  });

  it('when the activity is not in the plan, then it is 404 and nothing is written', async () => {
    const read = await storedPlan(api, ANNA);
    const before = await storeState(api);

    const response = await patch('activity-99', { status: 'done', expectedVersion: read.version });

    await expectErrorResponse(response, 404, 'not_found');
    expect(await storeState(api)).toBe(before);
  });

  it.each(['draft', 'proposed'] as const)(
    'when Maria’s new version of the plan is a %s, then Anna’s update is 409 plan_not_agreed and nothing is written',
    async (status) => {
      const draft = await givenPlan(api.app.plans, { ...annaPlan(), status });
      const before = await storeState(api);

      const response = await patch('activity-1', {
        status: 'done',
        expectedVersion: draft.version,
      });

      await expectErrorResponse(response, 409, 'plan_not_agreed');
      expect(await storeState(api)).toBe(before);
    },
  );

  it('when two windows save different activities from the same version, then one is saved and the other is 409', async () => {
    const read = await storedPlan(api, ANNA);

    const answers = await Promise.all([
      patch('activity-1', { status: 'done', expectedVersion: read.version }),
      patch('activity-2', { status: 'in-progress', expectedVersion: read.version }),
    ]);

    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const stored = await storedPlan(api, ANNA);
    expect(stored.version).toBe(read.version + 1);
    const changed = stored.activities.filter((a, i) => a.status !== read.activities[i]?.status);
    expect(changed).toHaveLength(1);
  });
});

describe('POST /plans/{planId}/answer', () => {
  const api = usePlanApi();

  beforeEach(async () => {
    await givenPlan(api.app.plans, erikProposal());
    api.messenger.clear();
  });

  it('when Erik accepts the proposal, then the plan is agreed by him and Maria is told in her chat', async () => {
    const read = await storedPlan(api, ERIK);

    const response = await call(api.app, ERIK, 'POST', '/plans/plan-erik/answer', {
      decision: 'accept',
      expectedVersion: read.version,
    });

    expect(response.status).toBe(200);
    const { plan } = PlanResponseSchema.parse(await response.json());
    expect(plan).toEqual(await storedPlan(api, ERIK));
    expect(plan).toMatchObject({
      status: 'agreed',
      version: read.version + 1,
      agreedBy: ERIK.id,
      agreedAt: NOW.toISOString(),
    });
    const [sent, ...more] = api.messenger.attempts;
    expect(more).toEqual([]);
    expect(sent?.personId).toBe(MARIA.id);
    const notice = { profile: getProfile('vgr'), plan, employeeName: ERIK.displayName };
    expect(sent?.message.fallbackText).toBe(
      planAgreedNoticeFallbackText({ ...notice, language: 'sv' }),
    );
  });

  it.each([
    ['Swedish when the tab asks for it', 'sv-SE', 'sv'],
    ['English when the tab reads English', 'en-GB,en;q=0.9', 'en'],
    ['Swedish when the language is one the app does not have', 'fi-FI', 'sv'],
  ] as const)(
    'when Erik asks for changes, then Maria gets his comment, in %s',
    async (_what, acceptLanguage, language) => {
      const read = await storedPlan(api, ERIK);
      const comment = 'Jag vill hellre gå bredvid en kollega <b>än</b> gå en kurs';

      const response = await call(
        api.app,
        ERIK,
        'POST',
        '/plans/plan-erik/answer',
        { decision: 'request-changes', comment: `  ${comment} `, expectedVersion: read.version },
        { 'Accept-Language': acceptLanguage },
      );

      expect(response.status).toBe(200);
      const { plan } = PlanResponseSchema.parse(await response.json());
      expect(plan).toMatchObject({
        status: 'changes-requested',
        changeRequest: { comment, requestedAt: NOW.toISOString() },
      });
      const [sent] = api.messenger.delivered(MARIA.id);
      const notice = { profile: getProfile('vgr'), plan, employeeName: ERIK.displayName };
      expect(sent?.fallbackText).toBe(planChangesRequestedFallbackText({ ...notice, language }));
      expect(cardTexts(sent?.card).join('\n')).toContain('gå bredvid en kollega');
    },
  );

  it('when Maria’s chat cannot be reached, then Erik’s answer is still saved', async () => {
    api.messenger.answerFor(MARIA.id, { status: 'not-installed' });
    const read = await storedPlan(api, ERIK);

    const response = await call(api.app, ERIK, 'POST', '/plans/plan-erik/answer', {
      decision: 'accept',
      expectedVersion: read.version,
    });

    expect(response.status).toBe(200);
    expect((await storedPlan(api, ERIK)).status).toBe('agreed');
    expect(api.messenger.attempts.map((a) => a.personId)).toEqual([MARIA.id]);
  });

  it.each(['agreed', 'draft', 'changes-requested'] as const)(
    'when the plan is %s, not proposed, then the answer is 409 plan_not_proposed and nothing is written or sent',
    async (status) => {
      const plan = erikProposal();
      const given = await givenPlan(api.app.plans, {
        ...plan,
        status,
        ...(status === 'agreed'
          ? { agreedBy: ERIK.id, agreedAt: '2026-03-01T10:00:00+01:00' }
          : {}),
        ...(status === 'changes-requested'
          ? { changeRequest: { comment: 'Mer tid', requestedAt: '2026-03-01T10:00:00+01:00' } }
          : {}),
      });
      const before = await storeState(api);

      const response = await call(api.app, ERIK, 'POST', '/plans/plan-erik/answer', {
        decision: 'accept',
        expectedVersion: given.version,
      });

      await expectErrorResponse(response, 409, 'plan_not_proposed');
      expect(await storeState(api)).toBe(before);
    },
  );

  it('when the same answer is sent twice, then the second is 409 and Maria is told once', async () => {
    const read = await storedPlan(api, ERIK);
    const accept = { decision: 'accept', expectedVersion: read.version };

    const first = await call(api.app, ERIK, 'POST', '/plans/plan-erik/answer', accept);
    const second = await call(api.app, ERIK, 'POST', '/plans/plan-erik/answer', accept);

    expect(first.status).toBe(200);
    await expectErrorResponse(second, 409, 'version_conflict');
    expect(api.messenger.attempts).toHaveLength(1);
  });
});

describe('POST /me/reflections', () => {
  const api = usePlanApi();

  it.each([
    ['private when not said', {}, 'private'],
    ['private when chosen', { visibility: 'private' }, 'private'],
    ['shared when chosen', { visibility: 'shared-with-manager' }, 'shared-with-manager'],
  ] as const)('when Anna writes a reflection, then it is %s', async (_what, extra, visibility) => {
    const text = `Reflektion ${visibility} ${Object.keys(extra).length}`;

    const response = await call(api.app, ANNA, 'POST', '/me/reflections', {
      principle: 'inclusive',
      text: `  ${text}  `,
      ...extra,
    });

    expect(response.status).toBe(201);
    const { reflection } = ReflectionResponseSchema.parse(await response.json());
    expect(reflection).toMatchObject({
      personId: ANNA.id,
      principle: 'inclusive',
      text,
      visibility,
      context: 'everyday',
      createdAt: NOW.toISOString(),
    });
    const everyday = promptsOf(getProfile('vgr')).filter(
      (p) => p.principle === 'inclusive' && p.contexts.includes('everyday'),
    );
    expect(everyday.map((p) => p.id)).toContain(reflection.promptId);
    expect(await api.app.plans.listReflections(ANNA.id)).toContainEqual(reflection);
  });

  it('when the page names the prompt it showed, then the reflection keeps that prompt', async () => {
    const response = await call(api.app, ERIK, 'POST', '/me/reflections', {
      principle: 'activating',
      promptId: 'activating-reflect-on-situation',
      text: 'Vi övade på larmrutinen',
    });

    expect(response.status).toBe(201);
    const { reflection } = ReflectionResponseSchema.parse(await response.json());
    expect(reflection).toMatchObject({
      personId: ERIK.id,
      promptId: 'activating-reflect-on-situation',
    });
  });
});
