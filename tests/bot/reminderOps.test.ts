import express from 'express';
import type { AddressInfo } from 'node:net';
import { createReminderOpsRouter } from '../../bot/reminders/reminderOpsRoute';
import { startTestService, type TestService } from '../support/inProcessService';
import { freshEmbeddedDatabase, type FreshDatabase } from '../support/freshDatabase';
import { SqlReminderQueue } from '../../bot/storage/sqlReminderQueue';

const OPS_TOKEN = 'ops-token-0123456789abcdef0123456789abcdef';
const NOW = new Date('2026-11-25T09:00:00Z');

describe('the operators’ view of the reminder queue', () => {
  let service: TestService;
  let fresh: FreshDatabase;

  beforeAll(async () => {
    fresh = await freshEmbeddedDatabase();
    service = await startTestService({ OPS_TOKEN, REMINDERS: 'off' });
  });
  afterAll(async () => {
    await service.stop();
    await fresh.dispose();
  });

  const get = (token?: string) =>
    fetch(`${service.url}/ops/reminders`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  it('when no operator token or a wrong one is sent, then the answer is 401 and says nothing about the queue', async () => {
    for (const token of [undefined, 'wrong', `${OPS_TOKEN}x`]) {
      const response = await get(token);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: 'invalid_token', message: expect.any(String) },
      });
    }
  });

  it('when the operator asks, then the queue’s counts by status come back', async () => {
    const response = await get(OPS_TOKEN);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      counts: { pending: 0, sending: 0, sent: 0, skipped: 0, cancelled: 0, dead: 0 },
      worker: null,
      deadLetters: [],
    });
  });

  it('when OPS_TOKEN is not configured, then the route does not exist', async () => {
    const plain = await startTestService();
    try {
      expect((await fetch(`${plain.url}/ops/reminders`)).status).toBe(404);
    } finally {
      await plain.stop();
    }
  });

  it('when a reminder was dead-lettered, then it is listed with its kind and reason, without the person', async () => {
    const queue = new SqlReminderQueue(fresh.db);
    await queue.replace('follow-up:p1:', [
      {
        key: 'follow-up:p1:a1',
        personId: 'person-anna',
        dueAt: NOW,
        payload: {
          kind: 'effect-follow-up',
          planId: 'p1',
          activityId: 'a1',
          dueDate: '2026-11-20',
        },
      },
    ]);
    const [job] = await queue.claimDue(NOW, 1, { leaseMs: 60_000, workerId: 'w' });
    if (!job) throw new Error('the job was not claimed');
    await queue.deadLetter(job, 'Teams answered 403');

    const app = express().use(
      createReminderOpsRouter({ queue, counters: () => undefined, token: OPS_TOKEN }),
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/ops/reminders`, {
        headers: { authorization: `Bearer ${OPS_TOKEN}` },
      });
      const body = (await response.json()) as { deadLetters: unknown[]; counts: { dead: number } };
      expect(body.counts.dead).toBe(1);
      expect(body.deadLetters).toEqual([
        {
          id: job.id,
          kind: 'effect-follow-up',
          attempts: 1,
          dueAt: NOW.toISOString(),
          reason: 'Teams answered 403',
        },
      ]);
      expect(JSON.stringify(body)).not.toContain('person-anna');
    } finally {
      server.close();
    }
  });
});
