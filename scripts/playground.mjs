// `npm run playground [-- --as manager]`: the built service and the Microsoft 365 Agents
// Playground side by side, on loopback only, so you can chat with Kompetensdialog as a person
// of the demo organisation in a Teams-like client. Ctrl-C (or SIGTERM) stops both.
//
//   browser ─▶ playground :56150 ─▶ locale proxy ─▶ service :3978 /api/messages
//                   ▲                                      │
//                   └──── replies to activity.serviceUrl ◀─┘  (http://127.0.0.1:56150/_connector)
//
// The playground sends every activity as locale en-US; the proxy makes it the locale of a
// Swedish Teams client (see playground-harness.cjs). The playground's own log is
// ./devTools/m365agentsplayground.log; it is printed if the playground fails.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import harness from './playground-harness.cjs';

const {
  PROJECT_ROOT,
  PLAYGROUND_VIEWS,
  playgroundConfigPath,
  spawnNode,
  startLocaleProxy,
  startPlayground,
  stopChild,
} = harness;

const USAGE = `Usage: npm run playground [-- options]

  --as <view>              employee (you are Anna Andersson; the default) or
                           manager (you are Karin Lindqvist)
  --port <port>            the service's port (default: $PORT or 3978)
  --playground-port <port> the playground's port (default 56150)
  --locale <locale>        the language the client speaks (default sv-SE; try en-US)
  --help                   this text
`;

function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        as: { type: 'string', default: 'employee' },
        port: { type: 'string', default: process.env.PORT || '3978' },
        'playground-port': { type: 'string', default: '56150' },
        locale: { type: 'string', default: 'sv-SE' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(error.message);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  if (!Object.hasOwn(PLAYGROUND_VIEWS, values.as)) {
    throw new UsageError(`--as must be employee or manager, not "${values.as}"`);
  }
  const port = Number(values.port);
  const playgroundPort = Number(values['playground-port']);
  for (const [name, value] of [
    ['--port', port],
    ['--playground-port', playgroundPort],
  ]) {
    if (!Number.isInteger(value) || value < 1 || value > 65535) {
      throw new UsageError(`${name} must be a port number`);
    }
  }
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(values.locale)) {
    throw new UsageError(`--locale must look like sv-SE or en-US, not "${values.locale}"`);
  }
  return { view: values.as, port, playgroundPort, locale: values.locale };
}

class UsageError extends Error {}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when the service says it is ready; rejects if it exits or takes too long. */
async function waitForService(url, service, timeoutMs = 60000) {
  const exited = service.exited.then((exit) => ({ exit }));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
      (response) => response.ok,
      () => false,
    );
    const answer = await Promise.race([ready, exited]);
    if (answer && answer.exit) {
      const { code, signal } = answer.exit;
      throw new Error(
        `The service stopped while starting (${signal ?? `exit code ${code}`}); its output is above.`,
      );
    }
    if (answer === true) return;
    await delay(200);
  }
  throw new Error(`The service did not become ready at ${url}/readyz within ${timeoutMs} ms.`);
}

async function main() {
  const options = readOptions();
  const mainJs = path.join(PROJECT_ROOT, 'dist', 'bot', 'main.js');
  if (!existsSync(mainJs)) {
    throw new UsageError(`${mainJs} is missing: run "npm run build" (npm run playground does).`);
  }

  let service;
  let proxy;
  let playground;
  let stopping;
  const stopAll = () =>
    (stopping ??= Promise.allSettled([
      playground?.stop(),
      service ? stopChild(service.child, service.exited) : undefined,
      proxy?.close(),
    ]));

  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      process.stdout.write(`\n${signal}: stopping the playground and the service…\n`);
      stopAll().then(() => process.exit(0));
    });
  }

  try {
    const serviceUrl = `http://127.0.0.1:${options.port}`;
    service = spawnNode([mainJs], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PORT: String(options.port), HOST: '127.0.0.1' },
      onOutput: (chunk) => process.stdout.write(chunk),
    });
    await waitForService(serviceUrl, service);

    proxy = await startLocaleProxy({ target: serviceUrl, locale: options.locale });
    playground = await startPlayground({
      port: options.playgroundPort,
      botEndpoint: proxy.botEndpoint,
      configPath: playgroundConfigPath(options.view),
      workDir: PROJECT_ROOT,
    });
  } catch (error) {
    await stopAll();
    throw error;
  }

  // From here on, either child ending on its own ends the session.
  service.exited.then((exit) => {
    if (stopping) return;
    process.stderr.write(`\nThe service stopped (${exit.signal ?? `exit code ${exit.code}`}).\n`);
    stopAll().then(() => process.exit(1));
  });
  playground.exited.then((exit) => {
    if (stopping) return;
    process.stderr.write(
      `\nThe Agents Playground stopped (${exit.signal ?? `exit code ${exit.code}`}).\n${playground.diagnostics()}\n`,
    );
    stopAll().then(() => process.exit(1));
  });

  const who = PLAYGROUND_VIEWS[options.view];
  const other = options.view === 'employee' ? 'manager' : 'employee';
  process.stdout.write(
    [
      '',
      `  Agents Playground ready: open ${playground.url}`,
      `    you are      ${playground.config.currentUser.name} (${who.role}), ${path.relative(PROJECT_ROOT, playgroundConfigPath(options.view))}`,
      `    bot          http://127.0.0.1:${options.port}/api/messages (client locale ${proxy.locale})`,
      `    its log      ${path.relative(PROJECT_ROOT, playground.logPath)}`,
      '',
      '  The welcome comes once per person: a fresh DATA_DIR (./data by default) shows it again.',
      '  In the group chat and the channels, @mention Kompetensdialog (type @, pick it from the menu).',
      `  As the ${other}: npm run playground -- --as ${other}`,
      '  Ctrl-C stops both.',
      '',
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  process.stderr.write(
    error instanceof UsageError
      ? `${error.message}\n\n${USAGE}`
      : `\nnpm run playground failed: ${error.message}\n`,
  );
  process.exit(1);
});
