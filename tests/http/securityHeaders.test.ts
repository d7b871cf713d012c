import { TEAMS_FRAME_ANCESTORS } from '../../bot/http/securityHeaders';
import { startTestService, type TestService } from '../support/inProcessService';

/** The directives of a Content-Security-Policy header, each with its sources. */
function directives(header: string | null): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) parsed.set(name, sources);
  }
  return parsed;
}

describe('security headers', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
  });

  // The tab's page, the API and the health check: every kind of answer carries them.
  const addresses = ['/tab/index.html', '/api/v1/openapi.json', '/healthz', '/no-such-page'];

  it.each(addresses)(
    'when %s is fetched, then only Teams and Office hosts may frame it and no X-Frame-Options stops Teams',
    async (address) => {
      const response = await fetch(`${service.url}${address}`);
      const csp = directives(response.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors')).toEqual(["'self'", ...TEAMS_FRAME_ANCESTORS]);
      expect(csp.get('frame-ancestors')).not.toContain('*');
      expect(csp.get('frame-ancestors')).not.toContain('https:');
      expect(response.headers.get('x-frame-options')).toBeNull();
    },
  );

  it('when the tab is fetched, then scripts come only from the service and styles may be inline for Fluent UI', async () => {
    const response = await fetch(`${service.url}/tab/index.html`);
    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('connect-src')?.[0]).toBe("'self'");
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });

  it('when the frame-ancestors list is read, then it names the hosts Microsoft documents for Teams, Microsoft 365 and Outlook', () => {
    expect(TEAMS_FRAME_ANCESTORS).toEqual(
      expect.arrayContaining([
        'https://teams.microsoft.com',
        'https://*.teams.microsoft.com',
        'https://*.cloud.microsoft',
        'https://*.office.com',
        'https://*.microsoft365.com',
        'https://outlook.office.com',
        'https://outlook.office365.com',
      ]),
    );
    for (const host of TEAMS_FRAME_ANCESTORS) expect(host).toMatch(/^https:\/\/[^/]+$/);
  });

  it('when anything is fetched, then the usual hardening headers are there and Express does not announce itself', async () => {
    const response = await fetch(`${service.url}/api/v1/openapi.json`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
