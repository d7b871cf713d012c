// See stripBomForJest in manifestFixtures: @microsoft/app-manifest needs a CommonJS strip-bom under Jest.
jest.mock('strip-bom', () => jest.requireActual('../manifest/manifestFixtures').stripBomForJest);

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fillTemplate, manifestValuesFromConfig } from '../../manifest/appPackage';
import { startTestService, type TestService } from '../support/inProcessService';

/**
 * Every address the app package sends Teams to – website, privacy notice, terms, the
 * personal tab and the channel tab's configuration page – is served by the running
 * service. A renamed page or route fails here, not in a customer's Teams.
 */
let service: TestService;

beforeAll(async () => {
  service = await startTestService();
});

afterAll(async () => {
  await service.stop();
});

function manifestAddresses(publicUrl: string): string[] {
  const template: unknown = JSON.parse(
    readFileSync(path.resolve(__dirname, '../../manifest/manifest.template.json'), 'utf8'),
  );
  const manifest = fillTemplate(
    template,
    manifestValuesFromConfig({ ...service.config, publicUrl }, '0.0.0'),
  );
  return [
    manifest.developer.websiteUrl,
    manifest.developer.privacyUrl,
    manifest.developer.termsOfUseUrl,
    ...(manifest.staticTabs ?? []).flatMap((tab) => [tab.contentUrl, tab.websiteUrl]),
    ...(manifest.configurableTabs ?? []).map((tab) => tab.configurationUrl),
  ].filter((url): url is string => typeof url === 'string' && url.startsWith(publicUrl));
}

describe('the addresses in the app manifest', () => {
  it('when Teams opens each of them, then the service answers with a page', async () => {
    const addresses = manifestAddresses(service.url);
    expect(addresses.length).toBeGreaterThanOrEqual(6);
    for (const address of addresses) {
      const response = await fetch(address);
      expect({ address, status: response.status }).toEqual({ address, status: 200 });
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    }
  });

  it('when an address does not exist, then the answer is a 404, so the check above can fail', async () => {
    const response = await fetch(`${service.url}/tab/no-such-page.html`);
    expect(response.status).toBe(404);
  });
});
