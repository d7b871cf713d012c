import { connect } from 'node:net';

/**
 * Whether an answer shows the service's insides: a stack frame ("at fn (file.js:1:2)"), a
 * file path of the app, or a JavaScript error's name and message as botbuilder prints them.
 */
export function showsInternals(text: string): boolean {
  return (
    /\bat .*\(?[\w./\\-]+:\d+:\d+\)?/.test(text) ||
    /node_modules|\/work\/|dist\/bot\//.test(text) ||
    /\b(TypeError|ReferenceError|SyntaxError|RangeError)\b/.test(text)
  );
}

/**
 * Writes `request` as it is to the service's socket, half-closes, and returns whatever came
 * back once the service closed the connection (or after `timeoutMs`, when it kept waiting
 * for a body that never comes). For the requests fetch refuses to send: a Content-Length
 * that lies, a body cut off.
 */
export function rawHttpExchange(port: number, request: string, timeoutMs = 2_000): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => {
      socket.end(request);
    });
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', done);
    socket.on('error', done);
  });
}

/**
 * Sends once more when the first attempt's connection was reset. The fuzz tests run client and
 * service in one process: after a long full GC (the heap measurement) the service's keep-alive
 * timer can close a pooled socket just as fetch reuses it. That race is the transport's, not an
 * answer; the second attempt must be answered.
 */
export async function sendWithOneRetryOnReset(send: () => Promise<Response>): Promise<Response> {
  try {
    return await send();
  } catch (error) {
    const cause = (error as { cause?: { code?: unknown } }).cause;
    if (cause?.code !== 'ECONNRESET') throw error;
    return send();
  }
}
