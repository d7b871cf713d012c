import express from 'express';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import type { Activity } from 'botbuilder';
import { setTimeout as sleep } from 'node:timers/promises';

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
  /**
   * Enforce Teams' documented limits for a bot's messages: per tenant this many requests a
   * second (Teams: 50 per app per tenant), per conversation 7 a second. Over a limit the
   * request is answered 429 with Retry-After, as Teams does. Off unless set.
   */
  tenantRequestsPerSecond?: number;
  /** Time the connector takes to answer, as a real service would. */
  latencyMs?: number;
}

/** Teams' per-conversation limit: 7 messages in any one second. */
const CONVERSATION_MESSAGES_PER_SECOND = 7;

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
  /** Requests answered 429 because they went over a limit (injected faults not counted). */
  throttledCount = 0;
  /** Accepted activities per conversation, for counting duplicates without recording. */
  readonly perConversation = new Map<string, number>();
  private readonly windows = new Map<string, number[]>();
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
      async (req, res) => {
        if (this.options.latencyMs) await sleep(this.options.latencyMs);
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
        if (this.overLimit(conversationId, req.body as Partial<Activity>)) {
          this.throttledCount++;
          res.setHeader('Retry-After', '1');
          res.status(429).json({ error: { code: 'TooManyRequests', message: 'throttled' } });
          return;
        }
        this.receivedCount++;
        this.perConversation.set(
          conversationId,
          (this.perConversation.get(conversationId) ?? 0) + 1,
        );
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
    this.throttledCount = 0;
    this.perConversation.clear();
    this.windows.clear();
  }

  /** A sliding one-second window per tenant and per conversation, as Teams counts. */
  private overLimit(conversationId: string, activity: Partial<Activity>): boolean {
    const perTenant = this.options.tenantRequestsPerSecond;
    if (perTenant === undefined) return false;
    const tenantId =
      (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ??
      activity.conversation?.tenantId ??
      '';
    const now = performance.now();
    const tenant = this.window(`tenant:${tenantId}`, now);
    const conversation = this.window(`conversation:${conversationId}`, now);
    if (tenant.length >= perTenant || conversation.length >= CONVERSATION_MESSAGES_PER_SECOND) {
      return true;
    }
    tenant.push(now);
    conversation.push(now);
    return false;
  }

  private window(key: string, now: number): number[] {
    const recent = (this.windows.get(key) ?? []).filter((at) => now - at < 1000);
    this.windows.set(key, recent);
    return recent;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
