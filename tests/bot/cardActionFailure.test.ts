import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import pino from 'pino';
import sv from '../../core/i18n/locales/sv.json';
import type { PlanStore } from '../../core/ports/planStore';
import type { ReminderQueue } from '../../core/ports/reminderQueue';
import type { ReminderSettingsStore } from '../../core/ports/reminderSettingsStore';
import type { PreparationDraftStore } from '../../core/ports/preparationDraftStore';
import { DemoDirectory } from '../../bot/directory/demoDirectory';
import { KompetensdialogBot } from '../../bot/teams/KompetensdialogBot';
import { RecordingMessenger } from '../fakes/recordingMessenger';
import { ANNA, cardExecute } from '../support/teamsActivities';

const failingDrafts: PreparationDraftStore = {
  findInProgress: () => Promise.reject(new Error('database unreachable')),
  get: () => Promise.reject(new Error('database unreachable')),
  create: () => Promise.reject(new Error('database unreachable')),
  update: () => Promise.reject(new Error('database unreachable')),
};

describe('a card action that fails inside the service', () => {
  it('when the database is unreachable during a click, then Teams gets a Universal Actions error with a clear Swedish message, not an HTTP 500', async () => {
    const bot = new KompetensdialogBot({
      welcomes: { markWelcomed: async () => false, forgetWelcome: async () => undefined },
      directory: new DemoDirectory(),
      logger: pino({ level: 'silent' }),
      myPlanUrl: 'https://teams.microsoft.com/l/entity/x/min-utvecklingsplan',
      drafts: failingDrafts,
      plans: {} as PlanStore,
      reminders: {} as ReminderQueue,
      reminderSettings: {} as ReminderSettingsStore,
      messenger: new RecordingMessenger(),
      defaultProfileId: 'vgr',
    });
    const adapter = new TestAdapter((context) => bot.run(context));
    const click = cardExecute(
      { serviceUrl: 'https://test.example/', userId: ANNA.id },
      'preparation.back',
      {
        draftId: 'draft-1',
        revision: 1,
      },
    );

    await adapter.processActivity({
      ...click,
      timestamp: new Date(click.timestamp),
    } as Partial<Activity>);

    const response = adapter.activeQueue.find(
      (activity) => activity.type === ActivityTypes.InvokeResponse,
    );
    expect(response?.value).toEqual({
      status: 200,
      body: {
        statusCode: 500,
        type: 'application/vnd.microsoft.error',
        value: { code: 'InternalError', message: sv.errors.generic },
      },
    });
  });
});
