import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { startTestService } from '../tests/support/inProcessService';
import { startEchoBot } from './echoBot';

/**
 * One bot under test in its own process, so the load generator and the bot do not share an
 * event loop (as in production, where Teams is elsewhere). Started by bot.bench.ts with
 * child_process.fork; talks to it over the IPC channel:
 *
 *   → { type: 'ready', url }           once listening on loopback
 *   ← { type: 'usage' } → { type: 'usage', cpuMs, eventLoopUtilization }   since the last ask
 *   ← { type: 'stop' }  → closes and exits; so does losing the parent.
 *
 * argv[2]: 'service' (the real service, fresh embedded database) or 'echo'.
 */

export type TargetKind = 'service' | 'echo';

export type TargetRequest = { type: 'usage' } | { type: 'stop' };
export type TargetMessage =
  | { type: 'ready'; url: string }
  | { type: 'usage'; cpuMs: number; eventLoopUtilization: number }
  | { type: 'failed'; message: string };

async function main(): Promise<void> {
  const kind = process.argv[2];
  if (kind !== 'service' && kind !== 'echo') throw new Error(`unknown target ${String(kind)}`);

  // Both stop() functions are plain closures, safe to take off their objects.
  const { url, stop } =
    kind === 'service'
      ? await startTestService({ LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn' })
      : await startEchoBot();
  let stopping: Promise<void> | undefined;
  const stopAndExit = (): Promise<void> => (stopping ??= stop().then(() => process.exit(0)));

  let lastCpu = process.cpuUsage();
  let lastLoop: EventLoopUtilization = performance.eventLoopUtilization();
  process.on('message', (request: TargetRequest) => {
    if (request.type === 'stop') {
      void stopAndExit();
      return;
    }
    const cpu = process.cpuUsage(lastCpu);
    const loop = performance.eventLoopUtilization(lastLoop);
    lastCpu = process.cpuUsage();
    lastLoop = performance.eventLoopUtilization();
    send({
      type: 'usage',
      cpuMs: (cpu.user + cpu.system) / 1000,
      eventLoopUtilization: loop.utilization,
    });
  });
  process.on('disconnect', () => void stopAndExit());
  send({ type: 'ready', url });
}

function send(message: TargetMessage): void {
  process.send?.(message);
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
});
