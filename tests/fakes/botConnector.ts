import express from 'express';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import type { Activity } from 'botbuilder';

/** A fault the next matching request gets instead of a normal answer. */
export interface ConnectorFault {
  status: number;
  retryAfterSeconds?: number;
  body?: unknown;
}

export interface FakeBotConnectorOptions {
  /**
   * Keep every activity in `received` (the default, for tests). A benchmark sets false so a
   * long run holds no memory: the connector then only counts, in `receivedCount`.
   */
  record?: boolean;
}

export interface ReceivedActivity {
  conversationId: string;
  replyToId?: string;
  method: 'POST' | 'PUT';
  activity: Partial<Activity>;
}

/**
 * A local stand-in for the Bot Connector service (the part of Teams a bot sends its replies
 * to), following the documented REST shape: POST /v3/conversations/{id}/activities,
 * POST …/activities/{replyToId}, PUT …/activities/{id} answering `{ id }`, with injectable
 * faults (429 with Retry-After, 5xx, 403, 404) for the retry paths.
 */
export class FakeBotConnector {
  readonly received: ReceivedActivity[] = [];
  /** Every activity answered normally (not faulted), recorded or not, since start or clear(). */
  receivedCount = 0;
  private readonly faults: ConnectorFault[] = [];
  private nextId = 1;
  private server = createServer();
  url = '';

  constructor(private readonly options: FakeBotConnectorOptions = {}) {}

  async start(): Promise<this> {
    const app = express();
    app.use(express.json({ limit: '1mb' }));
    const record =
      (method: 'POST' | 'PUT'): express.RequestHandler =>
      (req, res) => {
        const fault = this.faults.shift();
        if (fault) {
          if (fault.retryAfterSeconds !== undefined) {
            res.setHeader('Retry-After', String(fault.retryAfterSeconds));
          }
          res
            .status(fault.status)
            .json(fault.body ?? { error: { code: 'Fault', message: 'injected' } });
          return;
        }
        const conversationId = String(req.params.conversationId);
        const activityId = req.params.activityId ? String(req.params.activityId) : undefined;
        this.receivedCount++;
        if (this.options.record ?? true) {
          this.received.push({
            conversationId,
            method,
            activity: req.body as Partial<Activity>,
            ...(activityId ? { replyToId: activityId } : {}),
          });
        }
        res
          .status(method === 'POST' ? 201 : 200)
          .json({ id: activityId && method === 'PUT' ? activityId : `activity-${this.nextId++}` });
      };
    app.post('/v3/conversations/:conversationId/activities', record('POST'));
    app.post('/v3/conversations/:conversationId/activities/:activityId', record('POST'));
    app.put('/v3/conversations/:conversationId/activities/:activityId', record('PUT'));
    this.server = createServer(app);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** The next requests fail with these, in order. */
  injectFaults(...faults: ConnectorFault[]): void {
    this.faults.push(...faults);
  }

  /** What the bot sent that a person would see (typing indicators left out). */
  messages(): Partial<Activity>[] {
    return this.received.map((r) => r.activity).filter((a) => a.type === 'message');
  }

  clear(): void {
    this.received.length = 0;
    this.receivedCount = 0;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
