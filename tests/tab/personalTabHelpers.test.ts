import type { PlanPageResponse, TeamMember } from '../../bot/api/contract';
import { formatDialogueTime } from '../../core/cycle/scheduling';
import { translator } from '../../core/i18n/i18n';
import { apiErrorText } from '../../tab/src/plan/apiErrorText';
import { applicabilityOn, newerPage, requestFor } from '../../tab/src/plan/pendingChange';
import { dateIn, dateInWords, dayInWords, timeInWords } from '../../tab/src/plan/planDates';
import { employeePlanHref, personalRouteOf } from '../../tab/src/plan/personalRoutes';
import { filterMembers, toggleFilter, type TeamFilter } from '../../tab/src/plan/teamFilters';
import { activity, agreedPlan, EMPLOYEE, MANAGER } from '../core/planBuilders';

/** The pure parts of the personal tab: filters, routes, pending changes, dates. */

function member(name: string, flags: Partial<TeamMember['flags']> = {}): TeamMember {
  return {
    person: { id: `id-${name}`, displayName: name },
    cycle: [],
    plan: {},
    flags: { noCurrentPlan: false, planExpiring: false, dialogueNotHeld: false, ...flags },
  };
}

describe('the manager view’s filters', () => {
  const team = [
    member('Anna', { noCurrentPlan: true, dialogueNotHeld: true }),
    member('Erik', { planExpiring: true }),
    member('Fatima', { planExpiring: true, dialogueNotHeld: true }),
    member('Lars'),
  ];
  const names = (filters: TeamFilter[]) =>
    filterMembers(team, new Set(filters)).map((m) => m.person.displayName);

  it.each<[TeamFilter[], string[]]>([
    [[], ['Anna', 'Erik', 'Fatima', 'Lars']],
    [['noCurrentPlan'], ['Anna']],
    [['planExpiring'], ['Erik', 'Fatima']],
    [['dialogueNotHeld'], ['Anna', 'Fatima']],
    [['planExpiring', 'dialogueNotHeld'], ['Fatima']],
    [['noCurrentPlan', 'planExpiring'], []],
  ])('when the manager chooses %j, then the list shows %j in the API’s order', (filters, shown) => {
    expect(names(filters)).toEqual(shown);
  });

  it('when a filter is toggled twice, then it is off again and the set given is unchanged', () => {
    const none = new Set<TeamFilter>();
    const on = toggleFilter(none, 'planExpiring');
    expect([...on]).toEqual(['planExpiring']);
    expect(none.size).toBe(0);
    expect([...toggleFilter(on, 'planExpiring')]).toEqual([]);
  });
});

describe('the personal tab’s routes', () => {
  it.each([
    ['', { view: 'own' }],
    ['#/min-plan', { view: 'own' }],
    ['#min-plan', { view: 'own' }],
    ['#/team?unit=x', { view: 'own' }],
    ['#/min-plan/okänd', { view: 'own' }],
    ['#/min-plan/mitt-team', { view: 'team' }],
    ['#/min-plan/mitt-team/', { view: 'team' }],
    ['#/min-plan/mitt-team?lang=en', { view: 'team' }],
    [
      '#/min-plan/mitt-team/00000000-0000-4000-8000-000000000011',
      {
        view: 'employee',
        employeeId: '00000000-0000-4000-8000-000000000011',
      },
    ],
    ['#/min-plan/mitt-team/%E0%A4%A', { view: 'team' }],
  ])('the hash %j opens %j', (hash, route) => {
    expect(personalRouteOf(hash)).toEqual(route);
  });

  it('an employee’s link leads back to that employee, whatever their id holds', () => {
    for (const id of ['00000000-0000-4000-8000-000000000011', 'a b/c?d#e', 'åsa']) {
      expect(personalRouteOf(employeePlanHref(id))).toEqual({ view: 'employee', employeeId: id });
    }
  });
});

function planPage(overrides: Partial<PlanPageResponse> = {}): PlanPageResponse {
  return {
    employee: { id: EMPLOYEE, displayName: 'Anna Andersson' },
    manager: { id: MANAGER, displayName: 'Karin Lindqvist' },
    profileId: 'vgr',
    year: 2026,
    plan: agreedPlan({ activities: [activity(1), activity(2)] }),
    history: [],
    cycle: [],
    reflections: [],
    followUps: { answers: [], unansweredActivityIds: [] },
    canEdit: { activityStatus: true, reflections: true, answerProposal: false },
    ...overrides,
  };
}

describe('a change kept through a version conflict', () => {
  const statusChange = {
    kind: 'activity-status' as const,
    activityId: 'activity-2',
    title: 'Aktivitet 2',
    status: 'done' as const,
  };
  const request = {
    kind: 'answer' as const,
    decision: 'request-changes' as const,
    comment: 'Fler mål',
  };

  it('is sent on the version the page shows, to the plan and activity it is about', () => {
    const plan = agreedPlan({ version: 7, activities: [activity(1), activity(2)] });
    expect(requestFor(statusChange, plan)).toEqual({
      method: 'PATCH',
      path: `/plans/${plan.id}/activities/activity-2`,
      body: { status: 'done', expectedVersion: 7 },
    });
    expect(requestFor({ kind: 'answer', decision: 'accept' }, plan)).toEqual({
      method: 'POST',
      path: `/plans/${plan.id}/answer`,
      body: { decision: 'accept', expectedVersion: 7 },
    });
    expect(requestFor(request, plan).body).toEqual({
      decision: 'request-changes',
      comment: 'Fler mål',
      expectedVersion: 7,
    });
  });

  it('can be made again while the activity is still in the stored plan, and not once it is gone', () => {
    expect(applicabilityOn(statusChange, planPage())).toBe('applicable');
    const without = planPage({ plan: agreedPlan({ activities: [activity(1)] }) });
    expect(applicabilityOn(statusChange, without)).toBe('activity-gone');
    const locked = planPage({
      canEdit: { activityStatus: false, reflections: true, answerProposal: false },
    });
    expect(applicabilityOn(statusChange, locked)).toBe('activity-gone');
  });

  it('an answer can be sent again only while the stored plan is still proposed', () => {
    expect(applicabilityOn(request, planPage())).toBe('not-answerable');
    const proposed = planPage({
      plan: agreedPlan({ status: 'proposed' }),
      canEdit: { activityStatus: false, reflections: true, answerProposal: true },
    });
    expect(applicabilityOn(request, proposed)).toBe('applicable');
    expect(applicabilityOn({ kind: 'answer', decision: 'accept' }, proposed)).toBe('applicable');
  });

  it('a reload that answers an older version than the page shows does not replace it', () => {
    const older = planPage({ plan: agreedPlan({ version: 3 }) });
    const newer = planPage({ plan: agreedPlan({ version: 4 }) });
    expect(newerPage(newer, older)).toBe(newer);
    expect(newerPage(older, newer)).toBe(newer);
    const sameAgain = planPage({ plan: agreedPlan({ version: 4 }), history: [] });
    expect(newerPage(newer, sameAgain)).toBe(sameAgain);
  });
});

describe('dates on the plan pages', () => {
  it.each([
    ['2027-03-14', 'sv', '14 mars 2027'],
    ['2027-03-14', 'en', '14 March 2027'],
    ['2026-12-31', 'sv', '31 december 2026'],
  ] as const)('the date %s in %s reads %j', (date, language, words) => {
    expect(dateInWords(date, language)).toBe(words);
  });

  it('an instant is the day it is in Stockholm, not in UTC', () => {
    expect(dayInWords('2026-03-14T23:30:00+01:00', 'Europe/Stockholm', 'sv')).toBe('14 mars 2026');
    expect(dayInWords('2026-03-14T23:30:00Z', 'Europe/Stockholm', 'sv')).toBe('15 mars 2026');
    expect(dateIn(new Date('2026-06-30T22:30:00Z'), 'Europe/Stockholm')).toBe('2026-07-01');
  });

  it('a time reads as the bot’s cards say it', () => {
    expect(timeInWords('2026-12-08T08:30:00Z', 'Europe/Stockholm', 'sv')).toBe(
      'tisdag 8 december 2026 kl. 09:30',
    );
    expect(timeInWords('2026-12-08T08:30:00Z', 'Europe/Stockholm', 'en')).toBe(
      'Tuesday 8 December 2026 at 09:30',
    );
  });

  it.each([
    '2026-12-08T08:30:00Z',
    '2026-03-29T00:30:00Z', // the night the clocks go forward
    '2026-10-25T00:30:00Z', // the first of the hour that happens twice
    '2026-10-25T01:30:00Z', // and the second
    '2026-01-01T23:05:00+01:00',
    '2027-07-04T22:59:00Z', // midnight in Stockholm the next day
  ])('the tab and the cards write %s the same way in both languages', (at) => {
    for (const language of ['sv', 'en'] as const) {
      expect(timeInWords(at, 'Europe/Stockholm', language)).toBe(
        formatDialogueTime(at, 'Europe/Stockholm', language),
      );
    }
  });
});

describe('what the tab says when a call fails', () => {
  const t = translator('sv');
  // An ApiError's fields: the client module itself reads the browser at import.
  const apiError = (code: string, message: string) => ({ code, message });

  it.each([
    ['no answer came', apiError('network', ''), 'tab.error.network'],
    [
      'the directory is down',
      apiError('directory_unavailable', 'The organisation directory does not answer'),
      'tab.error.directoryUnavailable',
    ],
    [
      'SharePoint is down',
      apiError('store_unavailable', 'The plan store (SharePoint) does not answer'),
      'tab.error.storeUnavailable',
    ],
  ])(
    'when %s, then the person is told in Swedish, not in the API’s English',
    (_case, error, key) => {
      expect(apiErrorText(error, t)).toBe(t(key));
      expect(t(key)).not.toBe(key);
    },
  );

  it('when the API refused the request with its own words, then those are shown', () => {
    expect(apiErrorText(apiError('invalid_body', 'Målet saknar text'), t)).toBe(
      'Målet saknar text',
    );
  });
});
