import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import demoOrganisation from '../../bot/demo/demoOrganisation.json';
import {
  PLAYGROUND_VIEWS,
  PROJECT_ROOT,
  findFreePort,
  playgroundConfigPath,
  startLocaleProxy,
  startPlayground,
  type LocaleProxy,
  type PlaygroundView,
  type RunningPlayground,
} from '../../scripts/playground-harness.cjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './testEnvironment';

/**
 * The Microsoft 365 Agents Playground and a loopback-only Chromium for end-to-end tests.
 * What the playground is and does: scripts/playground-harness.cjs.
 *
 * The service under test is any HTTP server that takes Bot Framework activities at
 * `<url>/api/messages` and replies to `activity.serviceUrl` (tests/support/inProcessService.ts
 * starts the real one in this process).
 */

export { PROJECT_ROOT, findFreePort, startLocaleProxy };
export type { LocaleProxy, PlaygroundView, RunningPlayground };

export type DemoPerson = (typeof demoOrganisation.employees)[number];

/** A person of the demo organisation, by id (their aadObjectId in the playground). */
export function demoPerson(id: string): DemoPerson {
  const person = [demoOrganisation.manager, ...demoOrganisation.employees].find((p) => p.id === id);
  if (!person) throw new Error(`${id} is not in bot/demo/demoOrganisation.json`);
  return person;
}

/** Who you are in this view of the playground. */
export const currentUserOf = (view: PlaygroundView): DemoPerson =>
  demoPerson(PLAYGROUND_VIEWS[view].currentUserAadObjectId);

export interface TestPlayground extends RunningPlayground {
  view: PlaygroundView;
  workDir: string;
  /** Stops the playground and removes its working folder (and so its log). */
  stopAndClean(): Promise<void>;
}

/** A playground for `view` on a free port, in a fresh temp folder, posting to `botEndpoint`. */
export async function startTestPlayground(
  view: PlaygroundView,
  botEndpoint: string,
): Promise<TestPlayground> {
  const workDir = await mkdtemp(path.join(tmpdir(), `kd-playground-${view}-`));
  try {
    const playground = await startPlayground({
      port: await findFreePort(),
      botEndpoint,
      configPath: playgroundConfigPath(view),
      workDir,
    });
    return {
      ...playground,
      view,
      workDir,
      stopAndClean: async () => {
        await playground.stop();
        await rm(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface LoopbackBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Debian's Chromium in a fresh profile, able to reach only this machine: every request to
 * another host is aborted (the playground asks a CDN for fonts; offline that is cosmetic),
 * and the host resolver knows no other names, which also covers WebSockets.
 */
export async function launchLoopbackBrowser(): Promise<LoopbackBrowser> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'kd-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      args: [
        ...CHROMIUM_ARGS,
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      ],
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
      viewport: { width: 1280, height: 900 },
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  // On the context, so every page (and popup) is covered, not only the first.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOOPBACK_HOSTS.has(url.hostname)) {
      return route.continue();
    }
    return route.abort('blockedbyclient');
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** How long a step may take before the test fails: generous, a whole flow takes seconds. */
export const STEP_TIMEOUT_MS = 10_000;

/**
 * How long a fresh page may take to show its compose box: the playground's bundles are parsed
 * on a cold Chromium, and on a loaded two-core machine that took over 10 s.
 */
const OPEN_TIMEOUT_MS = 30_000;

/** For a suite's beforeAll that starts the service, the playground(s) and Chromium. */
export const PLAYGROUND_SETUP_TIMEOUT_MS = 120_000;

/**
 * One browser tab on the playground, driven the way a person would: by roles, labels and
 * texts, never by the generated class names.
 */
export class PlaygroundChat {
  constructor(
    readonly page: Page,
    readonly playground: RunningPlayground,
    /** The proxy in front of the bot, if any: its record of activities goes into failures. */
    readonly proxy?: LocaleProxy,
  ) {}

  /**
   * Opens the playground in a new tab. Every page load selects the personal chat and sends
   * installationUpdate and conversationUpdate to the bot.
   */
  static async open(
    context: BrowserContext,
    playground: RunningPlayground,
    proxy?: LocaleProxy,
  ): Promise<PlaygroundChat> {
    const chat = new PlaygroundChat(await context.newPage(), playground, proxy);
    // Every wait and action on the page gives up well before Jest's test timeout, so a
    // failure comes back through withDiagnostics with its screenshot and logs.
    chat.page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await withDiagnostics(chat, `open-${playground.port}`, async () => {
      // Not "load": that waits for every subresource (the aborted CDN fonts among them) and
      // timed out on a loaded machine after the page had already sent its install events.
      // The compose box is the readiness that matters.
      await chat.page.goto(playground.url, {
        waitUntil: 'domcontentloaded',
        timeout: OPEN_TIMEOUT_MS,
      });
      await chat.messageBox().waitFor({ timeout: OPEN_TIMEOUT_MS });
    });
    return chat;
  }

  /** A reload sends the install events again and shows an empty chat (history is per page). */
  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'domcontentloaded', timeout: OPEN_TIMEOUT_MS });
    await this.messageBox().waitFor({ timeout: OPEN_TIMEOUT_MS });
  }

  /**
   * The compose box: a contenteditable with role textbox ("Type a message..."). A card's text
   * inputs are textboxes too, so only the contenteditable one is meant.
   */
  messageBox(): Locator {
    return this.page.getByRole('textbox').and(this.page.locator('[contenteditable="true"]'));
  }

  /**
   * Makes this the tab in front. Chromium gives a background tab no animation frames, and
   * Playwright waits for two of them before every click ("stable"): a click in a background
   * playground tab waited about 1.7 s for each.
   */
  async focus(): Promise<void> {
    await this.page.bringToFront();
  }

  /** Writes `text` into the compose box and sends it with Enter. */
  async send(text: string): Promise<void> {
    await this.focus();
    const box = this.messageBox();
    await box.click();
    await box.fill(text);
    await box.press('Enter');
  }

  /** Adaptive Card titles (TextBlock style "heading") are headings of level 2. */
  cardTitled(title: string): Locator {
    return this.page.getByRole('heading', { name: title, exact: true });
  }

  /**
   * The Adaptive Cards with this title. `ac-adaptiveCard` is the class the Adaptive Cards
   * renderer itself gives a card's root (stable, unlike the playground's generated classes).
   */
  cards(title: string): Locator {
    return this.page.locator('.ac-adaptiveCard').filter({ has: this.cardTitled(title) });
  }

  /** Waits for the `n`th card with this title (1-based) and returns it. */
  async waitForCard(title: string, n = 1): Promise<Locator> {
    const card = this.cards(title).nth(n - 1);
    await card.waitFor({ timeout: STEP_TIMEOUT_MS });
    return card;
  }

  /** The person shown in the top bar: who the playground says you are. */
  currentUser(name: string): Locator {
    return this.page.getByRole('toolbar').getByText(name, { exact: true });
  }

  /**
   * Waits until the log panel shows that the bot answered both events of this page load.
   * The bot sends its welcome inside those turns, so it has been posted by then.
   */
  async waitForInstallEventsAnswered(): Promise<void> {
    for (const event of ['installationUpdate', 'conversationUpdate']) {
      await this.page
        .getByText(`${event} 200`, { exact: true })
        .first()
        .waitFor({ timeout: STEP_TIMEOUT_MS });
    }
  }

  /** Saves a full-page screenshot under test-results/playground/ and returns its path. */
  async screenshot(name: string): Promise<string> {
    const dir = path.join(PROJECT_ROOT, 'test-results', 'playground');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${name.replace(/[^\w-]+/g, '-')}-${Date.now()}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }
}

/**
 * Runs a test step; if it fails, the error says what the browser showed (a screenshot path
 * for each chat given), what the bot was sent and answered, each playground's own log, and
 * whatever else `more` adds (e.g. the service's log).
 */
export async function withDiagnostics(
  chats: PlaygroundChat | readonly PlaygroundChat[],
  name: string,
  step: () => Promise<void>,
  more?: () => string,
): Promise<void> {
  try {
    await step();
  } catch (error) {
    const all = chats instanceof PlaygroundChat ? [chats] : chats;
    const screenshots = await Promise.all(
      all.map((chat) =>
        chat
          .screenshot(all.length > 1 ? `${name}-${chat.playground.config.currentUser.name}` : name)
          .catch((e: Error) => `(none: ${e.message})`),
      ),
    );
    // One proxy usually serves every chat; its record is listed once.
    const proxies = [...new Set(all.flatMap((chat) => (chat.proxy ? [chat.proxy] : [])))];
    const exchanges = proxies
      .flatMap((proxy) => proxy.exchanges.slice(-15))
      .map((x) => {
        const what = x.type
          ? `${x.type}${x.name ? `/${x.name}` : ''} in ${x.conversationId}`
          : x.path;
        return `  ${x.at} ${x.method} ${what} → ${x.status}${x.error ? ` ${x.error}` : ''}`;
      })
      .join('\n');
    const original = error instanceof Error ? error : new Error(String(error));
    throw new Error(
      [
        original.message,
        '',
        ...screenshots.map((file) => `Screenshot: ${file}`),
        `Activities the bot was sent (latest last):\n${exchanges || '  (none)'}`,
        ...all.map((chat) => chat.playground.diagnostics()),
        ...(more ? [more()] : []),
      ].join('\n'),
      { cause: original },
    );
  }
}

/** Runs every clean-up step in order, even after one fails, then reports all failures. */
export async function cleanUp(steps: Array<(() => Promise<unknown>) | undefined>): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps) {
    try {
      await step?.();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) {
    throw new AggregateError(failures, `${failures.length} clean-up step(s) failed`);
  }
}
