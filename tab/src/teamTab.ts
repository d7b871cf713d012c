/** The channel tab's entity id; the manifest's configurable tab and the bot refer to it. */
export const TEAM_TAB_ENTITY_ID = 'teamets-kompetensplan';

/**
 * Where the channel tab's content lives: index.html#/team on this origin, with the chosen
 * organisation profile as a query parameter, so every member's tab shows the same profile.
 */
export function teamTabUrl(profileId: string, origin: string = window.location.origin): string {
  const url = new URL(`${import.meta.env.BASE_URL}index.html`, origin);
  url.searchParams.set('profile', profileId);
  url.hash = '/team';
  return url.toString();
}

/** The profile a saved channel tab was configured with, read back from its contentUrl. */
export function profileIdOf(contentUrl: string | undefined): string | undefined {
  if (!contentUrl) return undefined;
  try {
    return new URL(contentUrl).searchParams.get('profile') ?? undefined;
  } catch {
    return undefined;
  }
}
