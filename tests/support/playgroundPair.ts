import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ServiceOptions } from '../../bot/service';
import { startTestService, type TestService } from './inProcessService';
import {
  PlaygroundChat,
  cleanUp,
  findFreePort,
  launchLoopbackBrowser,
  startLocaleProxy,
  startTestPlayground,
  withDiagnostics,
  type LocaleProxy,
  type LoopbackBrowser,
  type TestPlayground,
} from './playground';

/**
 * The demo organisation's employee and manager, each in a real Agents Playground page of
 * one Chromium, both talking to the real service in this process through the locale proxy
 * (the playground says en-US; a Swedish Teams client says sv-SE).
 */
export interface PlaygroundPair {
  /** The service now running; replaced by `restartService`. */
  service: TestService;
  anna: PlaygroundChat;
  karin: PlaygroundChat;
  /** The same service again on the same port and environment (keep DATA_DIR to keep data). */
  restartService(): Promise<void>;
  /** Stops everything that was started, even after a failure. */
  stop(): Promise<void>;
}

export async function startPlaygroundPair(
  env: Record<string, string> = {},
  serviceOptions: ServiceOptions = {},
): Promise<PlaygroundPair> {
  // Everything starts at once: the service's port is chosen first, so the proxy in front of
  // it, and the playgrounds behind the proxy, need not wait for the service.
  const serviceEnv = { ...env, PORT: String(await findFreePort()) };
  const proxy: LocaleProxy = await startLocaleProxy({
    target: `http://127.0.0.1:${serviceEnv.PORT}`,
    locale: 'sv-SE',
  });
  const started = await Promise.allSettled([
    startTestService(serviceEnv, serviceOptions),
    startTestPlayground('employee', proxy.botEndpoint),
    startTestPlayground('manager', proxy.botEndpoint),
    launchLoopbackBrowser(),
  ] as const);
  const [s, e, m, b] = started;
  let service: TestService | undefined = s.status === 'fulfilled' ? s.value : undefined;
  const asEmployee: TestPlayground | undefined = e.status === 'fulfilled' ? e.value : undefined;
  const asManager: TestPlayground | undefined = m.status === 'fulfilled' ? m.value : undefined;
  const browser: LoopbackBrowser | undefined = b.status === 'fulfilled' ? b.value : undefined;
  const stop = () =>
    cleanUp([
      browser?.close,
      asEmployee?.stopAndClean,
      asManager?.stopAndClean,
      proxy.close,
      () => service?.stop() ?? Promise.resolve(),
    ]);

  if (
    s.status === 'rejected' ||
    e.status === 'rejected' ||
    m.status === 'rejected' ||
    b.status === 'rejected'
  ) {
    await stop();
    const failures = started.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    throw new AggregateError(failures, 'The end-to-end setup failed');
  }

  try {
    // Both pages load, and send their install events, side by side.
    const [anna, karin] = await Promise.all([
      PlaygroundChat.open(b.value.context, e.value, proxy),
      PlaygroundChat.open(b.value.context, m.value, proxy),
    ]);
    const pair: PlaygroundPair = {
      service: s.value,
      anna,
      karin,
      restartService: async () => {
        await service?.stop(); // Closes the database and its folder lock; a given DATA_DIR stays.
        service = undefined;
        service = await startTestService(serviceEnv, serviceOptions);
        pair.service = service;
      },
      stop,
    };
    return pair;
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * A pair on a data folder of its own, made for the walk and removed by `stop()`; `prepare`
 * may store data in it before the service starts (the embedded database has one owner). It
 * resolves once both pages' install events are answered: the playground shows proactive
 * messages only on an open page, and the bot can write to either only once those events
 * have told it where their chat is.
 */
export async function openPlaygroundPair(
  folderPrefix: string,
  env: Record<string, string>,
  serviceOptions: ServiceOptions,
  prepare: (dataDir: string) => Promise<void> = async () => undefined,
): Promise<PlaygroundPair> {
  const dataDir = await mkdtemp(path.join(tmpdir(), folderPrefix));
  const removeFolder = () => rm(dataDir, { recursive: true, force: true });
  let pair: PlaygroundPair | undefined;
  try {
    await prepare(dataDir);
    pair = await startPlaygroundPair({ ...env, DATA_DIR: dataDir }, serviceOptions);
    const { anna, karin } = pair;
    await withDiagnostics([karin, anna], 'pages-ready', async () => {
      await karin.waitForInstallEventsAnswered();
      await anna.waitForInstallEventsAnswered();
    });
  } catch (error) {
    await cleanUp([() => pair?.stop() ?? Promise.resolve(), removeFolder]);
    throw error;
  }
  const { stop } = pair;
  pair.stop = () => cleanUp([stop, removeFolder]);
  return pair;
}
