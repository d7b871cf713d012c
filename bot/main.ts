import { ConfigError, loadConfig, type Config } from './config';
import { SHUTDOWN_DEADLINE_MS } from './http/gracefulShutdown';
import { createLogger } from './logger';
import { startService } from './service';

/** `npm start`: read the configuration, start the service, stop cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`\nKompetensdialog cannot start.\n${error.message}\n\n`);
      process.exit(1);
    }
    throw error;
  }

  const logger = createLogger(config.logLevel);
  const service = await startService(config, { logger });
  process.stdout.write(banner(config, service.url));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // close() is bounded by the deadline; this is the net under a database that will not close.
    setTimeout(() => {
      logger.error('shutdown did not finish in time; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS + 3_000).unref();
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

function banner(config: Config, url: string): string {
  const storage =
    config.storage.kind === 'embedded'
      ? `embedded database in ${config.storage.dataDir}`
      : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `  Kompetensdialog is running at ${url}`,
    `    bot endpoint   ${url}/api/messages`,
    `    tab            ${url}/tab/`,
    `    health         ${url}/healthz`,
    `    storage        ${storage}`,
  ];
  if (!config.bot) {
    lines.push(
      '',
      '  EMULATOR MODE: no app id, no tenant, no token checks (local development only).',
      '  Chat with the bot in the Agents Playground: npm run playground',
    );
  }
  if (config.demoOrganisation) {
    lines.push('  Demo organisation loaded: Karin Lindqvist (chef) and five employees.');
  }
  return `${lines.join('\n')}\n\n`;
}

main().catch((error: unknown) => {
  process.stderr.write(`Kompetensdialog stopped: ${(error as Error).message}\n`);
  process.exit(1);
});
