import sv from '../../core/i18n/locales/sv.json';
import { PLAN_LIMITS } from '../../core/plan/limits';
import type { NeededCompetence, TeamPlan, UnitGoal } from '../../core/plan/teamPlan';
import { getProfile } from '../../core/profiles/profiles';
import { neededCompetencesCard } from '../../bot/cards/teamPlan/neededCompetencesCard';
import { withUnitGoals } from '../../bot/teamPlan/teamPlanChanges';
import {
  FORM_ERROR,
  NEW_GOAL_BOXES,
  newUnitGoalInputId,
  readNeededCompetence,
  readUnitGoals,
  typedNeed,
  typedUnitGoals,
  unitGoalInputId,
  unitGoalRows,
} from '../../bot/teamPlan/teamPlanInputs';
import { adaptiveCardProblems, cardTexts } from '../support/adaptiveCards';
import { cardActions } from '../support/personalChat';
import { fill } from './teamPlanFixtures';

const profile = getProfile('vgr');
const goals = (count: number): UnitGoal[] =>
  Array.from({ length: count }, (_, index) => ({ id: `g${index + 1}`, text: `Mål ${index + 1}` }));
const need = (n: number, overrides: Partial<NeededCompetence> = {}): NeededCompetence => ({
  id: `n${n}`,
  priorityAreaId: 'digitalisering',
  description: `Behov ${n}`,
  priority: 'medium',
  ...overrides,
});
const plan = (overrides: Partial<TeamPlan> = {}): TeamPlan => ({
  id: 'plan-1',
  unitId: 'unit-1',
  profileId: 'vgr',
  year: 2026,
  unitGoals: goals(2),
  neededCompetences: [],
  version: 3,
  updatedAt: '2026-02-01T10:00:00+01:00',
  updatedBy: 'manager-1',
  ...overrides,
});
let ids = 0;
const newId = () => `new-${++ids}`;

describe('the goal boxes', () => {
  it('when nothing was typed, then every goal is a prefilled box followed by empty ones for new goals', () => {
    const rows = unitGoalRows(goals(2));
    expect(rows).toEqual([
      { inputId: unitGoalInputId('g1'), goalId: 'g1', text: 'Mål 1' },
      { inputId: unitGoalInputId('g2'), goalId: 'g2', text: 'Mål 2' },
      ...[1, 2, 3].map((box) => ({ inputId: newUnitGoalInputId(box), text: '' })),
    ]);
  });

  it.each([
    [PLAN_LIMITS.unitGoalsMax, 0],
    [PLAN_LIMITS.unitGoalsMax - 1, 1],
    [PLAN_LIMITS.unitGoalsMax - NEW_GOAL_BOXES, NEW_GOAL_BOXES],
    [0, NEW_GOAL_BOXES],
  ])(
    'when the plan has %i goals, then the card has %i empty box(es) for new goals',
    (count, empty) => {
      const rows = unitGoalRows(goals(count));
      expect(rows.filter((row) => row.goalId === undefined)).toHaveLength(empty);
    },
  );

  it('when a goal typed for is gone from the plan (removed meanwhile), then its text comes back as a new goal', () => {
    const typed = {
      [unitGoalInputId('g1')]: 'Mål 1, omskrivet',
      [unitGoalInputId('gone')]: 'Ett mål någon annan tog bort',
      [newUnitGoalInputId(2)]: 'Nytt mål',
      [newUnitGoalInputId(1)]: '',
    };
    const rows = unitGoalRows(goals(1), typed);
    expect(rows.map((row) => [row.goalId, row.text])).toEqual([
      ['g1', 'Mål 1, omskrivet'],
      [undefined, 'Nytt mål'],
      [undefined, 'Ett mål någon annan tog bort'],
      [undefined, ''],
      [undefined, ''],
      [undefined, ''],
    ]);
  });

  it('when a box of an existing goal is missing from the click, then the goal is kept; an emptied one is removed', () => {
    const kept = readUnitGoals(unitGoalRows(goals(2), {}), newId);
    expect(kept).toEqual({ ok: true, goals: goals(2) });
    const removed = readUnitGoals(unitGoalRows(goals(2), { [unitGoalInputId('g1')]: ' ' }), newId);
    expect(removed).toEqual({ ok: true, goals: [{ id: 'g2', text: 'Mål 2' }] });
  });

  it('when a new goal is written, then it gets a new id and existing goals keep theirs, text trimmed', () => {
    const read = readUnitGoals(
      unitGoalRows(goals(1), {
        [unitGoalInputId('g1')]: '  Mål 1 ändrat ',
        [newUnitGoalInputId(1)]: ' Helt nytt ',
      }),
      () => 'fresh-id',
    );
    expect(read).toEqual({
      ok: true,
      goals: [
        { id: 'g1', text: 'Mål 1 ändrat' },
        { id: 'fresh-id', text: 'Helt nytt' },
      ],
    });
  });

  it('when more goals arrive than a plan may have, then the whole card says so', () => {
    const typed = Object.fromEntries(
      Array.from({ length: 5 }, (_, index) => [newUnitGoalInputId(index + 1), `Extra ${index}`]),
    );
    const read = readUnitGoals(unitGoalRows(goals(PLAN_LIMITS.unitGoalsMax - 2), typed), newId);
    expect(read).toEqual({
      ok: false,
      errors: { [FORM_ERROR]: { key: 'tooManyGoals', max: PLAN_LIMITS.unitGoalsMax } },
    });
  });

  it('when forged keys arrive beside the boxes, then only goal boxes within the limits are read', () => {
    const typed = typedUnitGoals({
      verb: 'teamPlan.saveGoals',
      planId: 'plan-1',
      version: 3,
      [unitGoalInputId('g1')]: 'ok',
      [newUnitGoalInputId(1)]: 'ok',
      [newUnitGoalInputId(PLAN_LIMITS.unitGoalsMax + 1)]: 'beyond the limit',
      'newUnitGoal:0': 'zero',
      'newUnitGoal:1.5': 'not a box',
      'unitGoal:<script>': 'not an id',
      [unitGoalInputId('g2')]: 42,
    });
    expect(Object.keys(typed).sort()).toEqual(
      [unitGoalInputId('g1'), newUnitGoalInputId(1)].sort(),
    );
  });
});

describe('adding a needed competence', () => {
  const valid = {
    'need:area': 'artificiell-intelligens',
    'need:description': '  Grundkurs i AI ',
    'need:priority': 'high',
    'need:unitGoal': 'g2',
  };

  it('when the form is filled in, then the need has the area, trimmed description, priority and goal', () => {
    expect(
      readNeededCompetence(typedNeed(valid), { profile, plan: plan(), newId: () => 'need-id' }),
    ).toEqual({
      ok: true,
      need: {
        id: 'need-id',
        priorityAreaId: 'artificiell-intelligens',
        description: 'Grundkurs i AI',
        priority: 'high',
        unitGoalId: 'g2',
      },
    });
  });

  it('when "no particular goal" is chosen, then the need has no unit goal', () => {
    const read = readNeededCompetence(typedNeed({ ...valid, 'need:unitGoal': '-' }), {
      profile,
      plan: plan(),
      newId,
    });
    expect(read.ok && read.need.unitGoalId).toBe(undefined);
  });

  it('when the plan already has the most needs it may, then the need is refused and the card offers no add', () => {
    const full = plan({
      neededCompetences: Array.from({ length: PLAN_LIMITS.neededCompetencesMax }, (_, i) =>
        need(i + 1),
      ),
    });
    expect(readNeededCompetence(typedNeed(valid), { profile, plan: full, newId })).toEqual({
      ok: false,
      errors: { [FORM_ERROR]: { key: 'needsFull', max: PLAN_LIMITS.neededCompetencesMax } },
    });
    const card = neededCompetencesCard({ language: 'sv', profile, plan: full });
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(cardTexts(card)).toContain(
      fill(sv.teamPlan.needsEdit.full, { max: PLAN_LIMITS.neededCompetencesMax }),
    );
    expect(cardActions(card).map((action) => action.title)).not.toContain(
      sv.teamPlan.actions.addNeed,
    );
  });
});

describe('unit goals that needs refer to', () => {
  it('when goals are replaced, then needs of a removed goal lose the link and are counted, the rest keep theirs', () => {
    const before = plan({
      neededCompetences: [
        need(1, { unitGoalId: 'g1' }),
        need(2, { unitGoalId: 'g2' }),
        need(3, { unitGoalId: 'g1' }),
        need(4),
      ],
    });
    const { plan: after, unlinked } = withUnitGoals(before, [{ id: 'g2', text: 'Mål 2' }], {
      managerId: 'manager-1',
      at: '2026-03-01T09:00:00+01:00',
    });
    expect(unlinked).toBe(2);
    expect(after.neededCompetences.map((n) => [n.id, n.unitGoalId])).toEqual([
      ['n1', undefined],
      ['n2', 'g2'],
      ['n3', undefined],
      ['n4', undefined],
    ]);
    expect('unitGoalId' in (after.neededCompetences[0] ?? {})).toBe(false);
    expect(after).toMatchObject({
      updatedBy: 'manager-1',
      updatedAt: '2026-03-01T09:00:00+01:00',
    });
  });
});
