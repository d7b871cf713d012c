import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ServiceOptions } from '../../bot/service';
import { openDatabase } from '../../bot/storage/openDatabase';
import type { SqlDatabase } from '../../bot/storage/sqlDatabase';
import { FakeBotConnector } from '../fakes/botConnector';
import { startTestService, type TestService } from './inProcessService';

export interface ServiceWithConnector {
  /** The real service in this process; set once beforeAll has run. */
  service: TestService;
  /** The local Bot Connector stand-in the service replies to. */
  connector: FakeBotConnector;
}

/**
 * Starts the service and a Bot Connector stand-in before the file's tests and stops both
 * after them: the frame every bot protocol test runs in. `seed` stores data in a database
 * of the file's own before the service starts on it (the embedded database has one owner).
 */
export function useServiceWithConnector(
  env: Record<string, string> = {},
  options: ServiceOptions = {},
  seed?: (db: SqlDatabase) => Promise<void>,
): ServiceWithConnector {
  const running = {} as ServiceWithConnector;
  let seededDir: string | undefined;
  beforeAll(async () => {
    running.connector = await new FakeBotConnector().start();
    if (seed) {
      seededDir = await mkdtemp(path.join(tmpdir(), 'kd-seeded-'));
      const db = await openDatabase({ kind: 'embedded', dataDir: seededDir });
      try {
        await seed(db);
      } finally {
        await db.close();
      }
    }
    running.service = await startTestService(
      seededDir ? { ...env, DATA_DIR: seededDir } : env,
      options,
    );
  });
  afterAll(async () => {
    await running.service?.stop();
    await running.connector?.stop();
    if (seededDir) await rm(seededDir, { recursive: true, force: true });
  });
  return running;
}
