import { mayActAsManagerOf, maySeePlanOf, planReaderOf } from '../../core/access/planAccess';
import type { Person } from '../../core/ports/directory';

const person = (id: string, managerId?: string): Person => ({
  id,
  displayName: id,
  profileId: 'vgr',
  ...(managerId === undefined ? {} : { managerId }),
});

/** Anna reports to Maria, who reports to Karin. Bo is Anna's peer, Olof another manager. */
const ANNA = person('anna', 'maria');
const MARIA = person('maria', 'karin');

describe('who may see and act on an employee’s plan', () => {
  it.each<{
    actor: string;
    about: string;
    actorId: string;
    employee: Person | undefined;
    see: boolean;
    act: boolean;
  }>([
    {
      actor: 'the employee',
      about: 'themself',
      actorId: 'anna',
      employee: ANNA,
      see: true,
      act: false,
    },
    {
      actor: 'their own manager',
      about: 'the employee',
      actorId: 'maria',
      employee: ANNA,
      see: true,
      act: true,
    },
    {
      actor: 'their manager’s manager',
      about: 'the employee',
      actorId: 'karin',
      employee: ANNA,
      see: false,
      act: false,
    },
    {
      actor: 'another manager',
      about: 'the employee',
      actorId: 'olof',
      employee: ANNA,
      see: false,
      act: false,
    },
    {
      actor: 'a peer with the same manager',
      about: 'the employee',
      actorId: 'bo',
      employee: ANNA,
      see: false,
      act: false,
    },
    {
      actor: 'the employee',
      about: 'their own manager',
      actorId: 'anna',
      employee: MARIA,
      see: false,
      act: false,
    },
    {
      actor: 'a manager',
      about: 'an employee the directory does not know',
      actorId: 'maria',
      employee: undefined,
      see: false,
      act: false,
    },
    {
      actor: 'the employee',
      about: 'themself, without a manager',
      actorId: 'anna',
      employee: person('anna'),
      see: true,
      act: false,
    },
    {
      actor: 'a manager',
      about: 'an employee without a manager',
      actorId: 'maria',
      employee: person('anna'),
      see: false,
      act: false,
    },
    {
      actor: 'a person',
      about: 'themself, listed as their own manager',
      actorId: 'anna',
      employee: person('anna', 'anna'),
      see: true,
      act: false,
    },
    {
      actor: 'an empty id',
      about: 'an employee without a manager',
      actorId: '',
      employee: person('anna'),
      see: false,
      act: false,
    },
    {
      actor: 'an id differing only in case',
      about: 'the manager’s report',
      actorId: 'Maria',
      employee: ANNA,
      see: false,
      act: false,
    },
  ])(
    'when $actor asks about $about, then seeing is $see and acting as manager is $act',
    ({ actorId, employee, see, act }) => {
      expect(maySeePlanOf(actorId, employee)).toBe(see);
      expect(mayActAsManagerOf(actorId, employee)).toBe(act);
    },
  );
});

describe('how someone reads an employee’s plan page', () => {
  it.each<{
    who: string;
    actorId: string;
    employee: Person | undefined;
    reader: string | undefined;
  }>([
    {
      who: 'the employee, everything of theirs',
      actorId: 'anna',
      employee: ANNA,
      reader: 'employee',
    },
    {
      who: 'their manager, only what was shared',
      actorId: 'maria',
      employee: ANNA,
      reader: 'manager',
    },
    {
      who: 'their manager’s manager, nothing',
      actorId: 'karin',
      employee: ANNA,
      reader: undefined,
    },
    { who: 'a peer, nothing', actorId: 'bo', employee: ANNA, reader: undefined },
    {
      who: 'someone about an unknown person, nothing',
      actorId: 'maria',
      employee: undefined,
      reader: undefined,
    },
    {
      who: 'a person listed as their own manager, as the employee',
      actorId: 'anna',
      employee: person('anna', 'anna'),
      reader: 'employee',
    },
  ])('when $who reads, then the page is read as $reader', ({ actorId, employee, reader }) => {
    expect(planReaderOf(actorId, employee)).toBe(reader);
  });
});
