import type { ServiceOptions } from '../../bot/service';
import { startTestService, type TestService } from './inProcessService';
import {
  PlaygroundChat,
  cleanUp,
  findFreePort,
  launchLoopbackBrowser,
  startLocaleProxy,
  startTestPlayground,
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
