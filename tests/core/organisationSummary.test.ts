import type { Person } from '../../core/ports/directory';
import { getProfile } from '../../core/profiles/profiles';
import { organisationSummary } from '../../core/team/organisationSummary';
import { agreedPlan, dialogue } from './planBuilders';

const VGR = getProfile('vgr');
const person = (id: string, unitId?: string): Person => ({
  id,
  displayName: id,
  profileId: 'vgr',
  ...(unitId ? { unitId } : {}),
});
const unit = (name: string, size: number, unitId?: string) =>
  Array.from({ length: size }, (_, i) => person(`${name}-${i}`, unitId));

const summarise = (
  people: Person[],
  extra: Partial<Parameters<typeof organisationSummary>[0]> = {},
) =>
  organisationSummary({
    people,
    agreedPlans: [],
    dialogues: [],
    profileOf: () => VGR,
    year: 2026,
    today: '2026-03-10',
    ...extra,
  });

describe('the organisation’s figures per unit', () => {
  it('when units are counted, then each is counted over its own people only, in name order, the unplaced last', () => {
    const people = [...unit('b', 5, 'Björkdalen'), ...unit('a', 5, 'Ängen'), ...unit('x', 5)];
    const units = summarise(people, {
      agreedPlans: [
        agreedPlan({ employeeId: 'b-0' }),
        agreedPlan({ employeeId: 'x-1' }),
        agreedPlan({ employeeId: 'someone-who-left' }),
      ],
      dialogues: [dialogue({ employeeId: 'b-1', status: 'held' })],
    });

    expect(
      units.map((u) => [u.unitId, u.coverage?.employees, u.coverage?.withCurrentPlan]),
    ).toEqual([
      ['Björkdalen', 5, 1],
      ['Ängen', 5, 0],
      [null, 5, 1],
    ]);
    expect(units[0]?.coverage?.dialoguesHeld[0]).toEqual({
      dialogueTypeId: 'medarbetarsamtal',
      held: 1,
    });
  });

  it.each([
    { size: 1, withheld: true },
    { size: 4, withheld: true },
    { size: 5, withheld: false },
  ])(
    'when a unit has $size people, then its counts are withheld: $withheld',
    ({ size, withheld }) => {
      const [only] = summarise(unit('u', size, 'Enheten'));

      expect(only?.countsWithheld).toBe(withheld);
      expect(only?.coverage === null).toBe(withheld);
    },
  );

  it('when a small unit is summarised, then not even its head count is given', () => {
    expect(summarise(unit('u', 3, 'Liten'))).toEqual([
      { unitId: 'Liten', profileId: 'vgr', countsWithheld: true, coverage: null },
    ]);
  });

  it('when the reader may see small groups, then a small unit keeps its counts', () => {
    const [only] = summarise(unit('u', 3, 'Liten'), { suppress: false });

    expect(only?.coverage?.employees).toBe(3);
  });
});
