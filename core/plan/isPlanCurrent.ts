import { IsoDateSchema, type IsoDate } from '../shared/schemas';
import type { IndividualPlan } from './individualPlan';

/** A plan counts as current for this many months after it was agreed. */
export const PLAN_VALIDITY_MONTHS = 12;

/**
 * Whether the employee had a current individual plan on `today`: one agreed on or before
 * that date and less than twelve months earlier. Agreed on 2026-03-15, it is current up to
 * and including 2027-03-14. The agreement's calendar date is the one it was recorded with
 * (its offset), so a plan agreed late in the evening in Stockholm keeps that evening's date.
 * Asking with a past date answers for that date, which coverage over time needs.
 */
export function isPlanCurrent(plan: Pick<IndividualPlan, 'agreedAt'>, today: IsoDate): boolean {
  if (!IsoDateSchema.safeParse(today).success) {
    throw new RangeError(`"${today}" is not a date in the form YYYY-MM-DD`);
  }
  if (plan.agreedAt === undefined) return false;
  const agreedOn = plan.agreedAt.slice(0, 10);
  return agreedOn <= today && today < addMonths(agreedOn, PLAN_VALIDITY_MONTHS);
}

/**
 * The last day the plan's latest agreement keeps it current (agreed 2026-03-15: 2027-03-14),
 * or undefined when it was never agreed.
 */
export function planCurrentUntil(plan: Pick<IndividualPlan, 'agreedAt'>): IsoDate | undefined {
  if (plan.agreedAt === undefined) return undefined;
  return addDays(addMonths(plan.agreedAt.slice(0, 10), PLAN_VALIDITY_MONTHS), -1);
}

function addDays(date: IsoDate, days: number): IsoDate {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** Calendar arithmetic on the date alone; the 29th of February a year on becomes the 28th. */
function addMonths(date: IsoDate, months: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const monthIndex = month - 1 + months;
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(Math.min(day, lastDay), 2)}`;
}
