import { SqlPlanStore } from '../../bot/storage/sqlPlanStore';
import type { Person } from '../../core/ports/directory';
import { FakeDirectory } from '../fakes/fakeDirectory';
import { useServiceWithConnector } from '../support/serviceWithConnector';
import { PersonalChat, cardTexts, headingOf, invokeCard } from '../support/personalChat';
import { activity, agreedPlan } from '../core/planBuilders';
import { fill, TEXTS } from './planSupport';
import { memberBlock } from './teamSupport';

/** Friday 20 November 2026, 10:00 in Stockholm. */
const NOW = new Date('2026-11-20T09:00:00Z');
const r = TEXTS.sv.reminders;

const KARIN: Person = { id: 'manager-karin', displayName: 'Karin Chef', profileId: 'vgr' };
const ANNA: Person = {
  id: 'employee-anna',
  displayName: 'Anna Medarbetare',
  profileId: 'vgr',
  managerId: KARIN.id,
};
const directory = new FakeDirectory([KARIN, ANNA]);

/** Anna's agreed plan: three activities whose due dates passed last week. */
const PLAN = agreedPlan({
  id: 'plan-anna-2026',
  employeeId: ANNA.id,
  managerId: KARIN.id,
  activities: [1, 2, 3].map((n) =>
    activity(n, { title: `Aktivitet ${n} att följa upp`, dueDate: `2026-11-1${n}` }),
  ),
});
const PRIVATE_ANSWER = 'PRIVAT: det här ser bara Anna';
const SHARED_ANSWER = 'Jag visar kollegorna hur det går till';

const running = useServiceWithConnector(
  { REMINDERS: 'off' },
  { directory, now: () => NOW },
  async (db) => {
    await new SqlPlanStore(db).saveIndividualPlan(PLAN, { expectedVersion: 0, savedBy: KARIN.id });
  },
);

const chatOf = (person: Person) =>
  new PersonalChat(() => running.service, running.connector, { userId: person.id });

/** Anna answers one activity's follow-up, as its card's "Spara" sends it. */
function answer(activityId: string, inputs: Record<string, string>) {
  const data = { verb: 'reminders.saveFollowUp', planId: PLAN.id, activityId };
  return invokeCard(running.service, chatOf(ANNA).options, { verb: data.verb, data }, inputs);
}

describe('what the manager sees of effect follow-ups', () => {
  it('when Anna shares one follow-up and keeps another, then Karin sees the shared one under its activity in the plan, and never the private one; "mitt team" counts the one still open', async () => {
    const karin = chatOf(KARIN);
    const before = await karin.say('mitt team');
    expect(memberBlock(before, ANNA.displayName).facts).toContainEqual([
      r.team.label,
      fill(r.team.unanswered_other, { count: 3 }),
    ]);

    await answer('activity-1', { 'follow-up-learned': PRIVATE_ANSWER });
    await answer('activity-2', {
      'follow-up-applied': SHARED_ANSWER,
      'follow-up-share': 'shared-with-manager',
    });

    const data = { verb: 'plan.show', planId: PLAN.id };
    const review = await invokeCard(running.service, karin.options, { verb: data.verb, data }, {});
    expect(headingOf(review)).toBeDefined();
    const texts = cardTexts(review);
    const shared = fill(r.followUp.forManager, {
      name: ANNA.displayName,
      date: '20 november 2026',
    });
    expect(texts).toContain(shared);
    expect(texts.indexOf(shared)).toBeGreaterThan(texts.indexOf('• Aktivitet 2 att följa upp'));
    expect(texts).toContain(SHARED_ANSWER);
    expect(JSON.stringify(review)).not.toContain(PRIVATE_ANSWER);

    const after = await karin.say('mitt team');
    expect(memberBlock(after, ANNA.displayName).facts).toContainEqual([
      r.team.label,
      fill(r.team.unanswered_one, { count: 1 }),
    ]);
  });
});
