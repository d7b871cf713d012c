import { API_BODY_LIMIT } from '../../bot/api/router';
import { DEMO_USER_HEADER } from '../../bot/api/identity';
import { expectErrorResponse } from '../api/expectErrorResponse';
import { startTestService, type TestService } from '../support/inProcessService';
import { ANNA, KARIN } from '../support/teamsActivities';

const LIMIT = 3;

describe('request limits', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ API_RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  });
  afterAll(async () => {
    await service.stop();
  });

  const me = (personId: string) =>
    fetch(`${service.url}/api/v1/me`, { headers: { [DEMO_USER_HEADER]: personId } });

  it(`when a JSON body over ${API_BODY_LIMIT} is sent to the API, then the answer is 413 too_large in the API's error shape`, async () => {
    const response = await fetch(`${service.url}/api/v1/me/reflections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [DEMO_USER_HEADER]: ANNA.id },
      body: JSON.stringify({ text: 'x'.repeat(70 * 1024) }),
    });
    await expectErrorResponse(response, 413, 'too_large');
  });

  it('when an activity over 256 kB is posted to the bot endpoint, then the answer is 413 too_large, not a 500', async () => {
    const response = await service.postActivity({
      type: 'message',
      text: 'x'.repeat(300 * 1024),
    });
    await expectErrorResponse(response, 413, 'too_large');
  });

  it('when one person goes over the per-minute limit, then they get 429 with Retry-After and another person is not held back', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await me(ANNA.id)).status).toBe(200);

    const refused = await me(ANNA.id);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-policy')).toMatch(new RegExp(`q=${LIMIT}`));
    const body = await expectErrorResponse(refused, 429, 'rate_limited');
    expect(body.error.message).toMatch(/try again/i);

    // Same address, another person: counted apart, because the key is the signed-in caller.
    const karin = await me(KARIN.id);
    expect(karin.status).toBe(200);
    expect(karin.headers.get('ratelimit')).toMatch(new RegExp(`r=${LIMIT - 1}`));
    expect((await me(ANNA.id)).status).toBe(429);
  });
});
