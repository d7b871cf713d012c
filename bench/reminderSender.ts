import { performance } from 'node:perf_hooks';
import { loadConfig } from '../bot/config';
import type { ReminderCounters } from '../bot/reminders/reminderWorker';
import { startService } from '../bot/service';

/**
 * The reminder sender under test for reminders.bench.ts: the whole service, started as in
 * production with REMINDERS=on, in a process of its own so the benchmark can kill it. Talks to
 * the benchmark over the IPC channel:
 *
 *   → { type: 'ready' }     once the service is up (its worker is claiming)
 *   SIGTERM → closes the service (the batch in hand is sent and settled), then
 *   → { type: 'stopped', … } with its CPU time and the worker's counters, and exits.
 *   Losing the parent closes and exits too.
 *
 * argv[2]: the SenderSettings as JSON.
 */

export interface SenderSettings {
  databaseUrl: string;
  sendRatePerSecond: number;
  leaseSeconds: number;
  /** The service's clock reads `clockStart` at wall-clock time `clockOrigin` (both epoch ms). */
  clockStart: number;
  clockOrigin: number;
}

export type SenderMessage =
  | { type: 'ready' }
  | {
      type: 'stopped';
      /** User and system CPU from ready to stopped. */
      cpuSeconds: number;
      wallSeconds: number;
      /** How busy the event loop was from ready to stopped, 0–1. */
      eventLoopUtilization: number;
      counters: ReminderCounters;
    }
  | { type: 'failed'; message: string };

/**
 * A clock that starts on a working-day morning and runs with real time. Every sender of one
 * run shares the origin, so a restarted sender reads on from where the killed one stopped and
 * the killed one's leases run out on time.
 */
function benchClock(clockStart: number, clockOrigin: number): () => Date {
  return () => new Date(clockStart + (Date.now() - clockOrigin));
}

async function main(): Promise<void> {
  const settings = JSON.parse(process.argv[2] ?? '') as SenderSettings;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    PORT: '0',
    HOST: '127.0.0.1',
    DEMO_ORGANISATION: 'false',
    DATABASE_URL: settings.databaseUrl,
    REMINDERS: 'on',
    REMINDER_SEND_RATE: String(settings.sendRatePerSecond),
    REMINDER_LEASE_SECONDS: String(settings.leaseSeconds),
  });
  const service = await startService(config, {
    now: benchClock(settings.clockStart, settings.clockOrigin),
  });
  const worker = service.reminderWorker;
  if (!worker) throw new Error('the service started without its reminder worker');
  const cpuAtReady = process.cpuUsage();
  const readyAt = performance.now();
  const loopAtReady = performance.eventLoopUtilization();

  let stopping: Promise<void> | undefined;
  const stopAndExit = (): Promise<void> =>
    (stopping ??= service.close().then(() => {
      const cpu = process.cpuUsage(cpuAtReady);
      send(
        {
          type: 'stopped',
          cpuSeconds: (cpu.user + cpu.system) / 1e6,
          wallSeconds: (performance.now() - readyAt) / 1000,
          eventLoopUtilization: performance.eventLoopUtilization(loopAtReady).utilization,
          counters: { ...worker.counters },
        },
        () => process.exit(0),
      );
    }));
  process.on('SIGTERM', () => void stopAndExit());
  process.on('disconnect', () => void stopAndExit());
  send({ type: 'ready' });
}

function send(message: SenderMessage, then?: () => void): void {
  if (!process.connected) {
    then?.();
    return;
  }
  process.send?.(message, undefined, undefined, () => then?.());
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }, () =>
    process.exit(1),
  );
});
