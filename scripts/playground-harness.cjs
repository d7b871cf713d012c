'use strict';

/**
 * Starting the Microsoft 365 Agents Playground (@microsoft/m365agentsplayground 0.2.28) and
 * putting it in front of the Kompetensdialog service. Used by `npm run playground` and by
 * tests/support/playground.ts. Types: playground-harness.d.cts.
 *
 * What the playground does, read from its bundled source (dist/index.js) and observed here:
 * - CLI: `-p/--port` (default 56150; if that port is taken it silently moves to a random one,
 *   and its connector URL would then be wrong, so we refuse that), `-e/--app-endpoint` (the
 *   bot's /api/messages), `--service-url` (the serviceUrl written into every activity; the bot
 *   replies there), `-c/--channel-id` (msteams by default), `--disable-telemetry`.
 *   No host option: it listens on all interfaces, hence the loopback-only.cjs preload.
 * - Environment: TEAMSAPPTESTER_BROWSER=none (do not open a browser),
 *   APPLICATION_INSIGHTS_NO_STATSBEAT=true (with --disable-telemetry: no calls to Azure),
 *   M365_AGENTS_PLAYGROUND_CONFIG_PATH (default ./.m365agentsplayground.yml in its cwd),
 *   M365_AGENTS_PLAYGROUND_LOGFILE (default ./devTools/m365agentsplayground.log in its cwd;
 *   deleted at every start). HTTP(S)_PROXY/NO_PROXY are honoured for its calls to the bot.
 * - Output: when stdout is not a TTY it prints only "Listening on <port>"; everything else,
 *   including why it failed, goes to the log file. An invalid config prints "Listening" and
 *   then exits 1, so readiness here is GET /_internal/v1/testConfig answering the config.
 * - Every page load selects the personal chat and sends installationUpdate (action "add",
 *   locale "en-US") and conversationUpdate (membersAdded: the current user and the bot, ids and
 *   aadObjectIds, no names, no locale) at the same moment. Chat history lives in the page: a
 *   reload shows an empty chat.
 * - Activities carry from.id = the config user's `id` and from.aadObjectId = its
 *   `aadObjectId`; conversation.conversationType is personal, groupChat or channel.
 * - Messages, invokes and submits always say locale "en-US" (hard-coded). A real Teams client
 *   sends the person's own language, so the locale proxy below makes the playground speak as
 *   a client in `locale` (sv-SE by default): otherwise the bot would answer in English, and
 *   the welcome would be Swedish or English depending on which install event came first.
 * - Internal API: GET /_internal/v1/testConfig (the loaded config), GET /_internal/v1/config
 *   (the same, after waiting up to 15 s for the bot endpoint), GET
 *   /_internal/v1/customActivities/template?conversationId=…&type=… and POST
 *   /_internal/v1/customActivities (inject an activity). The connector for the bot's replies
 *   is /_connector/v3/conversations/…, which also mocks TeamsInfo (members, team details).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');

const PROJECT_ROOT = path.resolve(__dirname, '..');
const PLAYGROUND_CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');
const LOOPBACK = '127.0.0.1';

/** Preloads for every child we start: loopback only, and gone when we are gone. */
const CHILD_PRELOADS = [
  path.join(__dirname, 'loopback-only.cjs'),
  path.join(__dirname, 'exit-with-parent.cjs'),
];

/** The person you are in each view: an id of bot/demo/demoOrganisation.json. */
const PLAYGROUND_VIEWS = Object.freeze({
  employee: Object.freeze({
    currentUserAadObjectId: '00000000-0000-4000-8000-000000000011',
    role: 'medarbetare',
  }),
  manager: Object.freeze({
    currentUserAadObjectId: '00000000-0000-4000-8000-000000000001',
    role: 'chef',
  }),
});

function playgroundConfigPath(view) {
  if (!Object.hasOwn(PLAYGROUND_VIEWS, view)) {
    throw new Error(
      `Unknown playground view "${view}"; use ${Object.keys(PLAYGROUND_VIEWS).join(' or ')}`,
    );
  }
  return path.join(PROJECT_ROOT, 'playground', `${view}.yml`);
}

/** A port that was free on 127.0.0.1 a moment ago. */
function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with `value` after `ms`, without keeping the process alive for it (for races). */
const deadline = (ms, value) => new Promise((resolve) => setTimeout(resolve, ms, value).unref());

/** The last `maxChars` of a text file, or a note saying why there is none. */
function readTail(file, maxChars = 6000) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.length > maxChars ? `…${text.slice(-maxChars)}` : text || '(empty)';
  } catch (error) {
    return `(no log: ${error.code ?? error.message})`;
  }
}

/** Environment for a child: no proxy for loopback, whatever the developer's shell says. */
function loopbackEnv(base) {
  const noProxy = [base.NO_PROXY ?? base.no_proxy, '127.0.0.1', 'localhost']
    .filter(Boolean)
    .join(',');
  return { ...base, NO_PROXY: noProxy, no_proxy: noProxy };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
async function stopChild(child, exited, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), deadline(graceMs, false)]);
  if (!stopped) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Spawns `node <preloads> <args>` with its output kept (bounded) for error messages. */
function spawnNode(args, options) {
  const child = spawn(process.execPath, [...CHILD_PRELOADS.flatMap((p) => ['-r', p]), ...args], {
    cwd: options.cwd,
    env: loopbackEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString('utf8')).slice(-20000);
    options.onOutput?.(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
  });
  return { child, exited, output: () => output };
}

/**
 * Starts the playground as a child process on `port` (loopback only) and resolves once its
 * API answers with the loaded config. Rejects, with its log, if it exits or takes too long.
 */
async function startPlayground(options) {
  const { port, botEndpoint, configPath, workDir } = options;
  // Generous: on a loaded two-core machine a cold start took over 20 s.
  const readyTimeoutMs = options.readyTimeoutMs ?? 45000;
  fs.mkdirSync(workDir, { recursive: true });
  const logPath = path.join(workDir, 'devTools', 'm365agentsplayground.log');
  const url = `http://${LOOPBACK}:${port}`;

  let announcedPort;
  let announced;
  const whenAnnounced = new Promise((resolve) => (announced = resolve));
  const announce = (text) => {
    const match = /Listening on (\d+)/.exec(text);
    if (announcedPort !== undefined || !match) return;
    announcedPort = Number(match[1]);
    announced();
  };
  let outputSoFar = '';
  const proc = spawnNode(
    [
      PLAYGROUND_CLI,
      '--port',
      String(port),
      '--app-endpoint',
      botEndpoint,
      '--service-url',
      `${url}/_connector`,
      '--channel-id',
      'msteams',
      '--disable-telemetry',
    ],
    {
      cwd: workDir,
      env: {
        ...process.env,
        ...options.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: logPath,
      },
      onOutput: (chunk) => {
        if (announcedPort !== undefined) return;
        outputSoFar += chunk.toString('utf8');
        announce(outputSoFar);
      },
    },
  );
  // The playground writes "Listening on" to its log file as well; under load its piped
  // output was seen to arrive more than 20 s after the log line, so both are watched.
  const watchLog = setInterval(() => announce(readTail(logPath)), 200);
  whenAnnounced.then(() => clearInterval(watchLog));
  proc.exited.then(() => clearInterval(watchLog));

  const diagnostics = () =>
    [
      `Agents Playground on ${url} (config ${configPath})`,
      `--- its output ---\n${proc.output() || '(none)'}`,
      `--- its log ${logPath} ---\n${readTail(logPath)}`,
    ].join('\n');

  const running = {
    url,
    port,
    logPath,
    pid: proc.child.pid,
    exited: proc.exited,
    readLog: () => readTail(logPath, Number.MAX_SAFE_INTEGER),
    diagnostics,
    stop: () => stopChild(proc.child, proc.exited),
  };

  const fail = async (reason) => {
    const details = diagnostics();
    await running.stop();
    throw new Error(`${reason}\n${details}`);
  };

  const giveUpAt = Date.now() + readyTimeoutMs;
  const exitedEarly = proc.exited.then((exit) => ({ exit }));
  const first = await Promise.race([
    whenAnnounced.then(() => ({})),
    exitedEarly,
    deadline(readyTimeoutMs, { timeout: true }),
  ]);
  if (first.exit) {
    return fail(`The Agents Playground exited before listening (${exitText(first.exit)}).`);
  }
  if (first.timeout) {
    return fail(`The Agents Playground did not listen within ${readyTimeoutMs} ms.`);
  }
  if (announcedPort !== port) {
    return fail(
      `Port ${port} is taken: the playground moved to ${announcedPort}, where its connector URL would be wrong. Stop whatever uses port ${port} or choose another port.`,
    );
  }

  // "Listening" comes before the config is read; an invalid config exits right after it.
  while (Date.now() < giveUpAt) {
    const answer = await Promise.race([fetchConfig(url), exitedEarly]);
    if (answer && answer.exit) {
      return fail(`The Agents Playground stopped after starting (${exitText(answer.exit)}).`);
    }
    if (answer) return { ...running, config: answer };
    await delay(100);
  }
  return fail(`The Agents Playground did not answer within ${readyTimeoutMs} ms.`);
}

async function fetchConfig(url) {
  try {
    const response = await fetch(`${url}/_internal/v1/testConfig`, {
      signal: AbortSignal.timeout(2000),
    });
    if (!response.ok) return undefined;
    const body = await response.json();
    return body.config;
  } catch {
    return undefined;
  }
}

function exitText({ code, signal, error }) {
  if (error) return error.message;
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

/**
 * An HTTP proxy between the playground and the bot that sets the activity's locale (and the
 * clientInfo entity's) to `locale`, as a Teams client in that language would. Everything else,
 * including the bot's answer to invokes, passes unchanged. `exchanges` keeps the last 50
 * activities and the status the bot answered, for error messages.
 */
function startLocaleProxy({ target, locale }) {
  const targetUrl = new URL(target);
  const exchanges = [];
  const record = (entry) => {
    exchanges.push(entry);
    if (exchanges.length > 50) exchanges.shift();
  };

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      const entry = { at: new Date().toISOString(), method: req.method, path: req.url };
      if (body.length > 0 && /json/i.test(req.headers['content-type'] ?? '')) {
        try {
          const activity = JSON.parse(body.toString('utf8'));
          if (activity && typeof activity === 'object' && !Array.isArray(activity)) {
            setLocale(activity, locale);
            Object.assign(entry, {
              type: activity.type,
              name: activity.name,
              conversationId: activity.conversation?.id,
            });
            body = Buffer.from(JSON.stringify(activity), 'utf8');
          }
        } catch {
          // Not JSON after all: forwarded as it is, the service answers it.
        }
      }
      const headers = { ...req.headers, host: targetUrl.host, 'content-length': body.length };
      delete headers['transfer-encoding'];
      const upstream = http.request(
        {
          hostname: targetUrl.hostname,
          port: targetUrl.port,
          method: req.method,
          path: req.url,
          headers,
        },
        (answer) => {
          record({ ...entry, status: answer.statusCode });
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', (error) => {
        record({ ...entry, status: 502, error: error.message });
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`Kompetensdialog is not reachable at ${target}: ${error.message}`);
      });
      upstream.end(body);
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const url = `http://${LOOPBACK}:${server.address().port}`;
      resolve({
        url,
        botEndpoint: `${url}/api/messages`,
        locale,
        exchanges,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function setLocale(activity, locale) {
  activity.locale = locale;
  if (Array.isArray(activity.entities)) {
    for (const entity of activity.entities) {
      if (entity && entity.type === 'clientInfo') entity.locale = locale;
    }
  }
}

module.exports = {
  PROJECT_ROOT,
  PLAYGROUND_VIEWS,
  playgroundConfigPath,
  findFreePort,
  startPlayground,
  startLocaleProxy,
  spawnNode,
  stopChild,
  readTail,
};
