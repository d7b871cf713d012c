/// <reference types="node" />
import type { ChildProcess } from 'node:child_process';

/** Types for playground-harness.cjs (plain CommonJS, shared by the .mjs script and the tests). */

export type PlaygroundView = 'employee' | 'manager';

export declare const PROJECT_ROOT: string;

/** Who you are in each view: an id of bot/demo/demoOrganisation.json, and your role. */
export declare const PLAYGROUND_VIEWS: Readonly<
  Record<PlaygroundView, Readonly<{ currentUserAadObjectId: string; role: string }>>
>;

/** playground/<view>.yml */
export declare function playgroundConfigPath(view: PlaygroundView): string;

export declare function findFreePort(): Promise<number>;

/** A user as the playground's config declares it (field names as the playground spells them). */
export interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

/** What GET /_internal/v1/testConfig answers under `config`, after the playground's mapping. */
export interface PlaygroundConfig {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string; name: string };
  groupChats: Array<{ id: string; name: string; members: string[] }>;
  teams: Array<{
    id: string;
    name: string;
    aadGroupId: string;
    channels: Array<{ id: string; name: string; channelType: string }>;
    members: string[];
  }>;
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

export interface PlaygroundOptions {
  /** Must be free: the playground would otherwise move to a random port. */
  port: number;
  /** Where the playground posts activities, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  configPath: string;
  /** The playground's working folder; its log is devTools/m365agentsplayground.log in it. */
  workDir: string;
  env?: NodeJS.ProcessEnv;
  readyTimeoutMs?: number;
}

export interface RunningPlayground {
  /** http://127.0.0.1:<port>, the page to open. */
  url: string;
  port: number;
  logPath: string;
  pid: number | undefined;
  /** The config the playground loaded. */
  config: PlaygroundConfig;
  exited: Promise<ChildExit>;
  /** The whole log file (or why there is none). */
  readLog(): string;
  /** Its output and the tail of its log, for error messages. */
  diagnostics(): string;
  /** SIGTERM, SIGKILL after 5 s; resolves when it has exited. */
  stop(): Promise<void>;
}

export declare function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground>;

export interface ProxiedExchange {
  at: string;
  method: string | undefined;
  path: string | undefined;
  type?: string;
  name?: string;
  conversationId?: string;
  status?: number;
  error?: string;
}

export interface LocaleProxy {
  url: string;
  /** Give this to the playground as its app endpoint. */
  botEndpoint: string;
  locale: string;
  /** The last 50 activities passed to the bot, with the status it answered. */
  exchanges: ProxiedExchange[];
  close(): Promise<void>;
}

/** `target` is the service's base URL, e.g. http://127.0.0.1:3978. */
export declare function startLocaleProxy(options: {
  target: string;
  locale: string;
}): Promise<LocaleProxy>;

export interface SpawnedNode {
  child: ChildProcess;
  exited: Promise<ChildExit>;
  /** The last 20 000 characters of its stdout and stderr. */
  output(): string;
}

/** `node -r loopback-only.cjs -r exit-with-parent.cjs <args>`, output kept. */
export declare function spawnNode(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; onOutput?: (chunk: Buffer) => void },
): SpawnedNode;

export declare function stopChild(
  child: ChildProcess,
  exited: Promise<ChildExit>,
  graceMs?: number,
): Promise<void>;

export declare function readTail(file: string, maxChars?: number): string;
