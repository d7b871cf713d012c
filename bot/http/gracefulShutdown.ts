import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * How long a stopping instance may take. Azure App Service and Container Apps kill a container
 * 30 s after SIGTERM; 25 s leaves room to close the database and write the last log line.
 */
export const SHUTDOWN_DEADLINE_MS = 25_000;

export interface HttpDrain {
  /**
   * Stops accepting connections and lets the requests (and bot turns) in flight finish; a
   * keep-alive connection is closed as soon as its current answer is out, so the client's next
   * request goes to another instance. Resolves `drained` when the last one finished, or `cut`
   * after `deadlineMs`, when the connections still open are closed.
   */
  drain(deadlineMs: number): Promise<'drained' | 'cut'>;
}

/** Tracks the server's requests in flight from now on, for {@link HttpDrain.drain}. */
export function trackRequestsInFlight(server: Server): HttpDrain {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (draining && !res.headersSent) res.setHeader('Connection', 'close');
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      // An answer that was already on its way when the drain began leaves an idle socket.
      if (draining) server.closeIdleConnections();
    });
  });

  let drained: Promise<'drained' | 'cut'> | undefined;
  return {
    drain: (deadlineMs) =>
      (drained ??= new Promise((resolve) => {
        draining = true;
        for (const res of inFlight) {
          if (!res.headersSent) res.setHeader('Connection', 'close');
        }
        const deadline = setTimeout(() => {
          server.closeAllConnections();
          resolve('cut');
        }, deadlineMs);
        deadline.unref();
        server.close(() => {
          clearTimeout(deadline);
          resolve('drained');
        });
        server.closeIdleConnections();
      })),
  };
}

/** Waits for `work`, but no longer than `deadlineMs`: `false` when the deadline came first. */
export async function withinDeadline(work: Promise<unknown>, deadlineMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), deadlineMs);
    timer.unref();
  });
  try {
    return await Promise.race([work.then(() => true), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
