import type { Person } from '../../core/ports/directory';
import { expectErrorResponse } from './expectErrorResponse';
import {
  ANNA,
  call,
  ERIK,
  MARIA,
  NILS,
  OLLE,
  OLOF,
  STINA,
  storeState,
  UNIT_A,
  UNIT_NOBODY,
  usePlanApi,
  type Method,
} from './planApiFixtures';

/*
 * Who may use which route of the plan API, decided from the caller and the directory on
 * every request, never from the body. Every refusal leaves the store and the chat as they were.
 */

interface Route {
  method: Method;
  path: string;
  /** A body that the right caller could send successfully. */
  body?: unknown;
  /** The methods the route answers (for the 405 and its Allow header). */
  allow: string;
}

const ROUTES: Route[] = [
  { method: 'GET', path: '/me/plan', allow: 'GET, HEAD' },
  {
    method: 'POST',
    path: '/me/reflections',
    body: { principle: 'activating', text: 'Jag lärde mig något', visibility: 'private' },
    allow: 'POST',
  },
  { method: 'GET', path: '/me/team', allow: 'GET, HEAD' },
  { method: 'GET', path: '/me/data', allow: 'GET, DELETE, HEAD' },
  { method: 'GET', path: '/me/audit', allow: 'GET, HEAD' },
  { method: 'GET', path: '/me/data/summary', allow: 'GET, HEAD' },
  { method: 'GET', path: `/people/${ANNA.id}/plan`, allow: 'GET, HEAD' },
  {
    method: 'PATCH',
    path: '/plans/plan-anna/activities/activity-1',
    body: { status: 'done', expectedVersion: 1 },
    allow: 'PATCH',
  },
  {
    method: 'POST',
    path: '/plans/plan-erik/answer',
    body: { decision: 'accept', expectedVersion: 1 },
    allow: 'POST',
  },
  { method: 'GET', path: '/plans/plan-anna/history', allow: 'GET, HEAD' },
  { method: 'GET', path: `/units/${UNIT_A}/team-plan`, allow: 'GET, PUT, HEAD' },
  {
    method: 'PUT',
    path: `/units/${UNIT_A}/team-plan`,
    body: { unitGoals: [], neededCompetences: [], expectedVersion: 1 },
    allow: 'GET, PUT, HEAD',
  },
];
const named = ROUTES.map((route) => ({ ...route, name: `${route.method} ${route.path}` }));

describe('the plan API without an identity', () => {
  const api = usePlanApi();

  it.each(named)(
    'when $name comes with no identity, then it is 401 and nothing is written',
    async ({ method, path, body }) => {
      const before = await storeState(api);

      const attempts: Record<string, string>[] = [
        {},
        { 'X-Demo-User': MARIA.id },
        { 'X-Demo-User': ANNA.id },
      ];
      for (const headers of attempts) {
        // Outside demo mode the demo header proves nothing.
        const response = await call(api.anonymous, undefined, method, path, body, headers);
        await expectErrorResponse(response, 401, 'unauthenticated');
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
      }
      expect(await storeState(api)).toBe(before);
    },
  );

  it.each(named)(
    'when $name names a demo user who is not in the directory, then it is 401',
    async ({ method, path, body }) => {
      const before = await storeState(api);
      const nobody = { 'X-Demo-User': '11111111-2222-4333-8444-555555555555' };

      const response = await call(api.app, undefined, method, path, body, nobody);

      await expectErrorResponse(response, 401, 'unauthenticated');
      expect(await storeState(api)).toBe(before);
    },
  );
});

describe("the plan API with someone else's resource", () => {
  const api = usePlanApi();

  interface Refusal {
    who: Person;
    what: string;
    method: Method;
    path: string;
    body?: unknown;
    status: 403 | 404;
    code: string;
  }
  const activityChange = { status: 'done', expectedVersion: 1 };
  const accept = { decision: 'accept', expectedVersion: 1 };
  const teamPlanChange = { unitGoals: [], neededCompetences: [], expectedVersion: 1 };
  const REFUSALS: Refusal[] = [
    {
      who: ERIK,
      what: "a colleague's plan page",
      method: 'GET',
      path: `/people/${ANNA.id}/plan`,
      status: 404,
      code: 'not_found',
    },
    {
      who: ANNA,
      what: "a colleague's plan page",
      method: 'GET',
      path: `/people/${ERIK.id}/plan`,
      status: 404,
      code: 'not_found',
    },
    {
      who: OLOF,
      what: "another manager's employee's page",
      method: 'GET',
      path: `/people/${ANNA.id}/plan`,
      status: 404,
      code: 'not_found',
    },
    {
      who: OLLE,
      what: 'a page in another unit',
      method: 'GET',
      path: `/people/${ANNA.id}/plan`,
      status: 404,
      code: 'not_found',
    },
    {
      who: ANNA,
      what: "her manager's page",
      method: 'GET',
      path: `/people/${MARIA.id}/plan`,
      status: 404,
      code: 'not_found',
    },
    {
      who: ERIK,
      what: "a colleague's plan history",
      method: 'GET',
      path: '/plans/plan-anna/history',
      status: 404,
      code: 'not_found',
    },
    {
      who: OLOF,
      what: "another manager's plan history",
      method: 'GET',
      path: '/plans/plan-anna/history',
      status: 404,
      code: 'not_found',
    },
    {
      who: MARIA,
      what: "her employee's activity",
      method: 'PATCH',
      path: '/plans/plan-anna/activities/activity-1',
      body: activityChange,
      status: 403,
      code: 'not_the_employee',
    },
    {
      who: ERIK,
      what: "a colleague's activity",
      method: 'PATCH',
      path: '/plans/plan-anna/activities/activity-1',
      body: activityChange,
      status: 404,
      code: 'not_found',
    },
    {
      who: OLOF,
      what: "another manager's employee's activity",
      method: 'PATCH',
      path: '/plans/plan-anna/activities/activity-1',
      body: activityChange,
      status: 404,
      code: 'not_found',
    },
    {
      who: MARIA,
      what: 'the answer to her own proposal',
      method: 'POST',
      path: '/plans/plan-erik/answer',
      body: accept,
      status: 403,
      code: 'not_the_employee',
    },
    {
      who: ANNA,
      what: "the answer to a colleague's proposal",
      method: 'POST',
      path: '/plans/plan-erik/answer',
      body: accept,
      status: 404,
      code: 'not_found',
    },
    {
      who: OLLE,
      what: "another unit's team plan",
      method: 'GET',
      path: `/units/${UNIT_A}/team-plan`,
      status: 404,
      code: 'not_found',
    },
    {
      who: OLOF,
      what: "another unit's team plan",
      method: 'GET',
      path: `/units/${UNIT_A}/team-plan`,
      status: 404,
      code: 'not_found',
    },
    {
      who: ANNA,
      what: 'a unit nobody is in',
      method: 'GET',
      path: `/units/${UNIT_NOBODY}/team-plan`,
      status: 404,
      code: 'not_found',
    },
    {
      who: ANNA,
      what: "her unit's team plan, as a member",
      method: 'PUT',
      path: `/units/${UNIT_A}/team-plan`,
      body: teamPlanChange,
      status: 403,
      code: 'not_the_unit_manager',
    },
    {
      who: STINA,
      what: "her unit's team plan, reporting elsewhere",
      method: 'PUT',
      path: `/units/${UNIT_A}/team-plan`,
      body: teamPlanChange,
      status: 403,
      code: 'not_the_unit_manager',
    },
    {
      who: OLOF,
      what: "another unit's team plan",
      method: 'PUT',
      path: `/units/${UNIT_A}/team-plan`,
      body: teamPlanChange,
      status: 404,
      code: 'not_found',
    },
    {
      who: ANNA,
      what: 'a team, having no reports',
      method: 'GET',
      path: '/me/team',
      status: 403,
      code: 'not_a_manager',
    },
    {
      who: NILS,
      what: 'a team, having no manager either',
      method: 'GET',
      path: '/me/team',
      status: 403,
      code: 'not_a_manager',
    },
  ];

  it.each(REFUSALS)(
    'when $who.displayName asks for $what ($method $path), then it is $status $code and nothing changes',
    async ({ who, method, path, body, status, code }) => {
      const before = await storeState(api);

      const response = await call(api.app, who, method, path, body);

      await expectErrorResponse(response, status, code);
      expect(await storeState(api)).toBe(before);
    },
  );

  it.each([
    ['a plan page', `/people/${ANNA.id}/plan`, '/people/employee-nobody/plan'],
    ['a plan history', '/plans/plan-anna/history', '/plans/plan-nobody/history'],
    ['a team plan', `/units/${UNIT_A}/team-plan`, `/units/${UNIT_NOBODY}/team-plan`],
  ])(
    'when someone asks for %s that is not theirs, then the answer is the same as for one that does not exist',
    async (_what, existing, missing) => {
      const refused = await call(api.app, OLLE, 'GET', existing);
      const absent = await call(api.app, OLLE, 'GET', missing);

      expect(refused.status).toBe(404);
      expect(await refused.text()).toBe(await absent.text());
    },
  );

  it('when an employee moves to another manager, then the former manager loses the page at once', async () => {
    const page = `/people/${ANNA.id}/plan`;
    expect((await call(api.app, MARIA, 'GET', page)).status).toBe(200);

    api.directory.moveTo(ANNA.id, OLOF.id);
    try {
      await expectErrorResponse(await call(api.app, MARIA, 'GET', page), 404, 'not_found');
      expect((await call(api.app, OLOF, 'GET', page)).status).toBe(200);
    } finally {
      api.directory.moveTo(ANNA.id, MARIA.id);
    }
  });
});

describe('the plan API routes with a method, query or path they do not take', () => {
  const api = usePlanApi();

  const wrongMethods = (allow: string): Method[] =>
    (['DELETE', 'PATCH', 'POST', 'PUT'] as const).filter((method) => !allow.includes(method));

  it.each(named)(
    'when $name is called with a method it does not take, then it is 405 with Allow',
    async ({ path, allow, body }) => {
      const before = await storeState(api);

      for (const method of wrongMethods(allow)) {
        const response = await call(api.app, MARIA, method, path, body ?? {});
        await expectErrorResponse(response, 405, 'method_not_allowed');
        expect(response.headers.get('allow')).toBe(allow);
      }
      expect(await storeState(api)).toBe(before);
    },
  );

  it.each(named)(
    'when $name gets a query parameter it does not know, then it is 400 naming it',
    async ({ method, path, body }) => {
      const before = await storeState(api);

      const response = await call(api.app, MARIA, method, `${path}?admin=true`, body);

      const error = await expectErrorResponse(response, 400, 'invalid_request');
      expect(error.error.message).toContain('admin');
      expect(await storeState(api)).toBe(before);
    },
  );

  const activityChange = { status: 'done', expectedVersion: 1 };
  it.each([
    ['a plan id with a space', 'PATCH', '/plans/plan%20anna/activities/activity-1', activityChange],
    ['an activity id of markup', 'PATCH', '/plans/plan-anna/activities/%3Cb%3E', activityChange],
    [
      'a plan id of 201 characters',
      'POST',
      `/plans/${'p'.repeat(201)}/answer`,
      { decision: 'accept', expectedVersion: 1 },
    ],
    ['a path in the plan id', 'GET', '/plans/..%2F..%2Fetc/history', undefined],
    ['SQL in the person id', 'GET', "/people/x'%20OR%20'1'='1/plan", undefined],
    ['a NUL byte as the unit id', 'GET', '/units/%00/team-plan', undefined],
  ] as const)(
    'when a request has %s (%s), then it is 400 and nothing is written',
    async (_what, method, path, body) => {
      const before = await storeState(api);

      const response = await call(api.app, ANNA, method, path, body);

      await expectErrorResponse(response, 400, 'invalid_request');
      expect(await storeState(api)).toBe(before);
    },
  );

  it.each(named.filter((route) => route.method === 'GET'))(
    'when $name is asked with HEAD, then it answers like GET without a body, and is not cached',
    async ({ path }) => {
      const response = await call(api.app, MARIA, 'HEAD', path);

      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).toBe('');
    },
  );
});
