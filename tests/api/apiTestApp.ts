import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ActivityHandler } from 'botbuilder';
import type { Directory } from '../../core/ports/directory';
import type { Messenger } from '../../core/ports/messenger';
import type { PlanStore } from '../../core/ports/planStore';
import { createApiRouter, type ApiDependencies } from '../../bot/api/router';
import { loadConfig, type Config } from '../../bot/config';
import { DemoDirectory, EmptyDirectory } from '../../bot/directory/demoDirectory';
import { createLogger } from '../../bot/logger';
import { tabBuildDir } from '../../bot/paths';
import { createHttpApp } from '../../bot/server';
import { personalTabDeepLink } from '../../bot/service';
import { openDatabase } from '../../bot/storage/openDatabase';
import type { SqlDatabase } from '../../bot/storage/sqlDatabase';
import { SqlPlanStore } from '../../bot/storage/sqlPlanStore';
import { SqlReminderQueue } from '../../bot/storage/sqlReminderQueue';
import { SqlReminderSettingsStore } from '../../bot/storage/sqlReminderSettingsStore';
import { SqlAuditLog } from '../../bot/storage/sqlAuditLog';
import { SqlOperationalPersonalData } from '../../bot/storage/sqlPersonalData';
import type { AuditLog } from '../../core/ports/auditLog';
import type { OperationalPersonalData } from '../../core/ports/personalDataErasure';
import type { ReminderQueue } from '../../core/ports/reminderQueue';
import type { ReminderSettingsStore } from '../../core/ports/reminderSettingsStore';
import { createAdapter } from '../../bot/teams/adapter';
import { RecordingMessenger } from '../fakes/recordingMessenger';

export interface ApiTestApp {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  config: Config;
  /** What the API router was composed with: the store to seed and check, the directory… */
  deps: ApiDependencies;
  /**
   * The plan store on this app's own fresh embedded database, opened when first used (or the
   * store given in the options).
   */
  plans: PlanStore;
  /** The messenger given, or a recording one: what the API told people in their chat. */
  messenger: Messenger;
  /** GET (or another method) on /api/v1<path>, with optional headers and raw body. */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Stops the server, closes the database and removes its folder. */
  close(): Promise<void>;
}

export interface ApiTestAppOptions {
  /** Environment variables, as `npm start` would read them. */
  env?: Record<string, string>;
  /** Changes to the loaded config that no environment can produce (defence-in-depth cases). */
  override?: Partial<Config>;
  /** Defaults to what the service composes: the demo directory in demo mode, else nobody. */
  directory?: Directory;
  /** Defaults to a RecordingMessenger that delivers to everyone. */
  messenger?: Messenger;
  /** The API's clock; the real one by default. */
  now?: () => Date;
  /** Another app's store, to serve the same data under another configuration. */
  plans?: PlanStore;
}

/**
 * The lead's real HTTP app (createHttpApp: bot endpoint, tab files, central error handler)
 * with the real API router over a real plan store on a fresh embedded database, on a free
 * loopback port. A CloudAdapter without credentials and a bare ActivityHandler stand in for
 * the bot: these tests never post activities.
 */
export async function startApiTestApp(options: ApiTestAppOptions = {}): Promise<ApiTestApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kd-api-'));
  const config: Config = {
    ...loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      // Tests call the API far faster than a person; the tests of the limit set their own.
      API_RATE_LIMIT_PER_MINUTE: '1000000',
      ...options.env,
    }),
    ...options.override,
  };
  const logger = createLogger(config.logLevel);
  let database: Promise<SqlDatabase> | undefined;
  const opened = () => (database ??= openDatabase({ kind: 'embedded', dataDir }));
  const plans = options.plans ?? lazily<PlanStore>(async () => new SqlPlanStore(await opened()));
  const messenger = options.messenger ?? new RecordingMessenger();
  const deps: ApiDependencies = {
    config,
    directory:
      options.directory ?? (config.demoOrganisation ? new DemoDirectory() : new EmptyDirectory()),
    logger,
    plans,
    messenger,
    defaultProfileId: config.defaultProfileId,
    myPlanUrl: personalTabDeepLink(config),
    reminders: lazily<ReminderQueue>(async () => new SqlReminderQueue(await opened())),
    reminderSettings: lazily<ReminderSettingsStore>(
      async () => new SqlReminderSettingsStore(await opened()),
    ),
    ...(options.now ? { now: options.now } : {}),
    // As the service composes them: who saw whose plan, and the bot's memory to erase.
    audit: lazily<AuditLog>(async () => new SqlAuditLog(await opened())),
    operationalData: lazily<OperationalPersonalData>(
      async () => new SqlOperationalPersonalData(await opened()),
    ),
  };
  const app = createHttpApp({
    adapter: createAdapter(config, logger),
    bot: new ActivityHandler(),
    checkReadiness: async () => undefined,
    apiRouter: createApiRouter(deps),
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
    deps,
    plans,
    messenger,
    api: (path, init) => fetch(`${url}/api/v1${path}`, init),
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      });
      if (database) await (await database).close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A plan store whose database opens on the first call: starting PGlite costs seconds on a
 * busy machine, and most identity and request-handling tests never reach the store.
 */
/** A store whose database opens on its first call, for the tests that never touch it. */
function lazily<T extends object>(open: () => Promise<T>): T {
  let store: Promise<T> | undefined;
  return new Proxy({} as T, {
    get: (_target, method) => {
      // Not a promise itself: `await` on the store must not mistake it for one.
      if (typeof method !== 'string' || method === 'then') return undefined;
      return async (...args: unknown[]) => {
        store ??= open();
        const opened = await store;
        const call = Reflect.get(opened, method) as (...a: unknown[]) => Promise<unknown>;
        return Reflect.apply(call, opened, args);
      };
    },
  });
}
