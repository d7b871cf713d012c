import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../bot/storage/openDatabase';
import { SqlReminderQueue } from '../../bot/storage/sqlReminderQueue';
import { SqlReminderSettingsStore } from '../../bot/storage/sqlReminderSettingsStore';
import type { Person } from '../../core/ports/directory';
import { reminderKeyPrefix } from '../../core/reminders/reminderJob';
import { dateAt } from '../../core/time/zonedTime';
import { FakeBotConnector } from '../fakes/botConnector';
import { FakeDirectory } from '../fakes/fakeDirectory';
import { RecordingMessenger } from '../fakes/recordingMessenger';
import { startTestService } from '../support/inProcessService';
import { installationAdded } from '../support/teamsActivities';
import { PersonalChat, cardTexts, headingOf, invokeCard } from '../support/personalChat';
import { useServiceWithConnector } from '../support/serviceWithConnector';
import { asTyped, fill, inputValue, TEXTS, type Lang } from './planSupport';

/** Friday 20 November 2026, 10:00 in Stockholm. */
const NOW = new Date('2026-11-20T09:00:00Z');
const LOCALES: Record<Lang, string> = { sv: 'sv-SE', en: 'en-US' };
// The worker is off: the tests read the queue as the settings left it.
const ENV = { REMINDERS: 'off' };

const directory = new FakeDirectory();
const running = useServiceWithConnector(ENV, {
  messenger: new RecordingMessenger(),
  directory,
  now: () => NOW,
});

/** A new employee of VGR, ids fresh each time so the tests never meet. */
function newPerson(): Person {
  const person: Person = {
    id: randomUUID(),
    displayName: 'Anna Medarbetare',
    profileId: 'vgr',
    managerId: 'manager-maria',
  };
  directory.add(person);
  return person;
}

function chatOf(person: Person, lang: Lang = 'sv', scope: 'personal' | 'channel' = 'personal') {
  return new PersonalChat(() => running.service, running.connector, {
    userId: person.id,
    locale: LOCALES[lang],
    ...(scope === 'channel' ? { scope, conversationId: '19:general-akuten@thread.tacv2' } : {}),
  });
}

const r = (lang: Lang) => TEXTS[lang].reminders;
const nextText = (lang: Lang, date: string) => fill(r(lang).saved.next, { date });

/** Opens "påminnelser", changes what is given, and presses Spara with every input as shown. */
async function saveSettings(
  chat: PersonalChat,
  changes: Record<string, string>,
  lang: Lang = 'sv',
) {
  const card = await chat.say(lang === 'sv' ? 'påminnelser' : 'reminders');
  return chat.click(card, r(lang).actions.save, asTyped(card, changes));
}

describe('"påminnelser"', () => {
  it.each(['sv', 'en'] as const)(
    'when Anna (%s) asks for her reminders the first time, then she sees the defaults: every other week, no pause, the language of Teams',
    async (lang) => {
      const card = await chatOf(newPerson(), lang).say(lang === 'sv' ? 'påminnelser' : 'reminders');
      expect(headingOf(card)).toBe(r(lang).settings.title);
      expect(inputValue(card, 'rhythm')).toBe('every-other-week');
      expect(inputValue(card, 'pause-from')).toBeUndefined();
      expect(inputValue(card, 'pause-to')).toBeUndefined();
      expect(inputValue(card, 'language')).toBe('teams');
      expect(cardTexts(card)).toEqual(
        expect.arrayContaining([
          r(lang).settings.rhythm.off,
          r(lang).settings.rhythm.weekly,
          r(lang).settings.rhythm['every-other-week'],
          r(lang).settings.rhythm.monthly,
          r(lang).settings.language.teams,
          'Svenska',
          'English',
          r(lang).actions.save,
          r(lang).actions.cancel,
          TEXTS[lang].actions.showHelp,
        ]),
      );
    },
  );

  it.each([
    ['every week', 'sv', 'weekly', 'fredag 27 november'],
    ['every other week', 'sv', 'every-other-week', 'fredag 4 december'],
    // 20 December is a Sunday: the prompt comes on the Monday.
    ['once a month', 'sv', 'monthly', 'måndag 21 december'],
    ['every week', 'en', 'weekly', 'Friday 27 November'],
  ] as const)(
    'when Anna chooses %s (%s) and saves, then she is told in words when the next question comes, and the settings card says so too',
    async (_rhythm, lang, rhythm, date) => {
      const chat = chatOf(newPerson(), lang);
      const saved = await saveSettings(chat, { rhythm }, lang);
      expect(headingOf(saved)).toBe(r(lang).saved.title);
      expect(cardTexts(saved).join('\n')).toContain(nextText(lang, date));
      const again = await chat.click(saved, r(lang).actions.change);
      expect(inputValue(again, 'rhythm')).toBe(rhythm);
      expect(cardTexts(again)).toContain(nextText(lang, date));
    },
  );

  it('when Anna turns the questions off, then she is told they are off and no question is waiting', async () => {
    const chat = chatOf(newPerson());
    await saveSettings(chat, { rhythm: 'weekly' });
    const saved = await saveSettings(chat, { rhythm: 'off' });
    expect(cardTexts(saved)).toContain(r('sv').saved.off);
    const again = await chat.say('påminnelser');
    expect(inputValue(again, 'rhythm')).toBe('off');
    const nextPrefix = r('sv').saved.next.split('{{')[0] ?? '';
    expect(cardTexts(again).some((text) => text.startsWith(nextPrefix))).toBe(false);
  });

  it('when Anna pauses 1–14 December, then she is told so in words, and the next question comes after the pause', async () => {
    const chat = chatOf(newPerson());
    const saved = await saveSettings(chat, {
      'pause-from': '2026-12-01',
      'pause-to': '2026-12-14',
    });
    const texts = cardTexts(saved).join('\n');
    expect(texts).toContain(fill(r('sv').saved.paused, { period: '1–14 december' }));
    // Every other week from 20 November is 4 December, inside the pause.
    expect(texts).toContain(nextText('sv', 'tisdag 15 december'));
    const again = await chat.say('påminnelser');
    expect(inputValue(again, 'pause-from')).toBe('2026-12-01');
    expect(inputValue(again, 'pause-to')).toBe('2026-12-14');
  });

  it.each([
    ['the end is before the start', '2026-12-14', '2026-12-01', 'pause-to', 'pauseOrder'],
    ['only the start is given', '2026-12-01', '', 'pause-to', 'pauseIncomplete'],
    ['only the end is given', '', '2026-12-14', 'pause-from', 'pauseIncomplete'],
    ['the pause is over already', '2026-11-01', '2026-11-10', 'pause-to', 'pauseOver'],
    ['the start is not a date', 'nästa vecka', '2026-12-14', 'pause-from', 'invalidDate'],
  ] as const)(
    'when %s, then the pause is refused next to that date, what was typed is kept, and nothing is saved',
    async (_case, from, to, input, problem) => {
      const chat = chatOf(newPerson());
      const refused = await saveSettings(chat, {
        rhythm: 'weekly',
        'pause-from': from,
        'pause-to': to,
      });
      expect(headingOf(refused)).toBe(r('sv').settings.title);
      const texts = cardTexts(refused);
      expect(texts).toContain(r('sv').settings.fixBelow);
      const error = r('sv').settings.errors[problem];
      expect(texts).toContain(error);
      // Said right below the input it is about.
      const body = JSON.stringify(refused);
      expect(body.indexOf(error)).toBeGreaterThan(body.indexOf(`"id":"${input}"`));
      expect(inputValue(refused, 'rhythm')).toBe('weekly');
      expect(inputValue(refused, 'pause-from')).toBe(from || undefined);
      expect(inputValue(refused, 'pause-to')).toBe(to || undefined);
      const stored = await chat.say('påminnelser');
      expect(inputValue(stored, 'rhythm')).toBe('every-other-week');
    },
  );

  it('when Anna chooses English for her reminders, then she is told so; "som Teams" again stores no language', async () => {
    const chat = chatOf(newPerson());
    const english = await saveSettings(chat, { language: 'en' });
    expect(cardTexts(english)).toContain(r('sv').saved.language.en);
    expect(inputValue(await chat.say('påminnelser'), 'language')).toBe('en');
    const teams = await saveSettings(chat, { language: 'teams' });
    expect(cardTexts(teams)).toContain(r('sv').saved.language.teams);
    expect(inputValue(await chat.say('påminnelser'), 'language')).toBe('teams');
  });

  it('when Anna cancels, then nothing changes and she can get back in one click', async () => {
    const chat = chatOf(newPerson());
    const card = await chat.say('påminnelser');
    const cancelled = await chat.click(card, r('sv').actions.cancel, { rhythm: 'weekly' });
    expect(headingOf(cancelled)).toBe(r('sv').cancelled.title);
    const back = await chat.click(cancelled, r('sv').actions.change);
    expect(inputValue(back, 'rhythm')).toBe('every-other-week');
  });

  it('when a forged click sends a rhythm or a language no card offers, then what was stored stays', async () => {
    const chat = chatOf(newPerson());
    await saveSettings(chat, { rhythm: 'monthly', language: 'sv' });
    const saved = await saveSettings(chat, { rhythm: 'hourly', language: 'de' });
    expect(cardTexts(saved).join('\n')).toContain(
      fill(r('sv').saved.rhythm, { rhythm: r('sv').saved.rhythmWords.monthly }),
    );
    expect(cardTexts(saved)).toContain(r('sv').saved.language.sv);
  });

  it('when Anna asks in a channel, or a settings button is pressed there, then she is sent to the personal chat and nothing is stored', async () => {
    const anna = newPerson();
    const channel = chatOf(anna, 'sv', 'channel');
    const asked = await channel.say('påminnelser');
    expect(headingOf(asked)).toBe(TEXTS.sv.preparation.personalOnly.title);
    const clicked = await invokeCard(
      running.service,
      channel.options,
      { verb: 'reminders.saveSettings', data: { verb: 'reminders.saveSettings' } },
      { rhythm: 'off' },
    );
    expect(headingOf(clicked)).toBe(TEXTS.sv.preparation.personalOnly.title);
    expect(inputValue(await chatOf(anna).say('påminnelser'), 'rhythm')).toBe('every-other-week');
  });

  it('the help card offers "påminnelser" as a command that works now', async () => {
    const help = await chatOf(newPerson()).say('hjälp');
    expect(cardTexts(help)).toContain(
      `**${TEXTS.sv.commands.reminders.title}** · ${TEXTS.sv.help.available}`,
    );
  });
});

describe('what the settings leave in the queue', () => {
  it('when Anna opens her chat with the bot for the first time, then her first everyday question is planned, every other week from now, and a second welcome plans no second one', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'kd-reminder-first-'));
    const connector = await new FakeBotConnector().start();
    const anna = newPerson();
    try {
      const service = await startTestService(
        { ...ENV, DATA_DIR: dataDir },
        { directory, now: () => NOW },
      );
      try {
        for (let install = 0; install < 2; install++) {
          await service.postActivity(
            installationAdded({ serviceUrl: connector.url, userId: anna.id }),
          );
        }
      } finally {
        await service.stop();
      }
      const db = await openDatabase({ kind: 'embedded', dataDir });
      try {
        const pending = await new SqlReminderQueue(db).list({
          status: 'pending',
          personId: anna.id,
        });
        expect(pending).toEqual([
          expect.objectContaining({ payload: { kind: 'reflection-prompt', sequence: 0 } }),
        ]);
        // Friday 20 November plus two weeks: Friday 4 December.
        expect(dateAt(pending[0]?.dueAt ?? NOW, 'Europe/Stockholm')).toBe('2026-12-04');
      } finally {
        await db.close();
      }
    } finally {
      await connector.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('when Anna, who has had three questions, chooses every week with a pause, then her settings are stored and exactly one question waits: the fourth, after the pause', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'kd-reminder-settings-'));
    const connector = await new FakeBotConnector().start();
    const anna = newPerson();
    const prefix = reminderKeyPrefix.reflections(anna.id);
    try {
      // Three prompts sent before, as the worker leaves them.
      const seed = await openDatabase({ kind: 'embedded', dataDir });
      try {
        const queue = new SqlReminderQueue(seed);
        for (const sequence of [0, 1, 2]) {
          const dueAt = new Date(Date.UTC(2026, 9, 1 + 14 * sequence, 8));
          await queue.replace(prefix, [
            {
              key: `${prefix}${sequence}`,
              personId: anna.id,
              dueAt,
              payload: { kind: 'reflection-prompt', sequence },
            },
          ]);
          const [claimed] = await queue.claimDue(dueAt, 1, { leaseMs: 60_000, workerId: 'seed' });
          if (!claimed) throw new Error('the seeded prompt was not claimed');
          await queue.markSent(claimed, dueAt);
        }
      } finally {
        await seed.close();
      }

      const service = await startTestService(
        { ...ENV, DATA_DIR: dataDir },
        { directory, now: () => NOW },
      );
      try {
        const chat = new PersonalChat(() => service, connector, { userId: anna.id });
        const saved = await saveSettings(chat, {
          rhythm: 'weekly',
          'pause-from': '2026-11-23',
          'pause-to': '2026-11-29',
        });
        expect(cardTexts(saved).join('\n')).toContain(nextText('sv', 'måndag 30 november'));
      } finally {
        await service.stop();
      }

      const db = await openDatabase({ kind: 'embedded', dataDir });
      try {
        const pending = await new SqlReminderQueue(db).list({
          status: 'pending',
          personId: anna.id,
        });
        expect(pending).toHaveLength(1);
        expect(pending[0]).toMatchObject({
          key: `${prefix}3`,
          payload: { kind: 'reflection-prompt', sequence: 3 },
        });
        expect(dateAt(pending[0]?.dueAt ?? NOW, 'Europe/Stockholm')).toBe('2026-11-30');
        expect(await new SqlReminderSettingsStore(db).get(anna.id)).toEqual({
          personId: anna.id,
          reflectionRhythm: 'weekly',
          pause: { from: '2026-11-23', to: '2026-11-29' },
          updatedAt: NOW.toISOString(),
        });
      } finally {
        await db.close();
      }
    } finally {
      await connector.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
