import { SqlPlanStore } from '../../bot/storage/sqlPlanStore';
import type { PersonalData } from '../../core/privacy/personalData';
import type { Person } from '../../core/ports/directory';
import { FakeDirectory } from '../fakes/fakeDirectory';
import { RecordingMessenger } from '../fakes/recordingMessenger';
import { PersonalChat, cardTexts, headingOf } from '../support/personalChat';
import { useServiceWithConnector } from '../support/serviceWithConnector';
import { fill, TEXTS, type Lang } from './planSupport';

/*
 * "Radera mina data" in the chat: the command asks first, with what stays and for how long;
 * "Nej, behåll" changes nothing; only the confirm button erases, and only the clicker's data.
 */

const NOW = new Date('2026-11-20T09:00:00Z');
const LOCALES: Record<Lang, string> = { sv: 'sv-SE', en: 'en-US' };

const person = (id: string, displayName: string): Person => ({
  id,
  displayName,
  profileId: 'vgr',
  managerId: 'manager-maria',
});
const ANNA = person('0b7c4f1e-0000-4000-8000-00000000a001', 'Anna Medarbetare');
const BO = person('0b7c4f1e-0000-4000-8000-00000000b002', 'Bo Medarbetare');
const reflection = (personId: string, id: string) => ({
  id,
  personId,
  principle: 'activating' as const,
  promptId: 'what-did-you-try',
  text: 'Jag provade att handleda en ny kollega.',
  visibility: 'private' as const,
  createdAt: '2026-11-01T10:00:00+01:00',
  context: 'everyday' as const,
});

const running = useServiceWithConnector(
  { REMINDERS: 'off' },
  { messenger: new RecordingMessenger(), directory: new FakeDirectory([ANNA, BO]), now: () => NOW },
  async (db) => {
    const plans = new SqlPlanStore(db);
    await plans.addReflection(reflection(ANNA.id, 'reflection-anna-1'));
    await plans.addReflection(reflection(BO.id, 'reflection-bo-1'));
  },
);

const chatOf = (who: Person, lang: Lang = 'sv', scope: 'personal' | 'channel' = 'personal') =>
  new PersonalChat(() => running.service, running.connector, {
    userId: who.id,
    locale: LOCALES[lang],
    ...(scope === 'channel' ? { scope, conversationId: '19:general-akuten@thread.tacv2' } : {}),
  });

const e = (lang: Lang) => TEXTS[lang].privacy.erasure;

async function exportOf(who: Person): Promise<PersonalData> {
  const response = await fetch(`${running.service.url}/api/v1/me/data`, {
    headers: { 'X-Demo-User': who.id },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as PersonalData;
}

describe('"radera mina data"', () => {
  it.each([
    ['sv', 'radera mina data'],
    ['en', 'delete my data'],
  ] as const)(
    'when Anna (%s) asks to erase her data, then she is asked first, told the agreed plan stays as the unit’s record and for how long plans are kept, with a way to cancel',
    async (lang, phrase) => {
      const card = await chatOf(ANNA, lang).say(phrase);

      expect(headingOf(card)).toBe(e(lang).title);
      const texts = cardTexts(card).join('\n');
      expect(texts).toContain(fill(e(lang).retention, { years: '5' }));
      expect(texts).toContain(e(lang).keepAgreed.replace('{{note}}', '').trim());
      expect(chatOf(ANNA, lang).button(card, e(lang).confirm)).toMatchObject({
        verb: 'privacy.confirmErasure',
      });
      expect(chatOf(ANNA, lang).button(card, e(lang).cancel)).toBeDefined();
    },
  );

  it('when Anna says no, then nothing is erased', async () => {
    const chat = chatOf(ANNA);
    const card = await chat.say('radera mina data');

    const answer = await chat.click(card, e('sv').cancel);

    expect(headingOf(answer)).toBe(e('sv').cancelledTitle);
    expect((await exportOf(ANNA)).reflections).toHaveLength(1);
  });

  it('when it is asked in a channel, then nothing is erased and she is sent to the personal chat', async () => {
    const card = await chatOf(ANNA, 'sv', 'channel').say('radera mina data');

    expect(headingOf(card)).not.toBe(e('sv').title);
    expect((await exportOf(ANNA)).reflections).toHaveLength(1);
  });

  it('when Anna confirms, then her data is erased and she is told what went and that the access log stays; Bo’s data is untouched', async () => {
    const chat = chatOf(ANNA);
    const card = await chat.say('radera mina data');

    const answer = await chat.click(card, e('sv').confirm);

    expect(headingOf(answer)).toBe(e('sv').doneTitle);
    expect(cardTexts(answer)).toContain(e('sv').doneAudit);
    const after = await exportOf(ANNA);
    expect(after.reflections).toEqual([]);
    expect(after.accessLog.map((entry) => entry.action)).toContain('personal-data.erased');
    expect((await exportOf(BO)).reflections).toHaveLength(1);
  });
});
