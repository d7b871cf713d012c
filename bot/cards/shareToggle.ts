import { ToggleInput } from '@microsoft/teams.cards';
import type { Visibility } from '../../core/plan/reflection';

/**
 * "Dela med min chef": the switch that decides whether the manager may see an answer. Off
 * unless the person turns it on, so nothing is shared by accident.
 */
export function shareToggle(
  label: string,
  id: string,
  visibility: Visibility = 'private',
): ToggleInput {
  return new ToggleInput(label, {
    id,
    value: visibility,
    valueOn: 'shared-with-manager',
    valueOff: 'private',
    wrap: true,
  });
}
