import { getProfile, type DialogueStatus, type OrganisationProfile } from '../../core';
import { dialogueCycle } from '../../core/cycle/dialogueCycle';
import { dialogue } from './planBuilders';

const vgr = getProfile('vgr');
const vasterbotten = getProfile('vasterbotten');

/** The cycle as the card lists it: type and status, in order. */
const summary = (entries: ReturnType<typeof dialogueCycle>) =>
  entries.map((entry) => [entry.dialogueType.id, entry.status]);

describe('the year of dialogues of one employee', () => {
  it('when nothing is planned, then every type of the VGR cycle is listed as not planned', () => {
    const entries = dialogueCycle(vgr, [], 2026);
    expect(summary(entries)).toEqual([
      ['medarbetarsamtal', 'not-planned'],
      ['uppfoljning', 'not-planned'],
    ]);
    expect(entries.every((entry) => entry.dialogue === undefined)).toBe(true);
  });

  it('when in Västerbotten, then the three types come in the order of the cycle', () => {
    const held = dialogue({
      profileId: 'vasterbotten',
      dialogueTypeId: 'loneaterkopplingssamtal',
      status: 'held',
    });
    expect(summary(dialogueCycle(vasterbotten, [held], 2026))).toEqual([
      ['medarbetarsamtal', 'not-planned'],
      ['prestationssamtal', 'not-planned'],
      ['loneaterkopplingssamtal', 'held'],
    ]);
  });

  it('when the profile lists its types out of order, then they are still listed by their order', () => {
    const shuffled: OrganisationProfile = {
      ...vasterbotten,
      dialogueCycle: [...vasterbotten.dialogueCycle].reverse(),
    };
    expect(dialogueCycle(shuffled, [], 2026).map((entry) => entry.dialogueType.order)).toEqual([
      1, 2, 3,
    ]);
  });

  it.each<[string, DialogueStatus, string]>([
    ['planned', 'planned', 'planned'],
    ['prepared', 'prepared', 'prepared'],
    ['held', 'held', 'held'],
    ['cancelled', 'cancelled', 'not-planned'],
  ])('when the only dialogue is %s, then the type is %s', (_case, status, expected) => {
    const only = dialogue({ status });
    const [first] = dialogueCycle(vgr, [only], 2026);
    expect(first?.status).toBe(expected);
    expect(first?.dialogue).toEqual(expected === 'not-planned' ? undefined : only);
  });

  it.each<[string, DialogueStatus[], string]>([
    ['planned and held', ['planned', 'held'], 'held'],
    ['held and planned', ['held', 'planned'], 'held'],
    ['prepared and planned', ['planned', 'prepared'], 'prepared'],
    ['cancelled and planned', ['cancelled', 'planned'], 'planned'],
    ['cancelled and held', ['held', 'cancelled'], 'held'],
  ])(
    'when there are several of one type (%s), then the furthest along wins',
    (_c, statuses, expected) => {
      const several = statuses.map((status, index) =>
        dialogue({ id: `dialogue-${index}`, status }),
      );
      const [first] = dialogueCycle(vgr, several, 2026);
      expect(first?.status).toBe(expected);
      expect(first?.dialogue?.status).toBe(expected);
    },
  );

  it('when a dialogue belongs to another year, then it does not count for this one', () => {
    const lastYear = dialogue({ year: 2025, status: 'held' });
    const nextYear = dialogue({ id: 'next', year: 2027, status: 'planned' });
    expect(summary(dialogueCycle(vgr, [lastYear, nextYear], 2026))).toEqual([
      ['medarbetarsamtal', 'not-planned'],
      ['uppfoljning', 'not-planned'],
    ]);
    expect(summary(dialogueCycle(vgr, [lastYear, nextYear], 2025))[0]).toEqual([
      'medarbetarsamtal',
      'held',
    ]);
  });

  it('when a dialogue has a type the cycle does not have, then it is not listed', () => {
    const foreign = dialogue({ dialogueTypeId: 'prestationssamtal', status: 'held' });
    expect(summary(dialogueCycle(vgr, [foreign], 2026))).toEqual([
      ['medarbetarsamtal', 'not-planned'],
      ['uppfoljning', 'not-planned'],
    ]);
  });

  it('when asked, then the dialogues given are left as they were', () => {
    const given = [dialogue({ id: 'a', status: 'planned' }), dialogue({ id: 'b', status: 'held' })];
    const copy = structuredClone(given);
    dialogueCycle(vgr, given, 2026);
    expect(given).toEqual(copy);
  });
});
