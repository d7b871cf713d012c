import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { Config } from './config';
import type { Directory } from '../core/ports/directory';
import type { Messenger } from '../core/ports/messenger';
import { createApiRouter } from './api/router';
import type { FlowDependencies } from './flowDependencies';
import { DemoDirectory, EmptyDirectory } from './directory/demoDirectory';
import { createLogger, type Logger } from './logger';
import { tabBuildDir } from './paths';
import { createHttpApp } from './server';
import { openDatabase } from './storage/openDatabase';
import { RecentConversationReferences } from './storage/recentConversationReferences';
import { SqlConversationReferenceStore } from './storage/sqlConversationReferenceStore';
import { SqlPlanStore } from './storage/sqlPlanStore';
import { CachedPreparationDrafts } from './storage/cachedPreparationDrafts';
import { SqlPreparationDraftStore } from './storage/sqlPreparationDraftStore';
import { SqlWelcomeRegistry } from './storage/sqlWelcomeRegistry';
import { createAdapter } from './teams/adapter';
import { KompetensdialogBot } from './teams/KompetensdialogBot';
import { rememberConversations } from './teams/rememberConversations';
import { TeamsMessenger } from './teams/teamsMessenger';

export interface RunningService {
  /** The address the service listens on, e.g. http://127.0.0.1:3978. */
  url: string;
  port: number;
  /** Proactive messages to a person's personal chat (reminders, notices to a manager). */
  messenger: Messenger;
  /** Stops taking requests, lets in-flight ones finish, closes the database. */
  close(): Promise<void>;
}

export interface ServiceOptions {
  logger?: Logger;
  /** Replaces the Teams messenger, e.g. with a recording fake in tests. */
  messenger?: Messenger;
  /** Replaces the directory, e.g. with an organisation of several managers in tests. */
  directory?: Directory;
  /** Replaces the clock of the conversation flows and the tab API, e.g. a fixed day in tests. */
  now?: () => Date;
}

/** The personal tab, by the entity id the manifest gives it. */
export function personalTabDeepLink(config: Config): string {
  return `https://teams.microsoft.com/l/entity/${config.teamsAppId}/min-utvecklingsplan`;
}

/** The composition root: builds the adapters behind the ports and starts the HTTP server. */
export async function startService(
  config: Config,
  options: ServiceOptions = {},
): Promise<RunningService> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = await openDatabase(config.storage, logger);
  const directory: Directory =
    options.directory ?? (config.demoOrganisation ? new DemoDirectory() : new EmptyDirectory());

  const adapter = createAdapter(config, logger);
  const conversationReferences = new RecentConversationReferences(
    new SqlConversationReferenceStore(database),
  );
  adapter.use(rememberConversations(conversationReferences));
  const messenger =
    options.messenger ??
    new TeamsMessenger(adapter, config.bot?.appId ?? '', conversationReferences, logger);
  // The chat and the tab work on the same store, directory, messenger and clock.
  const flows: FlowDependencies = {
    directory,
    logger,
    myPlanUrl: personalTabDeepLink(config),
    plans: new SqlPlanStore(database),
    messenger,
    defaultProfileId: config.defaultProfileId,
    ...(options.now ? { now: options.now } : {}),
  };
  const bot = new KompetensdialogBot({
    ...flows,
    welcomes: new SqlWelcomeRegistry(database),
    drafts: new CachedPreparationDrafts(new SqlPreparationDraftStore(database)),
  });
  const app = createHttpApp({
    adapter,
    bot,
    checkReadiness: async () => {
      await database.query('select 1');
    },
    apiRouter: createApiRouter({ ...flows, config }),
    tabDir: tabBuildDir(),
    logger,
  });

  const server = createServer(app);
  await listen(server, config.port, config.host);
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    messenger,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Idle keep-alive sockets would hold close() open; in-flight requests still finish.
          server.closeIdleConnections();
        });
        await database.close();
      })()),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
