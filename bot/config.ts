import { z } from 'zod';
import { listProfiles } from '../core/profiles/profiles';
import type { GraphCredentials } from './graph/tokenProvider';
import { TEAMS_SEND_LIMITS } from './reminders/sendRateLimiter';

/**
 * The one place that reads process.env. Everything else receives a typed Config,
 * so a wrong value stops the start here with the variable's name, not later in a turn.
 */

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const envSchema = z.object({
  NODE_ENV: z.preprocess(
    emptyAsUndefined,
    z.enum(['development', 'production', 'test']).default('development'),
  ),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  HOST: z.preprocess(emptyAsUndefined, z.string().default('0.0.0.0')),
  PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  MICROSOFT_APP_ID: z.preprocess(emptyAsUndefined, z.uuid().optional()),
  MICROSOFT_APP_PASSWORD: z.preprocess(emptyAsUndefined, z.string().optional()),
  MICROSOFT_APP_TYPE: z.preprocess(
    emptyAsUndefined,
    z.enum(['SingleTenant', 'UserAssignedMsi']).optional(),
  ),
  MICROSOFT_APP_TENANT_ID: z.preprocess(emptyAsUndefined, z.uuid().optional()),
  TEAMS_APP_ID: z.preprocess(
    emptyAsUndefined,
    z.uuid().default('5d1f4f86-6a4c-4d43-9c43-6b2f3f0b9a11'),
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DEFAULT_PROFILE: z.preprocess(emptyAsUndefined, z.string().min(1).default('vgr')),
  DEMO_ORGANISATION: z.preprocess(emptyAsUndefined, booleanFlag.optional()),
  ENTRA_JWKS_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  DIRECTORY: z.preprocess(emptyAsUndefined, z.enum(['demo', 'empty', 'graph']).optional()),
  GRAPH_CREDENTIAL: z.preprocess(
    emptyAsUndefined,
    z.enum(['client-secret', 'managed-identity']).default('client-secret'),
  ),
  GRAPH_TENANT_ID: z.preprocess(emptyAsUndefined, z.uuid().optional()),
  GRAPH_CLIENT_ID: z.preprocess(emptyAsUndefined, z.uuid().optional()),
  GRAPH_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  GRAPH_BASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  GRAPH_DIRECTORY_CACHE_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).max(600).default(60),
  ),
  GRAPH_PROFILE_ATTRIBUTE: z.preprocess(emptyAsUndefined, z.string().min(1).max(120).optional()),
  PLAN_STORE: z.preprocess(emptyAsUndefined, z.enum(['database', 'graph']).default('database')),
  // Graph's site id (`host,siteCollectionId,webId`) or `host:/sites/name`, as /sites/{id} takes.
  GRAPH_SITE_ID: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9.-]+(,[0-9a-fA-F-]{36}){2}$|^[A-Za-z0-9.-]+:\/sites\/[\w-]+$/, {
        message: 'a Graph site id (host,siteCollectionId,webId) or host:/sites/name',
      })
      .optional(),
  ),
  CALENDAR: z.preprocess(emptyAsUndefined, z.enum(['off', 'graph']).default('off')),
  OPS_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(32).max(512).optional()),
  API_RATE_LIMIT_PER_MINUTE: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(1).max(1_000_000).default(120),
  ),
  REMINDERS: z.preprocess(emptyAsUndefined, z.enum(['on', 'off']).default('on')),
  REMINDER_SEND_RATE: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().positive().max(1000).default(TEAMS_SEND_LIMITS.perTenantPerSecond),
  ),
  REMINDER_MAX_ATTEMPTS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(1).max(50).default(8),
  ),
  REMINDER_LEASE_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(5).max(3600).default(300),
  ),
});

/**
 * Every variable this module reads. The Azure deployment (infra/) may set only these as app
 * settings, and its tests hold it to that, so a renamed variable cannot be silently ignored.
 */
export const CONFIG_VARIABLES = Object.freeze(
  Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[],
);

export type Environment = 'development' | 'production' | 'test';

export interface BotCredentials {
  appId: string;
  appPassword?: string;
  appType: 'SingleTenant' | 'UserAssignedMsi';
  tenantId: string;
}

/**
 * Teams single sign-on for the tab's API. Everything comes from the variables the bot and the
 * app manifest already use, so the three cannot disagree: the tab's Entra app is the bot's
 * (`webApplicationInfo.id` = MICROSOFT_APP_ID) and its Application ID URI is the manifest's
 * `webApplicationInfo.resource`, `api://<host of PUBLIC_URL>/<MICROSOFT_APP_ID>`.
 */
export interface TeamsSsoConfig {
  /** The organisation's Entra tenant (MICROSOFT_APP_TENANT_ID): only its people sign in. */
  tenantId: string;
  /** The Entra app the tab's tokens are issued for (MICROSOFT_APP_ID). */
  clientId: string;
  /** `api://<host of PUBLIC_URL>/<clientId>`: a v1.0 token's audience. */
  applicationIdUri: string;
  /** Where the tenant's signing keys are published; only tests point it elsewhere. */
  jwksUrl: string;
}

export interface Config {
  environment: Environment;
  port: number;
  host: string;
  /** Where Teams reaches this service: the tab's and the bot's base address. */
  publicUrl: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Absent only in emulator mode (local development without a tenant). */
  bot: BotCredentials | undefined;
  teamsAppId: string;
  storage: { kind: 'embedded'; dataDir: string } | { kind: 'postgres'; url: string };
  defaultProfileId: string;
  /** Load the demo organisation and accept demo identities. Never in production. */
  demoOrganisation: boolean;
  /**
   * How the tab's API checks a Teams token; absent without bot credentials (emulator mode),
   * where no token can be checked and only demo identities (if on) get in.
   */
  sso: TeamsSsoConfig | undefined;
  reminders: ReminderConfig;
  /** Who is whose manager: the demo organisation, nobody, or Entra ID through Graph. */
  directory: DirectoryConfig;
  /** Where plans are kept: the database, or SharePoint lists in the customer's tenant. */
  planStore: PlanStoreConfig;
  /** Outlook events with a Teams meeting for booked dialogues, or none. */
  calendar: { kind: 'off' | 'graph' };
  /** How the app reaches Microsoft Graph; present when anything above uses it. */
  graph: GraphConnection | undefined;
  /** The bearer token for /ops/… (OPS_TOKEN); without it those routes do not exist. */
  opsToken: string | undefined;
  /** Tab API requests one person may make in a minute on this instance. */
  apiRateLimitPerMinute: number;
}

export interface GraphConnection {
  credentials: GraphCredentials;
  /** Only tests point it elsewhere (GRAPH_BASE_URL). */
  baseUrl?: string;
}

export type PlanStoreConfig =
  | { kind: 'database' }
  /** The one SharePoint site the app is granted (Sites.Selected). */
  | { kind: 'graph'; siteId: string };

export type DirectoryConfig =
  | { kind: 'demo' | 'empty' }
  | {
      kind: 'graph';
      cacheTtlMs: number;
      /** A user attribute naming the person's organisation profile, e.g. an extension. */
      profileAttribute?: string;
    };

/** The reminder worker in this instance. */
export interface ReminderConfig {
  /** Off for an instance that should only answer (the queue is still planned into). */
  enabled: boolean;
  /**
   * Proactive sends a second to one tenant from this instance (REMINDER_SEND_RATE). Teams
   * allows 50 per app per tenant: with K instances, give each 50/K.
   */
  sendRatePerSecond: number;
  maxAttempts: number;
  leaseMs: number;
}

/** Entra's signing keys for a tenant (the v2.0 endpoint; it publishes the v1.0 keys too). */
export function entraJwksUrl(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`;
}

/** The tab's Application ID URI, as the manifest's webApplicationInfo.resource names it. */
export function applicationIdUri(publicUrl: string, clientId: string): string {
  return `api://${new URL(publicUrl).host}/${clientId}`;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  const isProduction = e.NODE_ENV === 'production';

  let bot: BotCredentials | undefined;
  if (e.MICROSOFT_APP_ID) {
    const appType = e.MICROSOFT_APP_TYPE ?? 'SingleTenant';
    if (!e.MICROSOFT_APP_TENANT_ID) {
      problems.push('MICROSOFT_APP_TENANT_ID: required when MICROSOFT_APP_ID is set');
    }
    if (appType === 'SingleTenant' && !e.MICROSOFT_APP_PASSWORD) {
      problems.push('MICROSOFT_APP_PASSWORD: required for a SingleTenant bot');
    }
    bot = {
      appId: e.MICROSOFT_APP_ID,
      appType,
      tenantId: e.MICROSOFT_APP_TENANT_ID ?? '',
      ...(e.MICROSOFT_APP_PASSWORD ? { appPassword: e.MICROSOFT_APP_PASSWORD } : {}),
    };
  } else {
    if (e.MICROSOFT_APP_PASSWORD) {
      problems.push('MICROSOFT_APP_ID: required when MICROSOFT_APP_PASSWORD is set');
    }
    if (isProduction) {
      problems.push(
        "MICROSOFT_APP_ID: required in production (the bot's and the tab's Entra app; emulator mode without credentials is for local development only)",
      );
    }
  }

  if (isProduction && !e.PUBLIC_URL) {
    problems.push('PUBLIC_URL: required in production (the https address Teams reaches)');
  }
  if (isProduction && e.PUBLIC_URL && !e.PUBLIC_URL.startsWith('https://')) {
    problems.push('PUBLIC_URL: must be https in production');
  }
  if (e.ENTRA_JWKS_URL && !e.MICROSOFT_APP_ID) {
    problems.push('ENTRA_JWKS_URL: set without MICROSOFT_APP_ID, so no Teams sign-in would use it');
  }
  if (isProduction && e.ENTRA_JWKS_URL) {
    problems.push(
      "ENTRA_JWKS_URL: only for tests; production always checks tokens with Entra's own keys",
    );
  }
  if (isProduction && e.DEMO_ORGANISATION === true) {
    problems.push('DEMO_ORGANISATION: the demo organisation cannot be loaded in production');
  }
  const profileIds = listProfiles().map((profile) => profile.id);
  if (!profileIds.includes(e.DEFAULT_PROFILE)) {
    problems.push(
      `DEFAULT_PROFILE: unknown profile "${e.DEFAULT_PROFILE}" (known: ${profileIds.join(', ')})`,
    );
  }
  const directory = directoryConfig(e, isProduction, problems);
  const planStore = planStoreConfig(e, problems);
  const usesGraph =
    directory.kind === 'graph' || planStore.kind === 'graph' || e.CALENDAR === 'graph';
  const graph = usesGraph ? graphConnection(e, bot, problems) : undefined;
  if (isProduction && e.GRAPH_BASE_URL) {
    problems.push('GRAPH_BASE_URL: only for tests; production always talks to graph.microsoft.com');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    environment: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    logLevel: e.LOG_LEVEL,
    bot,
    teamsAppId: e.TEAMS_APP_ID,
    storage: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'embedded', dataDir: e.DATA_DIR },
    defaultProfileId: e.DEFAULT_PROFILE,
    demoOrganisation: isProduction ? false : (e.DEMO_ORGANISATION ?? true),
    sso: bot
      ? {
          // Entra writes GUIDs in lower case, in the issuer too.
          tenantId: bot.tenantId.toLowerCase(),
          clientId: bot.appId,
          applicationIdUri: applicationIdUri(publicUrl, bot.appId),
          jwksUrl: e.ENTRA_JWKS_URL ?? entraJwksUrl(bot.tenantId.toLowerCase()),
        }
      : undefined,
    opsToken: e.OPS_TOKEN,
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
    directory,
    planStore,
    calendar: { kind: e.CALENDAR },
    graph,
    reminders: {
      enabled: e.REMINDERS === 'on',
      sendRatePerSecond: e.REMINDER_SEND_RATE,
      maxAttempts: e.REMINDER_MAX_ATTEMPTS,
      leaseMs: e.REMINDER_LEASE_SECONDS * 1000,
    },
  };
}

/** Unset, the demo organisation outside production and nobody in it. */
function directoryConfig(
  e: z.infer<typeof envSchema>,
  isProduction: boolean,
  problems: string[],
): DirectoryConfig {
  const kind = e.DIRECTORY ?? (!isProduction && e.DEMO_ORGANISATION !== false ? 'demo' : 'empty');
  if (kind === 'demo' && isProduction) {
    problems.push('DIRECTORY: the demo directory cannot be used in production');
  }
  if (kind !== 'graph') return { kind };
  return {
    kind: 'graph',
    cacheTtlMs: e.GRAPH_DIRECTORY_CACHE_SECONDS * 1000,
    ...(e.GRAPH_PROFILE_ATTRIBUTE ? { profileAttribute: e.GRAPH_PROFILE_ATTRIBUTE } : {}),
  };
}

function planStoreConfig(e: z.infer<typeof envSchema>, problems: string[]): PlanStoreConfig {
  if (e.PLAN_STORE === 'database') return { kind: 'database' };
  if (!e.GRAPH_SITE_ID) {
    problems.push(
      'GRAPH_SITE_ID: required for PLAN_STORE=graph (the SharePoint site granted to the app with Sites.Selected)',
    );
    return { kind: 'database' };
  }
  return { kind: 'graph', siteId: e.GRAPH_SITE_ID };
}

/**
 * Graph is read with the app's own identity unless GRAPH_* names another: the bot's client
 * secret, or a managed identity.
 */
function graphConnection(
  e: z.infer<typeof envSchema>,
  bot: BotCredentials | undefined,
  problems: string[],
): GraphConnection | undefined {
  const needed = 'required for Microsoft Graph (DIRECTORY, PLAN_STORE or CALENDAR=graph)';
  let credentials: GraphCredentials | undefined;
  if (e.GRAPH_CREDENTIAL === 'managed-identity') {
    const clientId =
      e.GRAPH_CLIENT_ID ?? (bot?.appType === 'UserAssignedMsi' ? bot.appId : undefined);
    credentials = { kind: 'managed-identity', ...(clientId ? { clientId } : {}) };
  } else {
    const tenantId = e.GRAPH_TENANT_ID ?? bot?.tenantId;
    const clientId = e.GRAPH_CLIENT_ID ?? bot?.appId;
    const clientSecret = e.GRAPH_CLIENT_SECRET ?? bot?.appPassword;
    if (!tenantId) problems.push(`GRAPH_TENANT_ID: ${needed} (or MICROSOFT_APP_TENANT_ID)`);
    if (!clientId) problems.push(`GRAPH_CLIENT_ID: ${needed} (or MICROSOFT_APP_ID)`);
    if (!clientSecret) {
      problems.push(
        `GRAPH_CLIENT_SECRET: ${needed} with a client secret (or MICROSOFT_APP_PASSWORD); GRAPH_CREDENTIAL=managed-identity uses none`,
      );
    }
    if (tenantId && clientId && clientSecret) {
      credentials = { kind: 'client-secret', tenantId, clientId, clientSecret };
    }
  }
  if (!credentials) return undefined;
  return { credentials, ...(e.GRAPH_BASE_URL ? { baseUrl: e.GRAPH_BASE_URL } : {}) };
}
