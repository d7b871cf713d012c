import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeBotConnector } from '../fakes/botConnector';
import { adaptiveCardProblems } from '../support/adaptiveCards';
import { installationAdded } from '../support/teamsActivities';

/**
 * What `npm start` runs (the built service, `node dist/bot/main.js`), started as its own
 * process the way a newcomer starts it, so the build, the banner, the embedded database
 * and the shutdown are checked together.
 */
const MAIN = path.resolve(__dirname, '../../dist/bot/main.js');

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

function run(env: Record<string, string>): Started {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => output, exited };
}

async function waitForUrl(started: Started, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /running at (http:\/\/\S+)/.exec(started.output());
    if (match?.[1]) return match[1];
    if (started.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The service did not start. Its output:\n${started.output()}`);
}

let dataDir: string;
let connector: FakeBotConnector;

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  dataDir = await mkdtemp(path.join(tmpdir(), 'kd-started-'));
  connector = await new FakeBotConnector().start();
});

afterAll(async () => {
  await connector.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the built service, as npm start runs it', () => {
  it('when started with no settings but a port, then it says it is in emulator mode, answers /healthz and /readyz, welcomes, and stops cleanly on SIGTERM', async () => {
    const started = run({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    try {
      const url = await waitForUrl(started);
      expect(started.output()).toContain('EMULATOR MODE');

      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
      expect((await fetch(`${url}/readyz`)).status).toBe(200);

      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(installationAdded({ serviceUrl: connector.url })),
      });
      expect(response.status).toBe(200);
      const cards = connector.messages().flatMap((m) => m.attachments ?? []);
      expect(cards).toHaveLength(1);
      expect(adaptiveCardProblems(cards[0]?.content)).toEqual([]);
    } finally {
      started.child.kill('SIGTERM');
    }
    expect(await started.exited).toBe(0);
  });

  it('when started again on the same data folder, then what it stored survived: no second welcome', async () => {
    connector.clear();
    const started = run({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    try {
      const url = await waitForUrl(started);
      await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(installationAdded({ serviceUrl: connector.url })),
      });
      expect(connector.messages()).toHaveLength(0);
    } finally {
      started.child.kill('SIGTERM');
    }
    expect(await started.exited).toBe(0);
  });

  it('when started in production without credentials, then it refuses and names the variables', async () => {
    const started = run({ NODE_ENV: 'production', PORT: '0', DATA_DIR: dataDir });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('MICROSOFT_APP_ID');
    expect(started.output()).toContain('PUBLIC_URL');
    expect(started.output()).not.toMatch(/\n\s+at /); // no stack trace
  });
});
