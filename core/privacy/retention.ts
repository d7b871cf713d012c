import { DateTime } from 'luxon';
import type { RetentionPolicy } from '../profiles/profileSchema';

/**
 * Retention ("gallring"): how long plans are kept. A plan, a dialogue and its preparation
 * belong to a year; they are kept for that year and the `individualPlanYears` years after,
 * then removed by the scheduled job, agreed or not, kept on erasure or not.
 */

export interface RetentionCutoff {
  profileId: string;
  /** Plans and dialogues of years before this one are removed. */
  beforeYear: number;
}

/** The first year still kept in `zone` on `now`: this year and the N before it. */
export function retentionCutoff(
  profileId: string,
  policy: RetentionPolicy,
  now: Date,
  zone: string,
): RetentionCutoff {
  const year = DateTime.fromJSDate(now, { zone }).year;
  return { profileId, beforeYear: year - policy.individualPlanYears };
}

/**
 * Reflections, answers and the audit trail carry no profile: they are removed at the start of
 * the year the shortest retention among the profiles ends in for reflections (the person's
 * own notes are kept no longer than any plan), and the longest for the audit trail (the
 * record of who saw a plan lives as long as any plan it speaks of).
 */
export function personalNotesCutoff(cutoffs: readonly RetentionCutoff[]): number | undefined {
  return cutoffs.length === 0 ? undefined : Math.max(...cutoffs.map((c) => c.beforeYear));
}

export function auditTrailCutoff(cutoffs: readonly RetentionCutoff[]): number | undefined {
  return cutoffs.length === 0 ? undefined : Math.min(...cutoffs.map((c) => c.beforeYear));
}

/** The instant a year begins in `zone`: what "before year Y" means for a timestamp. */
export function startOfYear(year: number, zone: string): Date {
  return DateTime.fromObject({ year, month: 1, day: 1 }, { zone }).toJSDate();
}
