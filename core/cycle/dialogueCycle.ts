import type { Dialogue } from '../plan/dialogue';
import type { DialogueType, OrganisationProfile } from '../profiles/profileSchema';

/** Where one dialogue of the year's cycle stands for one employee. */
export type CycleStatus = 'not-planned' | 'planned' | 'prepared' | 'held';

export interface CycleEntry {
  dialogueType: DialogueType;
  status: CycleStatus;
  /** The dialogue behind the status; absent when none is planned. */
  dialogue?: Dialogue;
}

const progress: Record<Exclude<CycleStatus, 'not-planned'>, number> = {
  planned: 1,
  prepared: 2,
  held: 3,
};

/**
 * The employee's year in the profile's cycle (VGR: utvecklingssamtal and uppföljning;
 * Västerbotten: medarbetarsamtal, prestationssamtal, lönesamtal), in the cycle's order.
 * Cancelled dialogues do not count; of several for one type, the furthest along wins.
 */
export function dialogueCycle(
  profile: OrganisationProfile,
  dialogues: readonly Dialogue[],
  year: number,
): CycleEntry[] {
  return [...profile.dialogueCycle]
    .sort((a, b) => a.order - b.order)
    .map((dialogueType) => {
      const candidates = dialogues.filter(
        (dialogue) =>
          dialogue.dialogueTypeId === dialogueType.id &&
          dialogue.year === year &&
          dialogue.status !== 'cancelled',
      );
      const best = candidates.sort(
        (a, b) =>
          progress[b.status as keyof typeof progress] - progress[a.status as keyof typeof progress],
      )[0];
      return best
        ? { dialogueType, status: best.status as CycleStatus, dialogue: best }
        : { dialogueType, status: 'not-planned' };
    });
}
