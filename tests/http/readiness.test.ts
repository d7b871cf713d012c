import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActivityHandler } from 'botbuilder';
import { Router } from 'express';
import { loadConfig } from '../../bot/config';
import { CircuitBreaker } from '../../bot/graph/resilience';
import { createReadinessCheck } from '../../bot/http/readiness';
import { createLogger } from '../../bot/logger';
import { tabBuildDir } from '../../bot/paths';
import { createHttpApp } from '../../bot/server';
import { createAdapter } from '../../bot/teams/adapter';
import { expectErrorResponse } from '../api/expectErrorResponse';
import { startTestService, type TestService } from '../support/inProcessService';

describe('health and readiness of the real service', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
  });

  it('when the database answers, then /healthz and /readyz both say so', async () => {
    const health = await fetch(`${service.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('when OPS_TOKEN is not configured, then the metrics route does not exist', async () => {
    expect((await fetch(`${service.url}/ops/metrics`)).status).toBe(404);
  });
});

describe('readiness when a dependency is down', () => {
  let server: Server;
  let url: string;
  let clock = 0;
  let databaseAnswers = true;
  const breaker = new CircuitBreaker({ failureThreshold: 1, coolDownMs: 30_000 }, () => clock);

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const logger = createLogger('silent');
    const app = createHttpApp({
      adapter: createAdapter(config, logger),
      bot: new ActivityHandler(),
      checkReadiness: createReadinessCheck({
        pingDatabase: async () => {
          if (!databaseAnswers) throw new Error('connection refused');
        },
        graphBreaker: breaker,
        now: () => clock,
      }),
      apiRouter: Router(),
      tabDir: tabBuildDir(),
      logger,
    });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('when Graph failed until its circuit opened, then /readyz is 503 naming Graph while /healthz stays 200', async () => {
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();

    const ready = await fetch(`${url}/readyz`);
    const body = await expectErrorResponse(ready, 503, 'not_ready');
    expect(body.error.message).toMatch(/Microsoft Graph/);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('when the circuit’s cool-down is over, then the instance is ready again for the trial call', async () => {
    clock += 30_000;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it('when the database does not answer, then /readyz is 503 naming the database and /healthz stays 200', async () => {
    databaseAnswers = false;
    try {
      const body = await expectErrorResponse(await fetch(`${url}/readyz`), 503, 'not_ready');
      expect(body.error.message).toMatch(/database/);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      databaseAnswers = true;
    }
  });
});
