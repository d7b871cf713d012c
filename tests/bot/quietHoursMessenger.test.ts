import { EmptyDirectory } from '../../bot/directory/demoDirectory';
import { createLogger } from '../../bot/logger';
import { QuietHoursMessenger } from '../../bot/reminders/quietHoursMessenger';
import { SqlReminderQueue } from '../../bot/storage/sqlReminderQueue';
import { SqlReminderSettingsStore } from '../../bot/storage/sqlReminderSettingsStore';
import type { CardMessage, DeliveryResult, Messenger } from '../../core/ports/messenger';
import { RecordingMessenger } from '../fakes/recordingMessenger';
import { freshEmbeddedDatabase, type FreshDatabase } from '../support/freshDatabase';

const notice: CardMessage = {
  card: { type: 'AdaptiveCard', version: '1.5', body: [] },
  fallbackText: 'Karin har bokat ert medarbetarsamtal',
};

let fresh: FreshDatabase;
let queue: SqlReminderQueue;
let settings: SqlReminderSettingsStore;

beforeAll(async () => {
  fresh = await freshEmbeddedDatabase();
  queue = new SqlReminderQueue(fresh.db);
  settings = new SqlReminderSettingsStore(fresh.db);
});
afterAll(() => fresh.dispose());
beforeEach(() => fresh.db.exec('truncate reminder_jobs, reminder_settings'));

function quiet(inner: Messenger, now: string, onQueued?: () => void) {
  return new QuietHoursMessenger(inner, {
    queue,
    settings,
    directory: new EmptyDirectory(),
    defaultProfileId: 'vgr',
    now: () => new Date(now),
    logger: createLogger('silent'),
    ...(onQueued ? { onQueued } : {}),
  });
}

describe('notices keep the recipient’s quiet hours', () => {
  it('when Karin books at 10:00 on a Wednesday, then Anna is told at once', async () => {
    const inner = new RecordingMessenger();
    expect(await quiet(inner, '2026-11-25T10:00:00+01:00').sendToPerson('anna', notice)).toEqual({
      status: 'delivered',
    });
    expect(inner.delivered('anna')).toEqual([notice]);
  });

  it.each([
    ['at 21:30 on a Wednesday', '2026-11-25T21:30:00+01:00', '2026-11-26T08:00:00+01:00'],
    ['on a Saturday', '2026-11-28T11:00:00+01:00', '2026-11-30T08:00:00+01:00'],
    ['on julafton', '2026-12-24T10:00:00+01:00', '2026-12-28T08:00:00+01:00'],
  ])(
    'when Karin books %s, then nothing goes to Anna now: the notice waits in the queue for her next working hour, and Karin is told when',
    async (_when, now, expected) => {
      const inner = new RecordingMessenger();
      const result = await quiet(inner, now).sendToPerson('anna', notice);

      expect(result).toEqual({ status: 'queued', deliverAt: new Date(expected).toISOString() });
      expect(inner.attempts).toEqual([]);
      const [waiting] = await queue.list({ status: 'pending', personId: 'anna' });
      expect(waiting?.dueAt.toISOString()).toBe(new Date(expected).toISOString());
      expect(waiting?.payload).toEqual({ kind: 'notice', ...notice });
    },
  );

  it('when Anna has paused her reminders, then a notice waits until the pause is over', async () => {
    await settings.save({
      personId: 'anna',
      reflectionRhythm: 'off',
      pause: { from: '2026-11-23', to: '2026-12-04' },
      updatedAt: '2026-11-20T10:00:00+01:00',
    });
    const result = await quiet(new RecordingMessenger(), '2026-11-25T10:00:00+01:00').sendToPerson(
      'anna',
      notice,
    );
    expect(result).toEqual({
      status: 'queued',
      deliverAt: new Date('2026-12-07T08:00:00+01:00').toISOString(),
    });
  });

  it('when Teams fails for a moment during working hours, then the notice is queued for the worker to retry at once, not lost', async () => {
    const failing: Messenger = {
      sendToPerson: (): Promise<DeliveryResult> => Promise.reject(new Error('503 from Teams')),
    };
    let woken = 0;
    const result = await quiet(failing, '2026-11-25T10:00:00+01:00', () => woken++).sendToPerson(
      'anna',
      notice,
    );
    expect(result).toEqual({
      status: 'queued',
      deliverAt: new Date('2026-11-25T10:00:00+01:00').toISOString(),
    });
    expect(woken).toBe(1);
    expect(await queue.list({ status: 'pending', personId: 'anna' })).toHaveLength(1);
  });
});
