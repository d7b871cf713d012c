import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../bot/config';
import { startService, type RunningService, type ServiceOptions } from '../../bot/service';

export interface TestService extends RunningService {
  config: Config;
  dataDir: string;
  /** POST a JSON body (or a raw string) to /api/messages. */
  postActivity(body: unknown, init?: { raw?: string; contentType?: string }): Promise<Response>;
  /** Stops the service and removes its data folder, unless the caller gave it (DATA_DIR). */
  stop(): Promise<void>;
}

/**
 * The real service, in this process, on a free loopback port, with a fresh embedded database.
 * `env` adds or overrides variables, as the environment would for `npm start`; `options`
 * replaces parts of the service (a recording messenger). The reminder worker is off unless
 * `env` sets REMINDERS=on. A given DATA_DIR is used as it is
 * and kept, so a second service can start on it after a restart.
 */
export async function startTestService(
  env: Record<string, string> = {},
  options: ServiceOptions = {},
): Promise<TestService> {
  const dataDir = env.DATA_DIR ?? (await mkdtemp(path.join(tmpdir(), 'kd-service-')));
  const ownsDataDir = env.DATA_DIR === undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // The reminder worker sends on its own; only the tests about reminders turn it on, so
    // no other test's connector sees a card it did not ask for.
    REMINDERS: 'off',
    // Tests and benchmarks call the API far faster than a person; the tests of the limit set
    // their own.
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    ...env,
  });
  const removeOwnDataDir = () =>
    ownsDataDir ? rm(dataDir, { recursive: true, force: true }) : Promise.resolve();
  const service = await startService(config, options).catch(async (error: unknown) => {
    await removeOwnDataDir();
    throw error;
  });
  return {
    ...service,
    config,
    dataDir,
    postActivity: (body, init = {}) =>
      fetch(`${service.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': init.contentType ?? 'application/json' },
        body: init.raw ?? JSON.stringify(body),
      }),
    stop: async () => {
      await service.close();
      await removeOwnDataDir();
    },
  };
}
