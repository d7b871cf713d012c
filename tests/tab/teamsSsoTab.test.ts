import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import demoOrganisation from '../../bot/demo/demoOrganisation.json';
import { DemoDirectory } from '../../bot/directory/demoDirectory';
import { tabBuildDir } from '../../bot/paths';
import { startApiTestApp, type ApiTestApp } from '../api/apiTestApp';
import { FakeEntra } from '../fakes/fakeEntra';
import { hostCalls, openInFakeTeams } from '../fakes/fakeTeamsHost';
import { CHROMIUM_ARGS, CHROMIUM_PATH, describeWithChromium } from '../support/testEnvironment';

/**
 * The built tab inside the fake Teams host, against the API in SSO mode (no demo
 * organisation): Teams hands the tab a token from the fake Entra, and that token alone says
 * who the person is.
 */

const TENANT_ID = '9b0a1e3c-2d4f-4e5a-8b6c-7d8e9f0a1b2c';
const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const PUBLIC_HOST = 'kompetensdialog.example';

const { manager, employees } = demoOrganisation;
const [anna] = employees;
if (!anna) throw new Error('the demo organisation has no employees');

describeWithChromium('the tab inside Teams with single sign-on', () => {
  let entra: FakeEntra;
  let service: ApiTestApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    if (!existsSync(path.join(tabBuildDir(), 'index.html'))) {
      throw new Error('The tab is not built. Run npm run build:tab before these tests.');
    }
    entra = await FakeEntra.start({
      tenantId: TENANT_ID,
      clientId: APP_ID,
      applicationIdUri: `api://${PUBLIC_HOST}/${APP_ID}`,
    });
    service = await startApiTestApp({
      env: {
        DEMO_ORGANISATION: 'false',
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
        MICROSOFT_APP_TENANT_ID: TENANT_ID,
        PUBLIC_URL: `https://${PUBLIC_HOST}`,
        ENTRA_JWKS_URL: entra.jwksUrl,
      },
      directory: new DemoDirectory(),
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
    await entra?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ locale: 'sv-SE' });
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      return hostname === '127.0.0.1' ? route.continue() : route.abort();
    });
  });
  afterEach(() => context?.close());

  const openPersonalTab = (authTokens: string[]) =>
    openInFakeTeams(context, service.url, 'tab/index.html#/min-plan', {
      frameContext: 'content',
      locale: 'sv-SE',
      theme: 'default',
      authTokens,
    });

  const main = (host: Page) => host.frameLocator('iframe#tab').getByRole('main');

  const tokenAsks = async (host: Page) =>
    (await hostCalls(host)).filter((call) => call.func === 'authentication.getAuthToken').length;

  it("when Teams gives the manager's token, then Min utvecklingsplan is the manager's, not the demo default", async () => {
    const host = await openPersonalTab([await entra.token({ oid: manager.id })]);

    await main(host).getByText(manager.displayName, { exact: true }).first().waitFor();
    await main(host).getByText(`Chef för ${employees.length} medarbetare`).waitFor();
    expect(await main(host).getByText(anna.displayName, { exact: true }).count()).toBe(0);
  });

  it('when the token Teams kept has expired, then the tab gets a fresh one and carries on', async () => {
    const host = await openPersonalTab([
      await entra.token({ oid: anna.id, expiresIn: -600 }),
      await entra.token({ oid: anna.id }),
    ]);

    await main(host).getByText(anna.displayName, { exact: true }).first().waitFor();
    expect(await tokenAsks(host)).toBeGreaterThanOrEqual(2);
  });

  it('when Teams cannot give a token, then the tab says to sign in and offers a retry', async () => {
    const host = await openPersonalTab([]);

    const alert = host.frameLocator('iframe#tab').getByRole('alert').first();
    await alert.getByText('Sign in through Microsoft Teams to use this API.').waitFor();
    await alert.getByRole('button', { name: 'Försök igen' }).waitFor();
  });
});
