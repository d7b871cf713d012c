import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActivityHandler } from 'botbuilder';
import type { Directory } from '../../core/ports/directory';
import { createApiRouter } from '../../bot/api/router';
import { loadConfig, type Config } from '../../bot/config';
import { DemoDirectory, EmptyDirectory } from '../../bot/directory/demoDirectory';
import { createLogger } from '../../bot/logger';
import { tabBuildDir } from '../../bot/paths';
import { createHttpApp } from '../../bot/server';
import { createAdapter } from '../../bot/teams/adapter';

export interface ApiTestApp {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  config: Config;
  /** GET (or another method) on /api/v1<path>, with optional headers and raw body. */
  api(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export interface ApiTestAppOptions {
  /** Environment variables, as `npm start` would read them. */
  env?: Record<string, string>;
  /** Changes to the loaded config that no environment can produce (defence-in-depth cases). */
  override?: Partial<Config>;
  /** Defaults to what the service composes: the demo directory in demo mode, else nobody. */
  directory?: Directory;
}

/**
 * The lead's real HTTP app (createHttpApp: bot endpoint, tab files, central error handler)
 * with the real API router, on a free loopback port. A CloudAdapter without credentials and a
 * bare ActivityHandler stand in for the bot: these tests never post activities.
 */
export async function startApiTestApp(options: ApiTestAppOptions = {}): Promise<ApiTestApp> {
  const config: Config = {
    ...loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      ...options.env,
    }),
    ...options.override,
  };
  const logger = createLogger(config.logLevel);
  const directory =
    options.directory ?? (config.demoOrganisation ? new DemoDirectory() : new EmptyDirectory());
  const app = createHttpApp({
    adapter: createAdapter(config, logger),
    bot: new ActivityHandler(),
    checkReadiness: async () => undefined,
    apiRouter: createApiRouter({ config, directory, logger }),
    tabDir: tabBuildDir(),
    logger,
  });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    config,
    api: (path, init) => fetch(`${url}/api/v1${path}`, init),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
