import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataFolderInUseError, openEmbeddedDatabase } from '../../bot/storage/embeddedDatabase';
import { openDatabase } from '../../bot/storage/openDatabase';
import { SqlBotStateStorage } from '../../bot/storage/sqlBotStateStorage';
import { SqlWelcomeRegistry } from '../../bot/storage/sqlWelcomeRegistry';
import { freshEmbeddedDatabase } from '../support/freshDatabase';
import { describeStoreContract } from './storeContract';

const freshDataDir = () => mkdtemp(path.join(tmpdir(), 'kd-store-'));

// Not migrated: the contract's first cases are the migrations.
describeStoreContract('the embedded database (PGlite)', () =>
  freshEmbeddedDatabase({ migrated: false }),
);

describe('the embedded database across a restart', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = path.join(await freshDataDir(), 'not-yet-created');
  });
  afterAll(async () => {
    await rm(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('when the service stops and starts again on the same folder, then conversation state and welcomes are still there', async () => {
    const storage = { kind: 'embedded', dataDir } as const;
    const before = await openDatabase(storage);
    await new SqlBotStateStorage(before).write({ 'msteams/conversations/a:1/': { step: 3 } });
    await new SqlWelcomeRegistry(before).markWelcomed('personal:user-1');
    await before.close();

    const after = await openDatabase(storage);
    try {
      const state = await new SqlBotStateStorage(after).read(['msteams/conversations/a:1/']);
      expect(state['msteams/conversations/a:1/']).toMatchObject({ step: 3 });
      expect(await new SqlWelcomeRegistry(after).markWelcomed('personal:user-1')).toBe(false);
    } finally {
      await after.close();
    }
  });
});

describe('the embedded data folder is one process’s at a time', () => {
  it('when a second process opens a folder that is open, then it is refused with a clear reason, and can open it once the first has closed', async () => {
    const dataDir = await freshDataDir();
    try {
      const first = await openEmbeddedDatabase(dataDir);
      await expect(openEmbeddedDatabase(dataDir)).rejects.toBeInstanceOf(DataFolderInUseError);
      await expect(openEmbeddedDatabase(dataDir)).rejects.toThrow(/DATA_DIR/);
      await first.close();

      const second = await openEmbeddedDatabase(dataDir);
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
