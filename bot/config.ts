import { z } from 'zod';
import { listProfiles } from '../core/profiles/profiles';

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
});

export type Environment = 'development' | 'production' | 'test';

export interface BotCredentials {
  appId: string;
  appPassword?: string;
  appType: 'SingleTenant' | 'UserAssignedMsi';
  tenantId: string;
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
        'MICROSOFT_APP_ID: required in production (emulator mode without credentials is for local development only)',
      );
    }
  }

  if (isProduction && !e.PUBLIC_URL) {
    problems.push('PUBLIC_URL: required in production (the https address Teams reaches)');
  }
  if (isProduction && e.PUBLIC_URL && !e.PUBLIC_URL.startsWith('https://')) {
    problems.push('PUBLIC_URL: must be https in production');
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
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    environment: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    bot,
    teamsAppId: e.TEAMS_APP_ID,
    storage: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'embedded', dataDir: e.DATA_DIR },
    defaultProfileId: e.DEFAULT_PROFILE,
    demoOrganisation: isProduction ? false : (e.DEMO_ORGANISATION ?? true),
  };
}
