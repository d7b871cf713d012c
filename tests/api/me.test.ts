import demoOrganisation from '../../bot/demo/demoOrganisation.json';
import { MeResponseSchema } from '../../bot/api/contract';
import { DemoDirectory } from '../../bot/directory/demoDirectory';
import { getProfile } from '../../core/profiles/profiles';
import { startApiTestApp, type ApiTestApp } from './apiTestApp';
import { expectErrorResponse } from './expectErrorResponse';

const { manager, employees } = demoOrganisation;
const [firstEmployee] = employees;
if (!firstEmployee) throw new Error('the demo organisation has no employees');

describe('GET /api/v1/me in demo mode', () => {
  let app: ApiTestApp;
  beforeAll(async () => {
    app = await startApiTestApp();
  });
  afterAll(() => app.close());

  const asDemoUser = (id: string) => app.api('/me', { headers: { 'X-Demo-User': id } });

  interface Case {
    who: string;
    person: { id: string; displayName: string; jobTitle: string };
    isManager: boolean;
    directReportCount: number;
  }
  const cases: Case[] = [
    { who: 'the manager', person: manager, isManager: true, directReportCount: employees.length },
    ...employees.map((e) => ({
      who: `employee ${e.displayName}`,
      person: e,
      isManager: false,
      directReportCount: 0,
    })),
  ];

  it.each(cases)(
    'when $who asks who they are, then they get themselves and the right manager flag',
    async ({ person, isManager, directReportCount }) => {
      const response = await asDemoUser(person.id);

      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const me = MeResponseSchema.parse(await response.json());
      expect(me.person).toEqual({
        id: person.id,
        displayName: person.displayName,
        jobTitle: person.jobTitle,
      });
      expect(me.isManager).toBe(isManager);
      expect(me.directReportCount).toBe(directReportCount);
    },
  );

  it('when the demo unit uses the VGR profile, then /me summarises that profile', async () => {
    const me = MeResponseSchema.parse(await (await asDemoUser(manager.id)).json());
    const vgr = getProfile(demoOrganisation.unit.profileId);

    expect(me.profile).toMatchObject({ id: vgr.id, name: vgr.name });
    expect(me.profile?.dialogueTypes.map((d) => d.id)).toEqual(
      [...vgr.dialogueCycle].sort((a, b) => a.order - b.order).map((d) => d.id),
    );
    expect(me.profile?.priorityAreas.map((a) => a.id)).toEqual(
      vgr.priorityAreas.areas.map((a) => a.id),
    );
  });

  it('when no X-Demo-User header is sent, then the caller is the first demo employee', async () => {
    const me = MeResponseSchema.parse(await (await app.api('/me')).json());

    expect(me.person.id).toBe(firstEmployee.id);
    expect(me.isManager).toBe(false);
  });

  it('when X-Demo-User names nobody in the demo organisation, then the answer is 401', async () => {
    const response = await asDemoUser('11111111-2222-4333-8444-555555555555');

    await expectErrorResponse(response, 401, 'unauthenticated');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it.each([
    ['an empty value', ''],
    ['SQL', "x' OR '1'='1"],
    ['a path', '../../etc/passwd'],
    ['markup', '<script>alert(1)</script>'],
    ['a very long id', 'a'.repeat(5000)],
    ['spaces', 'Anna Andersson'],
  ])(
    'when X-Demo-User is %s, then the answer is 400 and names the header',
    async (_what, value) => {
      const response = await asDemoUser(value);

      const body = await expectErrorResponse(response, 400, 'invalid_request');
      expect(body.error.message).toContain('x-demo-user');
    },
  );

  it('when /me gets a query parameter it does not know, then the answer is 400', async () => {
    const body = await expectErrorResponse(await app.api('/me?admin=true'), 400, 'invalid_request');
    expect(body.error.message).toContain('admin');
  });

  it('when /me is asked with HEAD, then it answers like GET without a body', async () => {
    const response = await app.api('/me', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('GET /api/v1/me outside demo mode', () => {
  // The demo directory is wired in on purpose: the people exist, so only the identity rule
  // can be what refuses them.
  it.each([
    ['demo mode switched off', { env: { DEMO_ORGANISATION: 'false' } }],
    [
      'production (even if demo mode were somehow on)',
      { override: { environment: 'production' as const, demoOrganisation: true } },
    ],
  ])('when %s, then a demo header gives no identity: 401', async (_when, options) => {
    const app = await startApiTestApp({ ...options, directory: new DemoDirectory() });
    try {
      for (const headers of [{ 'X-Demo-User': manager.id }, {}] as Record<string, string>[]) {
        const response = await app.api('/me', { headers });
        await expectErrorResponse(response, 401, 'unauthenticated');
      }
      await expectErrorResponse(await app.api('/demo/people'), 404, 'not_found');
    } finally {
      await app.close();
    }
  });

  it('when a bearer token is sent to a service with no Entra app configured (emulator mode), then it is not accepted', async () => {
    const app = await startApiTestApp({ env: { DEMO_ORGANISATION: 'false' } });
    try {
      const response = await app.api('/me', { headers: { Authorization: 'Bearer abc.def.ghi' } });
      await expectErrorResponse(response, 401, 'unauthenticated');
    } finally {
      await app.close();
    }
  });
});
