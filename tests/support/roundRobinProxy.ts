import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotEndpoint } from './personalChat';

/**
 * A load balancer in front of several service instances, as a region runs them: each request
 * goes to the next instance in turn, so one conversation's turns alternate between them.
 * An instance taken out (`remove`) gets no new requests, as a rolling restart drains it.
 */
export class RoundRobinProxy implements BotEndpoint {
  /** Which instance answered each request, in order. */
  readonly servedBy: string[] = [];
  private backends: string[] = [];
  private next = 0;
  private server: Server = createServer();
  url = '';

  static async start(backends: readonly string[]): Promise<RoundRobinProxy> {
    const proxy = new RoundRobinProxy();
    proxy.backends = [...backends];
    proxy.server = createServer((incoming, outgoing) => {
      const backend = proxy.pick();
      proxy.servedBy.push(backend);
      const target = new URL(incoming.url ?? '/', backend);
      const forwarded = request(
        target,
        { method: incoming.method, headers: { ...incoming.headers, host: target.host } },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forwarded.on('error', () => {
        outgoing.writeHead(502).end();
      });
      incoming.pipe(forwarded);
    });
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    proxy.url = `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}`;
    return proxy;
  }

  add(backend: string): void {
    this.backends.push(backend);
  }

  remove(backend: string): void {
    this.backends = this.backends.filter((each) => each !== backend);
  }

  postActivity(body: unknown): Promise<Response> {
    return fetch(`${this.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private pick(): string {
    const backend = this.backends[this.next++ % this.backends.length];
    if (!backend) throw new Error('The proxy has no instance to send to');
    return backend;
  }
}
