import { existsSync } from 'node:fs';
import { Client } from 'pg';
import { CHROMIUM_PATH, TEST_DATABASE_URL } from './machine';

/**
 * Finds out once whether PostgreSQL and Chromium are here. Under CI both must be:
 * their cases are the ones that prove the scale-out path and the real client.
 * Elsewhere a missing one is announced loudly, never passed over in silence.
 */
export default async function globalSetup(): Promise<void> {
  const missing: string[] = [];

  const client = new Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    process.env.KD_POSTGRES_AVAILABLE = 'true';
  } catch (error) {
    process.env.KD_POSTGRES_AVAILABLE = 'false';
    missing.push(`PostgreSQL at ${TEST_DATABASE_URL} (${(error as Error).message})`);
  } finally {
    await client.end().catch(() => undefined);
  }

  if (existsSync(CHROMIUM_PATH)) {
    process.env.KD_CHROMIUM_AVAILABLE = 'true';
  } else {
    process.env.KD_CHROMIUM_AVAILABLE = 'false';
    missing.push(`Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  }

  if (missing.length === 0) return;
  const lines = missing.map((m) => `  - ${m}`).join('\n');
  if (process.env.CI === 'true') {
    throw new Error(`CI needs these and they are missing:\n${lines}`);
  }
  const bar = '!'.repeat(78);
  console.warn(
    `\n${bar}\n  THESE TEST CASES WILL NOT RUN – the following are missing:\n${lines}\n` +
      `  Their tests are reported as skipped. Under CI=true this is a failure.\n${bar}\n`,
  );
}
