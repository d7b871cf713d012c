import demoOrganisation from '../../bot/demo/demoOrganisation.json';
import { DemoPeopleResponseSchema } from '../../bot/api/contract';
import { startApiTestApp, type ApiTestApp } from './apiTestApp';
import { expectErrorResponse } from './expectErrorResponse';

describe('GET /api/v1/demo/people', () => {
  let app: ApiTestApp;
  beforeAll(async () => {
    app = await startApiTestApp();
  });
  afterAll(() => app.close());

  it('when demo mode is on, then it lists the manager first and then every employee', async () => {
    const response = await app.api('/demo/people');

    expect(response.status).toBe(200);
    const body = DemoPeopleResponseSchema.parse(await response.json());
    expect(body.people.map((p) => [p.displayName, p.role])).toEqual([
      [demoOrganisation.manager.displayName, 'manager'],
      ...demoOrganisation.employees.map((e) => [e.displayName, 'employee']),
    ]);
    expect(body.defaultPersonId).toBe(demoOrganisation.employees[0]?.id);
  });

  it('when it needs no identity, then even an unknown demo header does not block it', async () => {
    const response = await app.api('/demo/people', { headers: { 'X-Demo-User': 'nobody' } });
    expect(response.status).toBe(200);
  });

  it('when demo mode is off, then the route does not exist for the caller: 404', async () => {
    const off = await startApiTestApp({ env: { DEMO_ORGANISATION: 'false' } });
    try {
      await expectErrorResponse(await off.api('/demo/people'), 404, 'not_found');
    } finally {
      await off.close();
    }
  });
});
