import { TeamPlanChangeSchema } from '../../bot/api/contract';
import type { TeamPlan } from '../../core/plan/teamPlan';
import {
  changeOf,
  draftDiffers,
  draftOf,
  draftProblems,
  emptyGoal,
  emptyNeed,
  withoutGoal,
  type TeamPlanDraft,
} from '../../tab/src/components/TeamPage/teamPlanDraft';

/** The manager's edit of the team plan as the channel tab holds it, before it is sent. */

const stored: TeamPlan = {
  id: 'team-plan-1',
  unitId: 'unit-1',
  profileId: 'vgr',
  year: 2026,
  unitGoals: [
    { id: 'goal-a', text: 'Säker vård' },
    { id: 'goal-b', text: 'Digitala arbetssätt' },
  ],
  neededCompetences: [
    {
      id: 'need-1',
      priorityAreaId: 'digitalisering',
      unitGoalId: 'goal-b',
      description: 'Journalsystemet',
      priority: 'high',
    },
    { id: 'need-2', priorityAreaId: 'hallbar-utveckling', description: 'Miljö', priority: 'low' },
  ],
  version: 4,
  updatedAt: '2026-11-20T10:00:00+01:00',
  updatedBy: 'manager-1',
};
const areas = new Set(['digitalisering', 'hallbar-utveckling']);

describe('the team plan draft', () => {
  it('when the stored plan is edited unchanged, then the change says the same and names its version', () => {
    const draft = draftOf(stored);

    expect(draftDiffers(draft, stored)).toBe(false);
    expect(draftProblems(draft, areas)).toEqual([]);
    const change = changeOf(draft, stored.version);
    expect(TeamPlanChangeSchema.parse(change)).toEqual(change);
    expect(change).toEqual({
      unitGoals: stored.unitGoals,
      neededCompetences: stored.neededCompetences,
      expectedVersion: 4,
    });
  });

  it('when there is no plan yet, then the draft is empty and the change expects version 0', () => {
    const draft = draftOf(null);

    expect(draft).toEqual({ unitGoals: [], neededCompetences: [] });
    expect(changeOf(draft, 0)).toEqual({
      unitGoals: [],
      neededCompetences: [],
      expectedVersion: 0,
    });
    expect(draftDiffers(draft, null)).toBe(false);
  });

  it('when a goal is removed, then its needs stay, tied to no goal', () => {
    const draft = withoutGoal(draftOf(stored), 'goal-b');

    expect(draft.unitGoals.map((goal) => goal.id)).toEqual(['goal-a']);
    expect(draft.neededCompetences.map((need) => [need.id, need.unitGoalId])).toEqual([
      ['need-1', ''],
      ['need-2', ''],
    ]);
    const change = changeOf(draft, 4);
    expect(change.neededCompetences[0]).not.toHaveProperty('unitGoalId');
    expect(draftDiffers(draft, stored)).toBe(true);
  });

  it('when texts have surrounding space, then the change trims them', () => {
    const draft = draftOf(stored);
    const edited: TeamPlanDraft = {
      unitGoals: draft.unitGoals.map((goal) => ({ ...goal, text: `  ${goal.text} \n` })),
      neededCompetences: draft.neededCompetences.map((need) => ({
        ...need,
        description: ` ${need.description}  `,
      })),
    };

    expect(changeOf(edited, 4)).toEqual(changeOf(draft, 4));
    expect(draftDiffers(edited, stored)).toBe(false);
  });

  it.each([
    [
      'an empty goal',
      (d: TeamPlanDraft) => ({ ...d, unitGoals: [...d.unitGoals, { id: 'new', text: '  ' }] }),
      [{ field: 'goal:new', problem: 'goalRequired' }],
    ],
    [
      'a new need with nothing filled in',
      (d: TeamPlanDraft) => ({
        ...d,
        neededCompetences: [...d.neededCompetences, { ...emptyNeed(), id: 'n' }],
      }),
      [
        { field: 'need:n:area', problem: 'chooseArea' },
        { field: 'need:n:description', problem: 'describeNeed' },
      ],
    ],
    [
      'a need whose area the profile does not have',
      (d: TeamPlanDraft) => ({
        ...d,
        neededCompetences: d.neededCompetences.map((need) => ({
          ...need,
          priorityAreaId: need.id === 'need-2' ? 'unknown-area' : need.priorityAreaId,
        })),
      }),
      [{ field: 'need:need-2:area', problem: 'chooseArea' }],
    ],
  ])(
    'when the draft has %s, then the form names the field and what is missing',
    (_, edit, problems) => {
      expect(draftProblems(edit(draftOf(stored)), areas)).toEqual(problems);
    },
  );

  it('when goals and needs are added, then each gets an id of its own that the API accepts', () => {
    const goals = [emptyGoal(), emptyGoal()];
    const needs = [emptyNeed(), emptyNeed()];

    expect(new Set([...goals, ...needs].map((item) => item.id)).size).toBe(4);
    const change = changeOf(
      {
        unitGoals: goals.map((goal) => ({ ...goal, text: 'Mål' })),
        neededCompetences: needs.map((need) => ({
          ...need,
          priorityAreaId: 'digitalisering',
          description: 'Behov',
          unitGoalId: goals[0]?.id ?? '',
        })),
      },
      0,
    );
    expect(TeamPlanChangeSchema.safeParse(change).success).toBe(true);
    expect(needs.every((need) => need.priority === 'medium')).toBe(true);
  });
});
