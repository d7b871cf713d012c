import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { FakeBotConnector } from '../tests/fakes/botConnector';
import { nextMessage } from './childMessages';
import type { TargetKind, TargetMessage, TargetRequest } from './benchTarget';
import {
  createHttpClient,
  runOpenLoop,
  type HttpAnswer,
  type HttpClient,
  type OpenLoopResult,
  type TurnResult,
} from './loadGenerator';
import { roundMs } from './stats';
import {
  preparationWorkload,
  runCommandWorkload,
  servesPreparation,
  type Workload,
  type WorkloadOptions,
} from './workloads';

/**
 * `npm run bench:bot`: card-step turns (Action.Execute invokes) through the service's
 * /api/messages, and the same through a bare botbuilder echo bot, each in its own process,
 * both replying to a local Bot Connector stand-in in this process.
 *
 *   (a) open loop at a steady 100 turns/s for 20 s: p50/p95/p99;
 *   (b) the highest rate each sustains with p95 under 100 ms (short windows, step up, then
 *       bisect).
 *
 * Prints a table, then one JSON line. Exits 0 when targets are missed (it reports; CI does
 * not gate on a shared machine's timings) and 1 only when the benchmark itself cannot run.
 */

const TARGETS = { p95MsAt100: 25, shareOfEcho: 1 / 3 } as const;
const SUSTAIN = { p95Ms: 100, maxErrorShare: 0.001 } as const;
const LIMITS = {
  /** The search never asks for more than this many turns per second. */
  maxRate: 12_800,
  firstSearchRate: 200,
  /** Bisecting stops when the failing rate is within this factor of the passing one. */
  resolution: 1.1,
  maxBisections: 5,
  requestTimeoutMs: 5_000,
  drainTimeoutMs: 6_000,
  maxSockets: 64,
  /** More than can be in flight at any rate the search reaches with p95 < 100 ms. */
  people: 1_000,
} as const;

interface Settings {
  steadyRate: number;
  steadySeconds: number;
  warmUpSeconds: number;
  windowSeconds: number;
  pauseMs: number;
  /** auto: the preparation dialogue when the service has it, else runCommand (labelled). */
  workload: 'auto' | 'preparation' | 'runCommand';
  /** Where each bot's process writes a V8 CPU profile (service.cpuprofile, echo.cpuprofile). */
  cpuProfileDir?: string;
}

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      'steady-seconds': { type: 'string', default: '20' },
      'window-seconds': { type: 'string', default: '3' },
      'warm-up-seconds': { type: 'string', default: '3' },
      workload: { type: 'string', default: 'auto' },
      'cpu-prof-dir': { type: 'string' },
    },
  });
  const workload = values.workload;
  if (workload !== 'auto' && workload !== 'preparation' && workload !== 'runCommand') {
    throw new Error('--workload is auto, preparation or runCommand');
  }
  const seconds = (name: string, value: string): number => {
    const n = Number(value);
    if (!(n > 0 && n <= 120)) throw new Error(`--${name} must be a number of seconds, 0–120`);
    return n;
  };
  return {
    steadyRate: 100,
    steadySeconds: seconds('steady-seconds', values['steady-seconds']),
    windowSeconds: seconds('window-seconds', values['window-seconds']),
    warmUpSeconds: seconds('warm-up-seconds', values['warm-up-seconds']),
    pauseMs: 1_000,
    workload,
    ...(values['cpu-prof-dir'] ? { cpuProfileDir: path.resolve(values['cpu-prof-dir']) } : {}),
  };
}

/** A bot under test, in its own process (bench/benchTarget.ts). */
class TargetProcess {
  private constructor(
    readonly kind: TargetKind,
    readonly url: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(kind: TargetKind, cpuProfileDir?: string): Promise<TargetProcess> {
    const profile = cpuProfileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`, `--cpu-prof-name=${kind}.cpuprofile`]
      : [];
    const child = fork(path.join(__dirname, 'benchTarget.ts'), [kind], {
      execArgv: ['-r', require.resolve('@swc-node/register'), ...profile],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    // The target's own logs (warnings and errors only) go to stderr, apart from the report.
    child.stdout?.pipe(process.stderr);
    child.stderr?.pipe(process.stderr);
    const message = await nextMessage<TargetMessage>(child, 60_000, 'target');
    if (message.type !== 'ready') {
      child.kill();
      throw new Error(`the ${kind} target did not start: ${JSON.stringify(message)}`);
    }
    return new TargetProcess(kind, message.url, child);
  }

  /** CPU time and event-loop utilisation since the last call. */
  async usage(): Promise<{ cpuMs: number; eventLoopUtilization: number }> {
    const answer = nextMessage<TargetMessage>(this.child, 5_000, 'target');
    this.send({ type: 'usage' });
    const message = await answer;
    if (message.type !== 'usage') throw new Error(`unexpected ${JSON.stringify(message)}`);
    return message;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    this.send({ type: 'stop' });
    await exited;
    clearTimeout(timer);
  }

  private send(request: TargetRequest): void {
    this.child.send(request);
  }
}

interface Window extends OpenLoopResult {
  /** The bot's process: CPU time per turn sent, and how busy its event loop was. */
  cpuMsPerTurn: number;
  eventLoopUtilization: number;
  /** This process (load generator and connector): CPU time per turn sent. */
  generatorCpuMsPerTurn: number;
}

/** A bot under test with its workload. */
interface Subject {
  target: TargetProcess;
  workload: Workload;
}

/**
 * Runs `work` with keep-alive connections of its own, closed after. Each window gets fresh
 * ones: a connection left idle while the other bot is measured may be closed by the server's
 * keep-alive timeout just as the next window reuses it, which would count as an error.
 */
async function withClient<T>(url: string, work: (client: HttpClient) => Promise<T>): Promise<T> {
  const client = createHttpClient(url, {
    maxSockets: LIMITS.maxSockets,
    timeoutMs: LIMITS.requestTimeoutMs,
  });
  try {
    return await work(client);
  } finally {
    client.close();
  }
}

async function openSubject(
  target: TargetProcess,
  makeWorkload: (options: WorkloadOptions) => Workload,
  connectorUrl: string,
): Promise<Subject> {
  const workload = makeWorkload({ connectorUrl, people: LIMITS.people, target: target.kind });
  await withClient(target.url, (client) =>
    workload.setUp((body) => client.post('/api/messages', body)),
  );
  return { target, workload };
}

/** The preparation dialogue's step cards when the service has them, else the help button. */
async function chooseWorkload(
  requested: Settings['workload'],
  service: TargetProcess,
  connectorUrl: string,
): Promise<{ make: (options: WorkloadOptions) => Workload; note?: string }> {
  if (requested === 'runCommand') return { make: runCommandWorkload };
  if (requested === 'preparation') return { make: preparationWorkload };
  const hasPreparation = await withClient(service.url, (client) =>
    servesPreparation((body) => client.post('/api/messages', body), connectorUrl),
  );
  return hasPreparation
    ? { make: preparationWorkload }
    : {
        make: runCommandWorkload,
        note:
          'FALLBACK: the service has no preparation dialogue yet ("prepare" gave no step ' +
          'card), so these turns save no answer and do not measure the target workload',
      };
}

async function measure(
  subject: Subject,
  ratePerSec: number,
  seconds: number,
  abortWhenFailing: boolean,
): Promise<Window> {
  await subject.target.usage();
  const generatorCpuBefore = process.cpuUsage();
  const result = await withClient(subject.target.url, (client) =>
    runOpenLoop({
      ratePerSec,
      durationMs: seconds * 1000,
      drainTimeoutMs: LIMITS.drainTimeoutMs,
      // More than 6 % late means p95 over the answered turns is late too, errors or not.
      ...(abortWhenFailing ? { abortWhen: { latencyMs: SUSTAIN.p95Ms, fraction: 0.06 } } : {}),
      turn: async (): Promise<TurnResult> => {
        const turn = subject.workload.nextTurn();
        if (!turn) return { ok: false, reason: 'every simulated person has a turn in flight' };
        const answers = await Promise.all(
          Array.from({ length: turn.copies ?? 1 }, () =>
            client
              .post('/api/messages', turn.body)
              .catch((error: unknown): HttpAnswer | Error =>
                error instanceof Error ? error : new Error(String(error)),
              ),
          ),
        );
        return turn.settle(answers);
      },
    }),
  );
  const generatorCpu = process.cpuUsage(generatorCpuBefore);
  const usage = await subject.target.usage();
  const sent = Math.max(1, result.sent);
  return {
    ...result,
    cpuMsPerTurn: usage.cpuMs / sent,
    eventLoopUtilization: usage.eventLoopUtilization,
    generatorCpuMsPerTurn: (generatorCpu.user + generatorCpu.system) / 1000 / sent,
  };
}

function sustains(window: Window): boolean {
  return (
    !window.aborted &&
    window.latency.p95 !== null &&
    window.latency.p95 < SUSTAIN.p95Ms &&
    window.errorCount <= SUSTAIN.maxErrorShare * window.planned
  );
}

/** Runs the work it is given one piece at a time, in the order given. */
type OneAtATime = <T>(work: () => Promise<T>) => Promise<T>;

function oneAtATime(): OneAtATime {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * The highest rate with p95 < 100 ms: double from 200 turns/s until a window fails, then
 * bisect (geometrically) between the last passing and the first failing rate. The searches
 * of the two bots run side by side, their windows taking turns through `exclusive`, so both
 * meet the same moments of a shared machine's noise.
 */
async function searchMaxRate(
  subject: Subject,
  settings: Settings,
  steady: Window,
  exclusive: OneAtATime,
  log: (line: string) => void,
): Promise<number> {
  const tryOnce = (rate: number): Promise<boolean> =>
    exclusive(async () => {
      await sleep(settings.pauseMs);
      const window = await measure(subject, rate, settings.windowSeconds, true);
      const passed = sustains(window);
      log(formatWindow(subject.target.kind, window, passed));
      return passed;
    });
  // A failed window is tried once more before the rate counts as too high: on a shared
  // machine one window can lose a second of CPU to something else. A failing window stops
  // early, so the retry costs little where the rate is clearly too high.
  const tryRate = async (rate: number): Promise<boolean> =>
    (await tryOnce(rate)) || (await tryOnce(rate));

  let passing = sustains(steady) ? settings.steadyRate : 0;
  let failing: number | undefined;
  for (let rate = LIMITS.firstSearchRate; rate <= LIMITS.maxRate; rate *= 2) {
    if (await tryRate(rate)) {
      passing = rate;
    } else {
      failing = rate;
      break;
    }
  }
  if (failing === undefined) return passing;
  for (
    let i = 0;
    i < LIMITS.maxBisections && failing / Math.max(passing, 1) > LIMITS.resolution;
    i++
  ) {
    const rate = Math.round(passing > 0 ? Math.sqrt(passing * failing) : failing / 2);
    if (rate <= passing || rate >= failing) break;
    if (await tryRate(rate)) passing = rate;
    else failing = rate;
  }
  return passing;
}

const COLUMNS: readonly [title: string, width: number][] = [
  ['bot', 8],
  ['rate/s', 7],
  ['ok', 6],
  ['errors', 6],
  ['p50 ms', 7],
  ['p95 ms', 7],
  ['p99 ms', 7],
  ['max ms', 7],
  ['done/s', 7],
  ['bot cpu', 8],
  ['bot loop', 8],
  ['gen cpu', 8],
];

/** The first column (the bot) to the left, the figures to the right. */
function pad(cell: string, width: number, column: number): string {
  return column === 0 ? cell.padEnd(width) : cell.padStart(width);
}

/** The table's header; cpu is milliseconds per turn, loop the bot's event-loop utilisation. */
function windowHeader(): string {
  return `  ${COLUMNS.map(([title, width], i) => pad(title, width, i)).join(' ')}`;
}

function formatWindow(kind: TargetKind, w: Window, verdict?: boolean): string {
  const ms = (v: number | null) => (v === null ? '—' : v.toFixed(1));
  const cells = [
    kind,
    String(w.ratePerSec),
    String(w.ok),
    String(w.errorCount),
    ms(w.latency.p50),
    ms(w.latency.p95),
    ms(w.latency.p99),
    ms(w.latency.max),
    w.achievedPerSec.toFixed(0),
    w.cpuMsPerTurn.toFixed(2),
    `${(w.eventLoopUtilization * 100).toFixed(0)} %`,
    w.generatorCpuMsPerTurn.toFixed(2),
  ];
  const notes = [
    ...(verdict === undefined ? [] : [verdict ? 'ok' : 'FAIL']),
    ...(w.aborted ? ['(stopped early: past p95)'] : []),
    ...Object.entries(w.errors).map(([reason, count]) => `[${count}× ${reason}]`),
  ];
  const row = cells.map((cell, i) => pad(cell, COLUMNS[i]?.[1] ?? 0, i)).join(' ');
  return `  ${row}  ${notes.join(' ')}`.trimEnd();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main(): Promise<void> {
  const settings = readSettings();
  const out = (line = ''): void => {
    process.stdout.write(`${line}\n`);
  };
  const connector = await new FakeBotConnector({ record: false }).start();
  const targets: TargetProcess[] = [];
  const subjects: Subject[] = [];
  try {
    targets.push(
      await TargetProcess.start('service', settings.cpuProfileDir),
      await TargetProcess.start('echo', settings.cpuProfileDir),
    );
    const [serviceTarget, echoTarget] = targets as [TargetProcess, TargetProcess];
    const workload = await chooseWorkload(settings.workload, serviceTarget, connector.url);
    const setUpStart = performance.now();
    const service = await openSubject(serviceTarget, workload.make, connector.url);
    const setUpSeconds = (performance.now() - setUpStart) / 1000;
    subjects.push(service);
    const echo = await openSubject(echoTarget, workload.make, connector.url);
    subjects.push(echo);

    const [load1] = loadavg();
    out(`Kompetensdialog bot benchmark — workload: ${service.workload.description}`);
    if (workload.note) out(`*** ${workload.note} ***`);
    out(
      `${LIMITS.people} simulated people, set up in ${setUpSeconds.toFixed(1)} s; ` +
        'each bot in its own process, this one sends and plays the Bot Connector',
    );
    out(
      `node ${process.version}, load average ${load1?.toFixed(2)} at start` +
        ' (a shared machine makes these figures noisy)',
    );

    for (const subject of subjects) {
      await measure(subject, settings.steadyRate, settings.warmUpSeconds, false);
    }

    out();
    out(`(a) open loop, ${settings.steadyRate} turns/s for ${settings.steadySeconds} s`);
    out(windowHeader());
    const steady = new Map<Subject, Window>();
    for (const subject of subjects) {
      await sleep(settings.pauseMs);
      const window = await measure(subject, settings.steadyRate, settings.steadySeconds, false);
      steady.set(subject, window);
      out(formatWindow(subject.target.kind, window));
    }

    out();
    out(
      `(b) highest rate with p95 < ${SUSTAIN.p95Ms} ms and errors ≤ ${SUSTAIN.maxErrorShare * 100} %` +
        ` (${settings.windowSeconds} s windows; a failed window is tried twice)`,
    );
    out(windowHeader());
    const exclusive = oneAtATime();
    const [maxTurnsPerSec, echoMaxTurnsPerSec] = await Promise.all([
      searchMaxRate(service, settings, steady.get(service) as Window, exclusive, out),
      searchMaxRate(echo, settings, steady.get(echo) as Window, exclusive, out),
    ]);
    out(`  → service: ${maxTurnsPerSec} turns/s, echo: ${echoMaxTurnsPerSec} turns/s`);

    const serviceSteady = steady.get(service) as Window;
    const echoSteady = steady.get(echo) as Window;
    const p95At100 = serviceSteady.latency.p95;
    const targetsMet = {
      p95At100Under25Ms:
        p95At100 !== null && p95At100 < TARGETS.p95MsAt100 && serviceSteady.errorCount === 0,
      maxAtLeastThirdOfEcho: maxTurnsPerSec >= TARGETS.shareOfEcho * echoMaxTurnsPerSec,
    };

    out();
    out('Targets');
    if (workload.note) out(`  *** ${workload.note} ***`);
    out(
      `  p95 at 100 turns/s under ${TARGETS.p95MsAt100} ms, no errors: ` +
        `${roundMs(p95At100)} ms, ${serviceSteady.errorCount} errors — ` +
        (targetsMet.p95At100Under25Ms ? 'met' : 'MISSED'),
    );
    out(
      `  sustained rate at least a third of the echo bot's (${echoMaxTurnsPerSec} / 3 = ` +
        `${Math.ceil(echoMaxTurnsPerSec / 3)}): ${maxTurnsPerSec} turns/s — ` +
        (targetsMet.maxAtLeastThirdOfEcho ? 'met' : 'MISSED'),
    );
    out(
      JSON.stringify({
        p50MsAt100: roundMs(serviceSteady.latency.p50),
        p95MsAt100: roundMs(p95At100),
        p99MsAt100: roundMs(serviceSteady.latency.p99),
        errorsAt100: serviceSteady.errorCount,
        maxTurnsPerSec,
        echoMaxTurnsPerSec,
        echoP50MsAt100: roundMs(echoSteady.latency.p50),
        echoP95MsAt100: roundMs(echoSteady.latency.p95),
        echoP99MsAt100: roundMs(echoSteady.latency.p99),
        workload: service.workload.name,
        savesAnswers: service.workload.savesAnswers,
        loadAverageAtStart: load1 === undefined ? null : Math.round(load1 * 100) / 100,
        targetsMet,
      }),
    );
  } finally {
    for (const target of targets) await target.stop();
    await connector.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:bot could not run: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = 1;
});
