import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { hostname } from 'node:os';
import { Router } from 'express';
import type { Config } from './config';
import type { Directory } from '../core/ports/directory';
import type { MeetingCalendarStatus } from '../core/ports/meetingCalendar';
import type { Messenger } from '../core/ports/messenger';
import type { PlanStore } from '../core/ports/planStore';
import { createApiRouter } from './api/router';
import type { FlowDependencies } from './flowDependencies';
import { listProfiles } from '../core/profiles/profiles';
import { DemoDirectory, EmptyDirectory } from './directory/demoDirectory';
import { GraphDirectory } from './directory/graphDirectory';
import { GraphMeetingCalendar } from './graph/graphMeetingCalendar';
import { GraphRequests } from './graph/graphRequests';
import { provisionSharePointLists } from './graph/sharePointLists';
import { SharePointPlanStore } from './graph/sharePointPlanStore';
import {
  GRAPH_PERMISSIONS,
  grantedGraphPermissions,
  holdsAny,
  MissingGraphPermissionError,
} from './graph/grantedPermissions';
import { AzureIdentityTokenProvider, type TokenProvider } from './graph/tokenProvider';
import { createLogger, type Logger } from './logger';
import { tabBuildDir } from './paths';
import { createHttpApp } from './server';
import {
  SHUTDOWN_DEADLINE_MS,
  trackRequestsInFlight,
  withinDeadline,
} from './http/gracefulShutdown';
import { ServiceMetrics } from './http/metrics';
import { createMetricsRouter } from './http/metricsRoute';
import { createReadinessCheck } from './http/readiness';
import { openDatabase } from './storage/openDatabase';
import { RecentConversationReferences } from './storage/recentConversationReferences';
import { SqlConversationReferenceStore } from './storage/sqlConversationReferenceStore';
import { SqlPlanStore } from './storage/sqlPlanStore';
import { SqlReminderQueue } from './storage/sqlReminderQueue';
import { SqlReminderSettingsStore } from './storage/sqlReminderSettingsStore';
import { CachedPreparationDrafts } from './storage/cachedPreparationDrafts';
import { SqlPreparationDraftStore } from './storage/sqlPreparationDraftStore';
import { SqlWelcomeRegistry } from './storage/sqlWelcomeRegistry';
import { SqlAuditLog } from './storage/sqlAuditLog';
import { SqlJobLeases, SqlOperationalPersonalData } from './storage/sqlPersonalData';
import { RetentionJob } from './privacy/retentionJob';
import { createAdapter } from './teams/adapter';
import { KompetensdialogBot } from './teams/KompetensdialogBot';
import { rememberConversations } from './teams/rememberConversations';
import { TeamsMessenger } from './teams/teamsMessenger';
import { composeReminder } from './reminders/reminderMessages';
import {
  ReminderCatchUp,
  ReminderPlanner,
  withReminderPlanning,
} from './reminders/reminderPlanning';
import { createReminderOpsRouter } from './reminders/reminderOpsRoute';
import { QuietHoursMessenger } from './reminders/quietHoursMessenger';
import { ReminderWorker } from './reminders/reminderWorker';
import { SendRateLimiter, TEAMS_SEND_LIMITS } from './reminders/sendRateLimiter';
import { DEFAULT_RETRY_POLICY } from '../core/reminders/deliveryRetry';

export interface RunningService {
  /** The address the service listens on, e.g. http://127.0.0.1:3978. */
  url: string;
  port: number;
  /** Proactive messages to a person's personal chat, sent at once (the worker's transport). */
  messenger: Messenger;
  /** Sends due reminders; absent when REMINDERS=off. */
  reminderWorker: ReminderWorker | undefined;
  /** Stops taking requests, lets in-flight turns and sends finish, closes the database. */
  close(): Promise<void>;
}

export interface ServiceOptions {
  logger?: Logger;
  /** Replaces the Teams messenger, e.g. with a recording fake in tests. */
  messenger?: Messenger;
  /** Replaces the directory, e.g. with an organisation of several managers in tests. */
  directory?: Directory;
  /** Replaces Entra ID's Graph tokens, for tests against the local Graph stand-in. */
  graphTokens?: TokenProvider;
  /** Replaces the clock of the conversation flows and the tab API, e.g. a fixed day in tests. */
  now?: () => Date;
  /** How long close() lets requests and sends in flight run (default SHUTDOWN_DEADLINE_MS). */
  shutdownDeadlineMs?: number;
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
  const graphTokens = config.graph
    ? (options.graphTokens ?? AzureIdentityTokenProvider.from(config.graph.credentials))
    : undefined;
  // Before anything opens: a missing grant is an administrator's task, named at start.
  const granted = graphTokens ? await grantedGraphPermissions(graphTokens) : new Set<string>();
  requireGraphPermissions(config, granted);
  const graph =
    config.graph && graphTokens
      ? new GraphRequests({
          tokens: graphTokens,
          ...(config.graph.baseUrl ? { baseUrl: config.graph.baseUrl } : {}),
        })
      : undefined;
  // Provisioned before the database opens, so a site the app cannot use stops the start cleanly.
  const sharePointSite =
    config.planStore.kind === 'graph' && graph
      ? await provisionSharePointLists(graph, config.planStore.siteId)
      : undefined;
  const database = await openDatabase(config.storage, logger);
  const metrics = new ServiceMetrics();
  if (graph) graph.resilience.onCall = metrics.countGraphCall;
  const directory: Directory = options.directory ?? directoryFor(config, graph);

  const adapter = createAdapter(config, logger);
  const conversationReferences = new RecentConversationReferences(
    new SqlConversationReferenceStore(database),
  );
  adapter.use(rememberConversations(conversationReferences));
  const teams = new TeamsMessenger(
    adapter,
    config.bot?.appId ?? '',
    conversationReferences,
    logger,
  );
  let reminderWorker: ReminderWorker | undefined;
  const reminders = new SqlReminderQueue(database);
  const reminderSettings = new SqlReminderSettingsStore(database);
  const now = options.now ?? (() => new Date());
  // Notices from one person's action to another keep the recipient's quiet hours too.
  const messenger =
    options.messenger ??
    new QuietHoursMessenger(teams, {
      queue: reminders,
      settings: reminderSettings,
      directory,
      defaultProfileId: config.defaultProfileId,
      now,
      logger,
      onQueued: () => reminderWorker?.wake(),
    });
  // Plans in SharePoint (PLAN_STORE=graph) or beside everything else in the database.
  const plans: PlanStore =
    sharePointSite && graph
      ? new SharePointPlanStore(graph, sharePointSite)
      : new SqlPlanStore(database);
  const planner = new ReminderPlanner({
    queue: reminders,
    now,
    logger,
    onPlanned: () => reminderWorker?.wake(),
  });
  let catchUp: ReminderCatchUp | undefined;
  // The chat and the tab work on the same store, directory, messenger and clock.
  const flows: FlowDependencies = {
    directory,
    logger,
    myPlanUrl: personalTabDeepLink(config),
    plans: withReminderPlanning(plans, planner, logger),
    messenger,
    defaultProfileId: config.defaultProfileId,
    reminders,
    reminderSettings,
    calendar: calendarFor(config, graph, granted, logger),
    now,
    audit: new SqlAuditLog(database),
    operationalData: new SqlOperationalPersonalData(database),
  };
  // Retention runs on every instance; its lease lets one of them do each round.
  const retention = new RetentionJob(
    {
      plans,
      operationalData: flows.operationalData ?? new SqlOperationalPersonalData(database),
      leases: new SqlJobLeases(database),
      profiles: listProfiles(),
      now,
      logger,
    },
    { holder: `${hostname()}:${process.pid}`, intervalMs: 6 * 3600_000, firstDelayMs: 5 * 60_000 },
  );
  if (config.reminders.enabled) {
    catchUp = new ReminderCatchUp(plans, planner, logger, {
      firstLookBackMs: 7 * 24 * 3600_000,
      intervalMs: 10 * 60_000,
    });
    const sendRate = config.reminders.sendRatePerSecond;
    reminderWorker = new ReminderWorker(
      {
        queue: reminders,
        settings: flows.reminderSettings,
        directory,
        transport: teams,
        limiter: new SendRateLimiter({ ...TEAMS_SEND_LIMITS, perTenantPerSecond: sendRate }),
        compose: (job, language) => composeReminder(job, language, flows),
        defaultProfileId: config.defaultProfileId,
        now,
        logger,
      },
      {
        workerId: `${hostname()}:${process.pid}`,
        // About a second's work per claim, so a claimed job waits seconds, not minutes.
        batchSize: Math.max(10, Math.ceil(sendRate)),
        concurrency: Math.max(4, Math.min(64, Math.ceil(sendRate / 5))),
        leaseMs: config.reminders.leaseMs,
        idlePollMs: 1000,
        retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: config.reminders.maxAttempts },
      },
    );
  }
  const bot = new KompetensdialogBot({
    ...flows,
    welcomes: new SqlWelcomeRegistry(database),
    drafts: new CachedPreparationDrafts(new SqlPreparationDraftStore(database)),
  });
  const app = createHttpApp({
    adapter,
    bot,
    checkReadiness: createReadinessCheck({
      pingDatabase: () => database.query('select 1'),
      ...(graph ? { graphBreaker: graph.resilience.breaker } : {}),
    }),
    apiRouter: createApiRouter({ ...flows, config }),
    ...(config.opsToken
      ? {
          opsRouter: Router().use(
            createReminderOpsRouter({
              queue: reminders,
              counters: () => reminderWorker?.counters,
              token: config.opsToken,
            }),
            createMetricsRouter(metrics, config.opsToken),
          ),
        }
      : {}),
    metrics,
    tabDir: tabBuildDir(),
    logger,
  });

  metrics.countRemindersFrom(() => reminderWorker?.counters);
  const server = createServer(app);
  const requestsInFlight = trackRequestsInFlight(server);
  await listen(server, config.port, config.host);
  reminderWorker?.start();
  catchUp?.start();
  retention.start();
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    messenger: teams,
    reminderWorker,
    close: () =>
      (closing ??= (async () => {
        // Requests and turns in flight finish, and at the same time the worker finishes the
        // batch in hand (sent and settled), all before the database closes — within the
        // deadline, after which open connections are cut and the database closes anyway (a
        // job still marked sending is taken again when its lease runs out).
        const deadlineMs = options.shutdownDeadlineMs ?? SHUTDOWN_DEADLINE_MS;
        const [http, background] = await Promise.all([
          requestsInFlight.drain(deadlineMs),
          withinDeadline(
            Promise.all([catchUp?.stop(), retention.stop(), reminderWorker?.stop()]),
            deadlineMs,
          ),
        ]);
        if (http === 'cut' || !background) {
          logger.warn(
            { deadlineMs, requestsCut: http === 'cut', backgroundWorkCut: !background },
            'shutdown deadline passed; stopping anyway',
          );
        }
        await database.close();
      })()),
  };
}

/** The directory the configuration names: the demo organisation, nobody, or Entra ID. */
function directoryFor(config: Config, graph: GraphRequests | undefined): Directory {
  const chosen = config.directory;
  if (chosen.kind !== 'graph' || !graph) {
    return chosen.kind === 'demo' ? new DemoDirectory() : new EmptyDirectory();
  }
  return new GraphDirectory(graph, {
    defaultProfileId: config.defaultProfileId,
    knownProfileIds: listProfiles().map((profile) => profile.id),
    cacheTtlMs: chosen.cacheTtlMs,
    ...(chosen.profileAttribute ? { profileAttribute: chosen.profileAttribute } : {}),
  });
}

/**
 * Outlook events for booked dialogues when CALENDAR=graph and the permission was granted.
 * Without the permission the app still starts: booking works, the calendar is off, the log
 * says so once here, and each booking manager is told why no meeting was made.
 */
function calendarFor(
  config: Config,
  graph: GraphRequests | undefined,
  granted: ReadonlySet<string>,
  logger: Logger,
): MeetingCalendarStatus {
  if (config.calendar.kind !== 'graph' || !graph) return { kind: 'off-by-config' };
  const needed = GRAPH_PERMISSIONS.calendar;
  if (!holdsAny(granted, needed)) {
    logger.warn(
      { permission: needed[0] },
      `CALENDAR=graph, but the app's Entra registration lacks the application permission ${needed[0]}: ` +
        'dialogues are booked without Outlook meetings until it is granted with admin consent (see the README)',
    );
    return { kind: 'off-missing-permission' };
  }
  return { kind: 'on', calendar: new GraphMeetingCalendar(graph) };
}

/**
 * The directory and the plan store cannot work without their permission, so the app does not
 * start; the calendar is optional and only switched off (see calendarFor).
 */
function requireGraphPermissions(config: Config, granted: ReadonlySet<string>): void {
  const required = [
    ...(config.directory.kind === 'graph' ? (['directory'] as const) : []),
    ...(config.planStore.kind === 'graph' ? (['planStore'] as const) : []),
  ];
  for (const feature of required) {
    const needed = GRAPH_PERMISSIONS[feature];
    if (!holdsAny(granted, needed)) {
      throw new MissingGraphPermissionError(
        feature,
        needed,
        `Microsoft Graph: the app's Entra registration lacks the application permission ${needed[0]} ` +
          `(granted: ${[...granted].join(', ') || 'none'}). Add it under API permissions and grant admin consent; see the README.`,
      );
    }
  }
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
