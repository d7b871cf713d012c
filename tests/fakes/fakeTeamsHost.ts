import type { BrowserContext, Page } from 'playwright-core';

/**
 * A stand-in for the Teams web client that hosts a tab, honouring the teams-js 2.x
 * postMessage protocol the tab uses: `initialize` (answered with frame context, client type
 * and a runtime config of apiVersion 4), `getContext` (a legacy context object), one-way
 * calls such as `appInitialization.success` and `settings.setValidityState`, calls with a
 * status answer such as `settings.setSettings` and `authentication.getAuthToken` ([true,
 * token] or [false, reason]), and host-to-app events such as `themeChange` and `settings.save`.
 *
 * teams-js only talks to https hosts on its list of valid origins, so the host page is served
 * as https://teams.microsoft.com and the tab as https://kompetensdialog.example, both fulfilled
 * by Playwright from memory and from the local service: nothing leaves the machine.
 */

export const FAKE_HOST_ORIGIN = 'https://teams.microsoft.com';
export const FAKE_TAB_ORIGIN = 'https://kompetensdialog.example';

export interface HostedTabOptions {
  /** Where the tab is inside Teams: content (a tab) or settings (its configuration page). */
  frameContext: 'content' | 'settings';
  locale: string;
  theme: 'default' | 'dark' | 'contrast';
  /** What pages.getConfig() answers: the saved configuration of the tab, if any. */
  savedConfig?: Record<string, string>;
  /**
   * What authentication.getAuthToken() answers, one token per call in order, the last one
   * again when they run out (e.g. tokens of tests/fakes/fakeEntra.ts). None: Teams fails, as
   * it does for an app without single sign-on.
   */
  authTokens?: string[];
}

/** Teams' answer to getAuthToken when it cannot give a token. */
export const NO_AUTH_TOKEN_REASON = 'resourceDisabled';

export interface HostCall {
  func: string;
  args: unknown[];
}

/** The host page: an iframe for the tab and a script that answers it like Teams would. */
function hostPage(tabUrl: string, options: HostedTabOptions): string {
  const runtimeConfig = {
    apiVersion: 4,
    supports: { appInitialization: {}, pages: { config: {}, tabs: {}, backStack: {} } },
  };
  const context = {
    locale: options.locale,
    theme: options.theme,
    frameContext: options.frameContext,
    hostClientType: 'web',
    entityId: options.frameContext === 'settings' ? '' : 'min-utvecklingsplan',
    userObjectId: '00000000-0000-4000-8000-000000000011',
    tid: '00000000-0000-4000-8000-0000000000aa',
  };
  const script = `
    const frame = document.getElementById('tab');
    const authTokens = ${JSON.stringify(options.authTokens ?? [])};
    const answers = {
      initialize: () => [${JSON.stringify(options.frameContext)}, 'web', ${JSON.stringify(
        JSON.stringify(runtimeConfig),
      )}, '2.58.0'],
      getContext: () => [${JSON.stringify(context)}],
      'settings.getSettings': () => [${JSON.stringify(options.savedConfig ?? {})}],
      'settings.setSettings': () => [true],
      'authentication.getAuthToken': () =>
        authTokens.length === 0
          ? [false, ${JSON.stringify(NO_AUTH_TOKEN_REASON)}]
          : [true, authTokens.length > 1 ? authTokens.shift() : authTokens[0]],
    };
    window.hostCalls = [];
    window.addEventListener('message', (event) => {
      if (event.source !== frame.contentWindow || !event.data || !event.data.func) return;
      const { id, uuidAsString, func, args } = event.data;
      window.hostCalls.push({ func, args: args || [] });
      const answer = answers[func];
      if (answer) event.source.postMessage({ id, uuidAsString, args: answer() }, event.origin);
    });
    window.sendToTab = (func, args) =>
      frame.contentWindow.postMessage({ func, args }, ${JSON.stringify(FAKE_TAB_ORIGIN)});
  `;
  return `<!doctype html><html lang="en"><head><title>Fake Teams</title></head><body>
    <iframe id="tab" title="Kompetensdialog" src="${tabUrl}" style="width:100%;height:900px;border:0"></iframe>
    <script>${script}</script></body></html>`;
}

/**
 * Opens `tabPath` (e.g. "tab/index.html") of the service at `serviceUrl` inside the fake
 * Teams host. Returns the host page; the tab is its only iframe.
 */
export async function openInFakeTeams(
  context: BrowserContext,
  serviceUrl: string,
  tabPath: string,
  options: HostedTabOptions,
): Promise<Page> {
  const tabUrl = `${FAKE_TAB_ORIGIN}/${tabPath}`;
  await context.route(`${FAKE_HOST_ORIGIN}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: hostPage(tabUrl, options) }),
  );
  await context.route(`${FAKE_TAB_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    try {
      const response = await route.fetch({ url: `${serviceUrl}${url.pathname}${url.search}` });
      await route.fulfill({ response });
    } catch {
      // The test closed the context while the tab still had a request in flight (the page
      // keeps loading sections after what a test waits for), or the service did not answer:
      // either way the tab sees a failed request, as it would in Teams, and any test that
      // still looks at the page sees the tab's error, not a stray error from this handler.
      await route.abort('failed').catch(() => undefined);
    }
  });
  const page = await context.newPage();
  await page.goto(`${FAKE_HOST_ORIGIN}/_fake-host`);
  return page;
}

/** Everything the tab has asked the host so far. */
export function hostCalls(page: Page): Promise<HostCall[]> {
  return page.evaluate('window.hostCalls') as Promise<HostCall[]>;
}

/** An event from Teams to the tab, e.g. themeChange or settings.save. */
export function sendToTab(page: Page, func: string, args: unknown[]): Promise<void> {
  return page.evaluate(`window.sendToTab(${JSON.stringify(func)}, ${JSON.stringify(args)})`);
}
