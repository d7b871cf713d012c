import {
  DateInput,
  TextBlock,
  TimeInput,
  type AdaptiveCard,
  type CardElement,
} from '@microsoft/teams.cards';
import { localDateAndTime, type ScheduleProblem } from '../../../core/cycle/scheduling';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { Dialogue } from '../../../core/plan/dialogue';
import type { DialogueType, OrganisationProfile } from '../../../core/profiles/profileSchema';
import type { IsoDate } from '../../../core/shared/schemas';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { bookedTime, dialogueInSentence, dialogueName } from './teamText';

/** The input ids of the booking card, as the click sends them. */
export const BOOKING_INPUTS = { date: 'date', time: 'time' } as const;

/**
 * Why a typed date or time was refused; each is said next to its input. `other-year`: the
 * card books this year's dialogue, which the year's cycle and coverage count.
 */
export type BookingProblem = 'required' | 'other-year' | ScheduleProblem;

export interface BookingValues {
  date: string;
  time: string;
}

export interface BookingCardData {
  language: Language;
  profile: OrganisationProfile;
  employeeId: string;
  employeeName: string;
  dialogueType: DialogueType;
  /** This year's dialogue of the type, when there is one (booked, prepared or held). */
  current?: Dialogue;
  /** The year of the cycle: the dialogue is this year's. */
  year: number;
  /** Today in the profile's zone: the earliest day the date picker offers. */
  today: IsoDate;
  /** What the manager typed, kept when it was refused; else the booked time, if any. */
  values?: BookingValues;
  errors?: Partial<Record<keyof BookingValues, BookingProblem>>;
  /** The booking changed after the card the manager clicked was drawn. */
  stale?: boolean;
}

/** Booking or moving one dialogue: a date and a time in Swedish time, checked by the service. */
export function bookingCard(data: BookingCardData): AdaptiveCard {
  const { language, profile, current } = data;
  const t = translator(language);
  const errors = data.errors ?? {};
  const bookedAt = current?.scheduledAt;
  const held = current?.status === 'held';
  const dialogue = dialogueInSentence(data.dialogueType, language);
  const values =
    data.values ??
    (bookedAt ? localDateAndTime(bookedAt, profile.reminderPolicy.timeZone) : undefined);

  const errorFor = (input: keyof BookingValues): CardElement[] => {
    const problem = errors[input];
    return problem
      ? [
          new TextBlock(t(`team.booking.errors.${problem}`, { year: data.year }), {
            wrap: true,
            color: 'Attention',
            size: 'Small',
            spacing: 'Small',
          }),
        ]
      : [];
  };
  const about = { employeeId: data.employeeId, dialogueTypeId: data.dialogueType.id };
  const shown = bookedAt ? { bookedAt } : {};

  return adaptiveCard(
    [
      new TextBlock(
        held
          ? dialogueName(data.dialogueType, language)
          : t(bookedAt ? 'team.booking.moveTitle' : 'team.booking.bookTitle', { dialogue }),
        { style: 'heading', size: 'Large', wrap: true },
      ),
      new TextBlock(t('team.booking.with', { name: data.employeeName }), {
        weight: 'Bolder',
        wrap: true,
        spacing: 'None',
      }),
      ...(data.stale ? [warning(t('team.booking.stale'))] : []),
      ...(Object.keys(errors).length > 0 ? [warning(t('team.booking.fixBelow'))] : []),
      ...(bookedAt
        ? [
            new TextBlock(
              t(held ? 'team.booking.heldAt' : 'team.booking.current', {
                time: bookedTime(profile, bookedAt, language),
              }),
              { wrap: true },
            ),
          ]
        : []),
      ...(current?.status === 'prepared'
        ? [new TextBlock(t('team.booking.prepared', { name: data.employeeName }), { wrap: true })]
        : []),
      ...(held
        ? [new TextBlock(t('team.booking.held'), { wrap: true })]
        : [
            new TextBlock(t('team.booking.hint', { name: data.employeeName }), {
              wrap: true,
              isSubtle: true,
            }),
            new DateInput({
              id: BOOKING_INPUTS.date,
              label: t('team.booking.date'),
              min: data.today,
              max: `${data.year}-12-31`,
              isRequired: true,
              errorMessage: t('team.booking.errors.required'),
              ...(values?.date ? { value: values.date } : {}),
            }),
            ...errorFor('date'),
            new TimeInput({
              id: BOOKING_INPUTS.time,
              label: t('team.booking.time'),
              isRequired: true,
              errorMessage: t('team.booking.errors.required'),
              ...(values?.time ? { value: values.time } : {}),
            }),
            ...errorFor('time'),
          ]),
    ],
    [
      ...(held
        ? []
        : [
            cardButton(
              t(bookedAt ? 'team.actions.confirmMove' : 'team.actions.confirmBook'),
              { verb: 'team.book', ...about, ...shown },
              { style: 'positive' },
            ),
          ]),
      ...(bookedAt && !held
        ? [
            cardButton(
              t('team.actions.cancelBooking'),
              { verb: 'team.cancelDialogue', ...about, bookedAt },
              { sendsInputs: false, style: 'destructive' },
            ),
          ]
        : []),
      cardButton(
        t('team.actions.backToTeam'),
        { verb: 'runCommand', command: 'myTeam' },
        { sendsInputs: false },
      ),
      cardButton(
        t('actions.showHelp'),
        { verb: 'runCommand', command: 'help' },
        { sendsInputs: false },
      ),
    ],
  );
}

const warning = (text: string) =>
  new TextBlock(text, { wrap: true, color: 'Warning', weight: 'Bolder' });
