import { auditEntryFor } from '../../core/privacy/audit';
import {
  agreedPlanOnErasure,
  ErasureRequestSchema,
  planFateOnErasure,
} from '../../core/privacy/erasure';
import {
  auditTrailCutoff,
  personalNotesCutoff,
  retentionCutoff,
  startOfYear,
} from '../../core/privacy/retention';
import { listProfiles } from '../../core/profiles/profiles';

describe('erasure decisions', () => {
  it.each([
    ['keep-as-unit-record', true, 'keep-agreed-version'],
    ['keep-as-unit-record', false, 'erase'],
    ['erase', true, 'erase'],
    ['erase', false, 'erase'],
  ] as const)(
    'when the profile says %s and the plan was ever agreed: %s, then the plan is to %s',
    (handling, everAgreed, fate) => {
      expect(planFateOnErasure(handling, everAgreed)).toBe(fate);
    },
  );

  it('when a profile has no erasure policy, then agreed plans are erased too (the safe side)', () => {
    expect(agreedPlanOnErasure(undefined)).toBe('erase');
  });

  it('when the shipped regions are read, then both keep the agreed plan as the unit’s record and name a retention period', () => {
    for (const profile of listProfiles()) {
      expect(agreedPlanOnErasure(profile.erasure)).toBe('keep-as-unit-record');
      expect(profile.retention.individualPlanYears).toBeGreaterThanOrEqual(1);
    }
  });

  it.each([
    [{ confirmation: 'erase-my-data' }, true],
    [{ confirmation: 'ERASE-MY-DATA' }, false],
    [{ confirmation: true }, false],
    [{}, false],
    [{ confirmation: 'erase-my-data', personId: 'someone-else' }, false],
  ])('when the request body is %j, then it counts as confirmed: %s', (body, confirmed) => {
    expect(ErasureRequestSchema.safeParse(body).success).toBe(confirmed);
  });
});

describe('the audit trail', () => {
  it('when a manager reads an employee’s plan, then it is recorded with ids only', () => {
    expect(auditEntryFor('maria', 'anna', 'plan.viewed', { planId: 'p1' })).toEqual({
      actorId: 'maria',
      subjectPersonId: 'anna',
      action: 'plan.viewed',
      details: { planId: 'p1' },
    });
  });

  it.each(['plan.viewed', 'plan.changed', 'plan.history-viewed'] as const)(
    'when a person does %s on their own data, then nothing is recorded',
    (action) => {
      expect(auditEntryFor('anna', 'anna', action)).toBeUndefined();
    },
  );

  it.each(['personal-data.exported', 'personal-data.erased'] as const)(
    'when a person does %s, then it is recorded as evidence the request was met',
    (action) => {
      expect(auditEntryFor('anna', 'anna', action)).toMatchObject({ action });
    },
  );
});

describe('retention', () => {
  const policy = { individualPlanYears: 5 };

  it('when it is New Year’s Eve in UTC but already New Year in Stockholm, then the Stockholm year counts', () => {
    const now = new Date('2026-12-31T23:30:00Z');

    expect(retentionCutoff('vgr', policy, now, 'Europe/Stockholm').beforeYear).toBe(2022);
    expect(retentionCutoff('vgr', policy, now, 'UTC').beforeYear).toBe(2021);
  });

  it('when profiles keep for different periods, then reflections follow the shortest and the audit trail the longest', () => {
    const cutoffs = [
      { profileId: 'a', beforeYear: 2021 },
      { profileId: 'b', beforeYear: 2023 },
    ];

    expect(personalNotesCutoff(cutoffs)).toBe(2023);
    expect(auditTrailCutoff(cutoffs)).toBe(2021);
    expect(personalNotesCutoff([])).toBeUndefined();
  });

  it('when a year begins, then it begins at midnight in the zone', () => {
    expect(startOfYear(2021, 'Europe/Stockholm').toISOString()).toBe('2020-12-31T23:00:00.000Z');
  });
});
