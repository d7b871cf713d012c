import { openEmbeddedDatabase } from '../../../bot/storage/embeddedDatabase';

/**
 * Run as a child process: writes numbered rows to the embedded database in argv[2], one
 * statement each, says so, and dies by SIGKILL before anything could be flushed or closed.
 */
async function main(): Promise<void> {
  const dataDir = process.argv[2];
  const rows = Number(process.argv[3]);
  if (!dataDir || !Number.isInteger(rows)) throw new Error('usage: writeThenDie <dataDir> <rows>');
  const db = await openEmbeddedDatabase(dataDir);
  await db.exec('create table written (n int primary key)');
  for (let n = 1; n <= rows; n++) await db.query('insert into written values ($1)', [n]);
  process.stdout.write(`written ${rows}\n`, () => process.kill(process.pid, 'SIGKILL'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
