import {
  acceptedButUnmarked,
  acceptedPerSecond,
  countDeliveries,
  reminderTargetsMet,
} from '../../bench/reminderCounts';

/** What bench:reminders concludes from the connector's count of messages per conversation. */

const seeded = ['a:personal-1', 'a:personal-2', 'a:personal-3'];

describe('counting the seeded reminders at the connector', () => {
  it.each([
    [
      'each person got one message',
      [
        ['a:personal-1', 1],
        ['a:personal-2', 1],
        ['a:personal-3', 1],
      ],
      { delivered: 3, lost: 0, duplicates: 0, strays: 0 },
    ],
    [
      'one person got nothing',
      [
        ['a:personal-1', 1],
        ['a:personal-3', 1],
      ],
      { delivered: 2, lost: 1, duplicates: 0, strays: 0 },
    ],
    [
      'one person got their reminder three times',
      [
        ['a:personal-1', 3],
        ['a:personal-2', 1],
        ['a:personal-3', 1],
      ],
      { delivered: 3, lost: 0, duplicates: 2, strays: 0 },
    ],
    [
      'a message went to a chat nobody seeded',
      [
        ['a:personal-1', 1],
        ['a:personal-2', 1],
        ['a:personal-3', 1],
        ['a:personal-9', 2],
      ],
      { delivered: 3, lost: 0, duplicates: 0, strays: 2 },
    ],
    ['nothing arrived', [], { delivered: 0, lost: 3, duplicates: 0, strays: 0 }],
  ] as const)('when %s, then the counts say so', (_story, received, expected) => {
    const perConversation = new Map<string, number>(received.map(([id, n]) => [id, n]));
    expect(countDeliveries(seeded, perConversation)).toEqual(expected);
  });
});

describe('throughput between the first and the last accepted message', () => {
  it.each([
    ['11 messages over one second (ten intervals)', 10, 11, 0, 1000],
    ['10,000 messages at an even 50 a second', 50, 10_000, 500, 500 + 9_999 * 20],
  ] as const)('when %s, then it is %s a second', (_story, expected, messages, firstAt, lastAt) => {
    expect(acceptedPerSecond(messages, firstAt, lastAt)).toBeCloseTo(expected, 9);
  });

  it.each([
    ['a single message', 1, 0, 0],
    ['no message', 0, undefined, undefined],
    ['two messages at the same instant', 2, 7, 7],
  ] as const)('when %s, then there is no rate to tell', (_story, messages, firstAt, lastAt) => {
    expect(acceptedPerSecond(messages, firstAt, lastAt)).toBeNull();
  });
});

describe('the jobs a killed sender had sent but not marked', () => {
  it('when some of the jobs it held had already reached the connector, then only those count', () => {
    const atKill = new Map([
      ['a:personal-1', 1],
      ['a:personal-3', 1],
      ['a:personal-7', 1],
    ]);
    expect(acceptedButUnmarked(['a:personal-1', 'a:personal-2', 'a:personal-3'], atKill)).toBe(2);
  });
});

describe('the targets', () => {
  const perfect = {
    shareOfCeiling: 0.97,
    lost: 0,
    duplicates: 0,
    lostAfterKill: 0,
    duplicatesAfterKill: 3,
    inFlightAtKill: 3,
  };

  it('when every figure is within its target, then every target is met', () => {
    expect(Object.values(reminderTargetsMet(perfect))).toEqual([true, true, true, true, true]);
  });

  it.each([
    [
      'throughput is under 95% of the ceiling',
      { shareOfCeiling: 0.949 },
      'shareOfCeilingAtLeast95',
    ],
    ['throughput could not be measured', { shareOfCeiling: null }, 'shareOfCeilingAtLeast95'],
    ['one reminder was lost', { lost: 1 }, 'noneLost'],
    ['one reminder came twice', { duplicates: 1 }, 'noDuplicates'],
    ['one was lost after the kill', { lostAfterKill: 1 }, 'noneLostAfterKill'],
    [
      'more duplicates than jobs in flight',
      { duplicatesAfterKill: 4 },
      'duplicatesAfterKillWithinInFlight',
    ],
  ] as const)('when %s, then only that target is missed', (_story, change, missed) => {
    const met = reminderTargetsMet({ ...perfect, ...change });
    expect(
      Object.entries(met)
        .filter(([, ok]) => !ok)
        .map(([name]) => name),
    ).toEqual([missed]);
  });
});
