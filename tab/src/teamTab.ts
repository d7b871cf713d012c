/** The channel tab's entity id; the manifest's configurable tab and the bot refer to it. */
export const TEAM_TAB_ENTITY_ID = 'teamets-kompetensplan';

/** What a saved channel tab was configured with; both travel in its contentUrl. */
export interface TeamTabSettings {
  /** The organisation unit whose team plan the tab shows (the directory's unit id). */
  unitId?: string;
  /** The organisation profile the unit follows, e.g. "vgr". */
  profileId?: string;
}

/**
 * Where the channel tab's content lives: index.html#/team?unit=…&profile=… on this origin, so
 * every member's tab shows the same unit with the same profile.
 */
export function teamTabUrl(
  settings: { unitId: string; profileId: string },
  origin: string = window.location.origin,
): string {
  const url = new URL(`${import.meta.env.BASE_URL}index.html`, origin);
  const query = new URLSearchParams({ unit: settings.unitId, profile: settings.profileId });
  url.hash = `/team?${query.toString()}`;
  return url.toString();
}

/**
 * The settings of a channel tab, read from its address: the query inside the hash
 * (#/team?unit=…&profile=…), or the page's own query, where tabs saved before units existed
 * carry their profile (index.html?profile=…#/team).
 */
export function teamTabSettingsOf(address: string | undefined): TeamTabSettings {
  if (!address) return {};
  let url: URL;
  try {
    url = new URL(address, 'https://tab.invalid');
  } catch {
    return {};
  }
  const inHash = new URLSearchParams(url.hash.split('?')[1] ?? '');
  const read = (name: string) => inHash.get(name) || url.searchParams.get(name) || undefined;
  const unitId = read('unit');
  const profileId = read('profile');
  return { ...(unitId ? { unitId } : {}), ...(profileId ? { profileId } : {}) };
}
