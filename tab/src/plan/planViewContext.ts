import type { PlanPageResponse } from '../../../bot/api/contract';
import type { OrganisationProfile } from '../../../core/profiles/profileSchema';
import { DEFAULT_TIME_ZONE } from './planDates';
import { profileOrNothing } from './profileNames';

/** Who looks at a plan page: the employee it belongs to, or their manager (read-only). */
export type Viewer = 'employee' | 'manager';

/** What every part of a plan page needs besides its own data. */
export interface PlanViewContext {
  page: PlanPageResponse;
  viewer: Viewer;
  /** Undefined when this build does not know the page's profile: ids are shown instead. */
  profile: OrganisationProfile | undefined;
  /** The profile's zone for times (Europe/Stockholm). */
  timeZone: string;
}

export function planViewContext(page: PlanPageResponse, viewer: Viewer): PlanViewContext {
  const profile = profileOrNothing(page.profileId);
  return {
    page,
    viewer,
    profile,
    timeZone: profile?.reminderPolicy.timeZone ?? DEFAULT_TIME_ZONE,
  };
}

/** The name of the employee or the manager of the page, by id. */
export function nameOf(page: PlanPageResponse, personId: string): string | undefined {
  if (page.employee.id === personId) return page.employee.displayName;
  if (page.manager?.id === personId) return page.manager.displayName;
  return undefined;
}
