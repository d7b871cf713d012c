import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { ReminderStatus } from '../core/reminders/reminderJob';
import { SqlConversationReferenceStore } from '../bot/storage/sqlConversationReferenceStore';
import type { SqlDatabase } from '../bot/storage/sqlDatabase';
import { SqlReminderQueue } from '../bot/storage/sqlReminderQueue';
import { FakeBotConnector } from '../tests/fakes/botConnector';
import { nextMessage } from './childMessages';
import { freshPostgresSchema } from '../tests/support/freshDatabase';
import {
  acceptedButUnmarked,
  acceptedPerSecond,
  countDeliveries,
  REMINDER_TARGETS,
  reminderTargetsMet,
  type DeliveryCounts,
} from './reminderCounts';
import type { SenderMessage, SenderSettings } from './reminderSender';

/**
 * `npm run bench:reminders`: due reminders sent by the real service (its reminder worker,
 * REMINDERS=on) from a PostgreSQL queue through botbuilder to a local Bot Connector stand-in
 * that answers 429 with Retry-After over the per-tenant limit, as Teams does.
 *
 *   (1) 10,000 reminders at the default ceiling, 50/s: throughput as a share of it;
 *   (2) the same at 500/s (connector limit 500/s too), to show the sender is not the bottleneck;
 *   (3) as (2) (or at 50/s: --kill-ceiling 50), the sender SIGKILLed mid-batch once half are
 *       delivered and started again: lost and duplicates after recovery, against the jobs in
 *       flight at the kill.
 *
 * Each run has a fresh schema, connector and sender process. Prints a table, then one JSON
 * line. Exits 0 when targets are missed (it reports) and 1 only when it cannot run.
 */

const DEFAULT_CEILING = 50;
const FAST_CEILING = 500;
/** The connector answers after this long, as a remote service would. */
const CONNECTOR_LATENCY_MS = 5;
/** Short, so the jobs a killed sender held come back within seconds. The config's minimum. */
const LEASE_SECONDS = 5;
/** Wednesday 25 November 2026, 09:00 in Stockholm: a working day, eight working hours ahead. */
const CLOCK_START = Date.parse('2026-11-25T08:00:00Z');
/** Teams' tenant the seeded people belong to. */
const TENANT = '6f1c7f5e-0000-4000-8000-00000000bbbb';
/** The seeded jobs: each person's first prompt. The worker plans the second, weeks later. */
const SEEDED_KEYS = `key like 'reflection:%:0'`;
const SETTLED: readonly ReminderStatus[] = ['sent', 'skipped', 'dead'];
/**
 * The sender claims about a second's worth of jobs (as many as the ceiling) and claims again
 * once the whole batch is settled, so at a multiple of the ceiling nothing may be in flight.
 * The kill comes half a batch later than half the run: in the middle of a batch, as a real
 * crash usually would.
 */
const killPoint = (spec: RunSpec): number =>
  Math.round(spec.reminders / 2 + Math.min(spec.ceiling, spec.reminders / 2) / 2);
/** Time for the connector's in-flight answers and the database's last commit after a kill. */
const AFTER_KILL_MS = 200;

interface Settings {
  reminders: number;
  killCeiling: number;
}

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      reminders: { type: 'string', default: '10000' },
      'kill-ceiling': { type: 'string', default: String(FAST_CEILING) },
    },
  });
  const reminders = Number(values.reminders);
  if (!(Number.isInteger(reminders) && reminders >= 10 && reminders <= 100_000)) {
    throw new Error('--reminders must be a whole number, 10–100,000');
  }
  const killCeiling = Number(values['kill-ceiling']);
  if (killCeiling !== DEFAULT_CEILING && killCeiling !== FAST_CEILING) {
    throw new Error(`--kill-ceiling is ${DEFAULT_CEILING} or ${FAST_CEILING}`);
  }
  return { reminders, killCeiling };
}

/** `count` people, each with a personal chat with the bot and one due reflection prompt. */
const PEOPLE = `(select 'bench-' || lpad(i::text, 6, '0') as id
                 from generate_series(1, $1::integer) as i) as person`;

async function seed(db: SqlDatabase, count: number, serviceUrl: string, dueAt: Date) {
  // The reference as rememberConversations stores it from a person's turn in Teams.
  await db.query(
    `insert into conversation_references
       (user_id, conversation_id, conversation_type, service_url, tenant_id, reference)
     select person.id, 'a:personal-' || person.id, 'personal', $2, $3,
       jsonb_build_object(
         'channelId', 'msteams',
         'serviceUrl', $2::text,
         'conversation', jsonb_build_object(
           'id', 'a:personal-' || person.id, 'conversationType', 'personal',
           'tenantId', $3::text, 'isGroup', false, 'name', ''),
         'user', jsonb_build_object('id', '29:' || person.id, 'name', '', 'aadObjectId', person.id),
         'bot', jsonb_build_object('id', '28:bot', 'name', 'Kompetensdialog'),
         'locale', 'sv-SE')
     from ${PEOPLE}`,
    [count, serviceUrl, TENANT],
  );
  await db.query(
    `insert into reminder_jobs
       (id, key, kind, person_id, planned_due_at, due_at, status, attempts, payload)
     select 'job-' || person.id, 'reflection:' || person.id || ':0', 'reflection-prompt',
       person.id, $2::timestamptz, $2::timestamptz, 'pending', 0,
       '{"kind": "reflection-prompt", "sequence": 0}'::jsonb
     from ${PEOPLE}`,
    [count, dueAt.toISOString()],
  );
  // What the worker reads must parse: a seeded row the queue refused would look like a loss.
  const [job] = await new SqlReminderQueue(db).list({ status: 'pending', limit: 1 });
  const chats = job
    ? await new SqlConversationReferenceStore(db).findPersonalForUsers([job.personId])
    : new Map();
  if (!job || chats.size !== 1) throw new Error('the seeded reminders do not read back');
  const rows = await db.query<{ conversation_id: string }>(
    'select conversation_id from conversation_references',
  );
  return rows.map((row) => row.conversation_id);
}

async function seededStatuses(db: SqlDatabase): Promise<Partial<Record<ReminderStatus, number>>> {
  const rows = await db.query<{ status: ReminderStatus; count: number }>(
    `select status, count(*)::integer as count from reminder_jobs
     where ${SEEDED_KEYS} group by status`,
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}

const unsettled = (statuses: Partial<Record<ReminderStatus, number>>): number =>
  Object.entries(statuses)
    .filter(([status]) => !SETTLED.includes(status as ReminderStatus))
    .reduce((sum, [, count]) => sum + (count ?? 0), 0);

/** The conversations of the seeded jobs a sender holds. */
async function sendingConversations(db: SqlDatabase): Promise<string[]> {
  const rows = await db.query<{ conversation_id: string }>(
    `select reference.conversation_id from reminder_jobs as job
     join conversation_references as reference on reference.user_id = job.person_id
     where job.status = 'sending' and job.${SEEDED_KEYS}`,
  );
  return rows.map((row) => row.conversation_id);
}

/**
 * When the connector accepted its first and its last message, taken where it counts them
 * (`receivedCount` is turned into an accessor), so polling adds no error to the throughput.
 */
function timeAcceptedMessages(connector: FakeBotConnector): { firstAt?: number; lastAt?: number } {
  const times: { firstAt?: number; lastAt?: number } = {};
  let count = connector.receivedCount;
  Object.defineProperty(connector, 'receivedCount', {
    get: () => count,
    set: (value: number) => {
      if (value > count) {
        const now = performance.now();
        times.firstAt ??= now;
        times.lastAt = now;
      }
      count = value;
    },
  });
  return times;
}

type Stopped = Extract<SenderMessage, { type: 'stopped' }>;

/** The service with its reminder worker, in a process of its own (bench/reminderSender.ts). */
class SenderProcess {
  private constructor(private readonly child: ChildProcess) {}

  static async start(settings: SenderSettings): Promise<SenderProcess> {
    const child = fork(path.join(__dirname, 'reminderSender.ts'), [JSON.stringify(settings)], {
      execArgv: ['-r', require.resolve('@swc-node/register')],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    // The sender's logs (warnings and errors) go to stderr, apart from the report.
    child.stdout?.pipe(process.stderr);
    child.stderr?.pipe(process.stderr);
    const message = await nextMessage<SenderMessage>(child, 60_000, 'sender');
    if (message.type !== 'ready') {
      child.kill('SIGKILL');
      throw new Error(`the sender did not start: ${JSON.stringify(message)}`);
    }
    return new SenderProcess(child);
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** A crash: no chance to finish the batch in hand or to settle anything. */
  async kill(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    await exited;
  }

  /** A clean stop: the sender finishes its batch, closes, and reports. */
  async stop(): Promise<Stopped> {
    if (this.exited) throw new Error('the sender had exited before it was stopped');
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const report = nextMessage<SenderMessage>(this.child, 30_000, 'sender');
    this.child.kill('SIGTERM');
    try {
      const message = await report;
      if (message.type !== 'stopped') throw new Error(`unexpected ${JSON.stringify(message)}`);
      await exited;
      return message;
    } catch (error) {
      await this.kill();
      throw error;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface RunSpec {
  label: string;
  /** The connector's limit per tenant, as Teams' is. */
  ceiling: number;
  /** The sender's REMINDER_SEND_RATE. */
  sendRate: number;
  reminders: number;
  killAtHalf: boolean;
}

interface KillFigures {
  deliveredAtKill: number;
  /** Seeded jobs in 'sending' right after the kill: claimed, not settled. */
  inFlightAtKill: number;
  /** Of those, the ones the connector had already accepted: the expected duplicates. */
  acceptedButUnmarkedAtKill: number;
  /** From the kill until every seeded job was settled. */
  recoverySeconds: number;
}

interface RunResult {
  spec: RunSpec;
  counts: DeliveryCounts;
  throughputPerSec: number | null;
  shareOfCeiling: number | null;
  throttled429: number;
  statuses: Partial<Record<ReminderStatus, number>>;
  /** Every seeded job reached sent, skipped or dead before the time ran out. */
  settled: boolean;
  /** The (last) sender's own report. */
  sender: Stopped;
  /** This process's CPU (the connector stand-in, seeding and polling) during the run. */
  benchCpuSeconds: number;
  kill?: KillFigures;
}

const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Twice as long as the run should take at the ceiling, and a minute more. */
const runDeadline = (spec: RunSpec): number =>
  performance.now() + ((spec.reminders / spec.ceiling) * 2 + 60) * 1000;

async function waitUntilSettled(
  db: SqlDatabase,
  sender: SenderProcess,
  connector: FakeBotConnector,
  spec: RunSpec,
): Promise<boolean> {
  const deadline = runDeadline(spec);
  let lastReport = performance.now();
  while (performance.now() < deadline) {
    if (sender.exited) throw new Error('the sender died during the run');
    if (unsettled(await seededStatuses(db)) === 0) return true;
    if (performance.now() - lastReport > 15_000) {
      lastReport = performance.now();
      progress(`  … ${spec.label}: ${connector.receivedCount} of ${spec.reminders} delivered`);
    }
    await sleep(250);
  }
  return false;
}

async function run(spec: RunSpec): Promise<RunResult> {
  progress(`${spec.label}: ${spec.reminders} reminders, ceiling ${spec.ceiling}/s …`);
  const schema = await freshPostgresSchema();
  const connector = await new FakeBotConnector({
    record: false,
    tenantRequestsPerSecond: spec.ceiling,
    latencyMs: CONNECTOR_LATENCY_MS,
  }).start();
  const times = timeAcceptedMessages(connector);
  const cpuAtStart = process.cpuUsage();
  const senders: SenderProcess[] = [];
  try {
    const clockOrigin = Date.now();
    const seeded = await seed(
      schema.db,
      spec.reminders,
      connector.url,
      new Date(CLOCK_START - 60_000),
    );
    const senderSettings: SenderSettings = {
      databaseUrl: schema.url,
      sendRatePerSecond: spec.sendRate,
      leaseSeconds: LEASE_SECONDS,
      clockStart: CLOCK_START,
      clockOrigin,
    };
    let sender = await SenderProcess.start(senderSettings);
    senders.push(sender);

    let kill: Omit<KillFigures, 'recoverySeconds'> | undefined;
    let killedAt = 0;
    if (spec.killAtHalf) {
      const deadline = runDeadline(spec);
      while (connector.receivedCount < killPoint(spec)) {
        if (sender.exited) throw new Error('the sender died before the kill');
        if (performance.now() > deadline) throw new Error('the sender stalled before the kill');
        await sleep(5);
      }
      await sender.kill();
      killedAt = performance.now();
      const deliveredAtKill = connector.receivedCount;
      await sleep(AFTER_KILL_MS);
      const sending = await sendingConversations(schema.db);
      kill = {
        deliveredAtKill,
        inFlightAtKill: sending.length,
        acceptedButUnmarkedAtKill: acceptedButUnmarked(sending, connector.perConversation),
      };
      progress(
        `  killed at ${deliveredAtKill} delivered, ${sending.length} in flight; restarting …`,
      );
      sender = await SenderProcess.start(senderSettings);
      senders.push(sender);
    }

    const settled = await waitUntilSettled(schema.db, sender, connector, spec);
    const recoverySeconds = (performance.now() - killedAt) / 1000;
    const stopped = await sender.stop();
    const benchCpu = process.cpuUsage(cpuAtStart);
    const counts = countDeliveries(seeded, connector.perConversation);
    const throughputPerSec = acceptedPerSecond(counts.delivered, times.firstAt, times.lastAt);
    return {
      spec,
      counts,
      throughputPerSec,
      shareOfCeiling: throughputPerSec === null ? null : throughputPerSec / spec.ceiling,
      throttled429: connector.throttledCount,
      statuses: await seededStatuses(schema.db),
      settled,
      sender: stopped,
      benchCpuSeconds: (benchCpu.user + benchCpu.system) / 1e6,
      ...(kill ? { kill: { ...kill, recoverySeconds } } : {}),
    };
  } finally {
    for (const sender of senders) await sender.kill();
    await connector.stop();
    await schema.dispose();
  }
}

const COLUMNS: readonly [title: string, width: number][] = [
  ['run', 16],
  ['ceiling', 7],
  ['sender', 6],
  ['msgs/s', 7],
  ['share', 6],
  ['lost', 5],
  ['dups', 5],
  ['429s', 5],
  ['cpu s', 6],
  ['cpu/wall', 8],
  ['ms/msg', 6],
  ['loop', 5],
  ['conn cpu', 8],
  ['retried', 7],
  ['deferred', 8],
  ['skipped', 7],
  ['dead', 5],
];

function pad(cell: string, width: number, column: number): string {
  return column === 0 ? cell.padEnd(width) : cell.padStart(width);
}

function row(cells: readonly string[]): string {
  return `  ${cells.map((cell, i) => pad(cell, COLUMNS[i]?.[1] ?? 0, i)).join(' ')}`;
}

function formatRun(result: RunResult): string {
  const { counters, cpuSeconds, wallSeconds, eventLoopUtilization } = result.sender;
  const share = result.shareOfCeiling;
  const cells = [
    result.spec.label,
    String(result.spec.ceiling),
    String(result.spec.sendRate),
    result.throughputPerSec === null ? '—' : result.throughputPerSec.toFixed(1),
    share === null ? '—' : `${(share * 100).toFixed(1)}%`,
    String(result.counts.lost),
    String(result.counts.duplicates),
    String(result.throttled429),
    cpuSeconds.toFixed(1),
    `${((cpuSeconds / wallSeconds) * 100).toFixed(0)}%`,
    counters.sent > 0 ? ((cpuSeconds * 1000) / counters.sent).toFixed(2) : '—',
    `${(eventLoopUtilization * 100).toFixed(0)}%`,
    result.benchCpuSeconds.toFixed(1),
    String(counters.retried),
    String(counters.deferred),
    String(counters.skipped),
    String(counters.deadLettered),
  ];
  const notes = [
    ...(result.settled ? [] : [`NOT SETTLED: ${JSON.stringify(result.statuses)}`]),
    ...(result.counts.strays > 0 ? [`${result.counts.strays} messages to unknown chats`] : []),
    ...(counters.lostClaims > 0 ? [`${counters.lostClaims} claims lost`] : []),
  ];
  return `${row(cells)}  ${notes.join(' ')}`.trimEnd();
}

const round = (value: number | null, digits: number): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const settings = readSettings();
  const out = (line = ''): void => {
    process.stdout.write(`${line}\n`);
  };
  const [load1] = loadavg();
  const n = settings.reminders;
  const atDefault = await run({
    label: `(1) ${DEFAULT_CEILING}/s`,
    ceiling: DEFAULT_CEILING,
    sendRate: DEFAULT_CEILING,
    reminders: n,
    killAtHalf: false,
  });
  const atFast = await run({
    label: `(2) ${FAST_CEILING}/s`,
    ceiling: FAST_CEILING,
    sendRate: FAST_CEILING,
    reminders: n,
    killAtHalf: false,
  });
  const killed = await run({
    label: `(3) ${settings.killCeiling}/s, kill`,
    ceiling: settings.killCeiling,
    sendRate: settings.killCeiling,
    reminders: n,
    killAtHalf: true,
  });
  const kill = killed.kill as KillFigures;

  out(
    `Kompetensdialog reminder benchmark — ${n.toLocaleString('en')} due reflection prompts ` +
      'per run, each to its own person, one tenant',
  );
  out(
    `Sender: the service (REMINDERS=on) in its own process on PostgreSQL, lease ${LEASE_SECONDS} s; ` +
      `Bot Connector stand-in in this process, ${CONNECTOR_LATENCY_MS} ms per answer, 429 + ` +
      'Retry-After: 1 over the ceiling in any sliding second',
  );
  out(
    `node ${process.version}, load average ${load1?.toFixed(2)} at start` +
      ' (a shared machine makes the timings noisy)',
  );
  out();
  out(row(COLUMNS.map(([title]) => title)));
  for (const result of [atDefault, atFast, killed]) out(formatRun(result));
  out(
    '  msgs/s: distinct reminders accepted by the connector between its first and last one;' +
      ' share: of the ceiling; sender: its REMINDER_SEND_RATE; cpu, ms/msg, loop: the sender process from ready to stop (run 3:' +
      ' the restarted one), loop its event-loop utilisation; conn cpu: this process (connector' +
      ' stand-in); deferred: claimed jobs put back for working time (none expected)',
  );
  out();
  out(
    `(3) killed (SIGKILL) at ${kill.deliveredAtKill} delivered; ${kill.inFlightAtKill} jobs in ` +
      `flight (claimed, status 'sending'), ${kill.acceptedButUnmarkedAtKill} of them already ` +
      `accepted by the connector (sent, not yet marked); restarted, all settled ` +
      `${kill.recoverySeconds.toFixed(1)} s after the kill: ${killed.counts.lost} lost, ` +
      `${killed.counts.duplicates} duplicates`,
  );

  const figures = {
    shareOfCeiling: round(atDefault.shareOfCeiling, 3),
    lost: atDefault.counts.lost + atFast.counts.lost,
    duplicates: atDefault.counts.duplicates + atFast.counts.duplicates,
    lostAfterKill: killed.counts.lost,
    duplicatesAfterKill: killed.counts.duplicates,
    inFlightAtKill: kill.inFlightAtKill,
  };
  const targetsMet = reminderTargetsMet(figures);
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  out();
  out('Targets');
  out(
    `  throughput at least ${REMINDER_TARGETS.minShareOfCeiling * 100}% of the ${DEFAULT_CEILING}/s ceiling: ` +
      `${((atDefault.shareOfCeiling ?? 0) * 100).toFixed(1)}% — ${verdict(targetsMet.shareOfCeilingAtLeast95)}`,
  );
  out(
    `  none lost, no duplicates without a crash (runs 1 and 2): ${figures.lost} lost, ` +
      `${figures.duplicates} duplicates — ` +
      verdict(targetsMet.noneLost && targetsMet.noDuplicates),
  );
  out(
    `  after the kill none lost, duplicates ≤ in flight: ${figures.lostAfterKill} lost, ` +
      `${figures.duplicatesAfterKill} ≤ ${figures.inFlightAtKill} — ` +
      verdict(targetsMet.noneLostAfterKill && targetsMet.duplicatesAfterKillWithinInFlight),
  );
  out(
    JSON.stringify({
      reminders: n,
      ceiling: DEFAULT_CEILING,
      ...figures,
      throughputPerSec: round(atDefault.throughputPerSec, 2),
      throttled429: atDefault.throttled429,
      cpuSeconds: round(atDefault.sender.cpuSeconds, 2),
      cpuShareOfWall: round(atDefault.sender.cpuSeconds / atDefault.sender.wallSeconds, 3),
      shareOfCeilingAt500: round(atFast.shareOfCeiling, 3),
      throughputPerSecAt500: round(atFast.throughputPerSec, 1),
      throttled429At500: atFast.throttled429,
      cpuSecondsAt500: round(atFast.sender.cpuSeconds, 2),
      cpuShareOfWallAt500: round(atFast.sender.cpuSeconds / atFast.sender.wallSeconds, 3),
      killCeiling: settings.killCeiling,
      deliveredAtKill: kill.deliveredAtKill,
      acceptedButUnmarkedAtKill: kill.acceptedButUnmarkedAtKill,
      recoverySecondsAfterKill: round(kill.recoverySeconds, 1),
      throttled429AfterKill: killed.throttled429,
      settled: atDefault.settled && atFast.settled && killed.settled,
      loadAverageAtStart: round(load1 ?? null, 2),
      targetsMet,
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:reminders could not run: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = 1;
});
