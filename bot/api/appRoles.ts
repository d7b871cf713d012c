import type { AppRole } from '../../core/access/authorization';

/**
 * The app roles a region defines on the app registration in Entra (App registrations → the
 * app → App roles, allowed member types "Users/Groups") and assigns in Enterprise
 * applications. Entra puts the values of a person's assigned roles in the `roles` claim of
 * the Teams SSO token; this maps them to the domain's roles. The value is all that counts:
 * a role's display name can be anything.
 */
export const HR_APP_ROLE = 'Kompetensdialog.HR';

const DOMAIN_ROLE_OF: Readonly<Record<string, AppRole>> = { [HR_APP_ROLE]: 'hr' };

/** The domain roles among the token's role values; unknown values are ignored. */
export function appRolesOf(tokenRoles: readonly string[]): AppRole[] {
  const roles = new Set<AppRole>();
  for (const value of tokenRoles) {
    if (Object.hasOwn(DOMAIN_ROLE_OF, value)) roles.add(DOMAIN_ROLE_OF[value] as AppRole);
  }
  return [...roles];
}
