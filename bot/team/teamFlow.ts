import { randomUUID } from 'node:crypto';
import type { AdaptiveCard } from '@microsoft/teams.cards';
import { mayActAsManagerOf } from '../../core/access/planAccess';
import {
  bookDialogue,
  cancelDialogue,
  markDialogueHeld,
  scheduledInstant,
  type ScheduleProblem,
} from '../../core/cycle/scheduling';
import type { Dialogue } from '../../core/plan/dialogue';
import type { Person } from '../../core/ports/directory';
import type { DialogueType, OrganisationProfile } from '../../core/profiles/profileSchema';
import { getProfile } from '../../core/profiles/profiles';
import type { IsoDate, IsoDateTime } from '../../core/shared/schemas';
import { teamCoverage } from '../../core/team/coverage';
import { dateAt, yearAt } from '../../core/time/zonedTime';
import {
  meetingAfterBooking,
  meetingAfterCancellation,
  type MeetingParties,
} from '../calendar/dialogueMeetings';
import type { TeamAction } from '../cards/cardActions';
import {
  bookingCard,
  type BookingCardData,
  type BookingProblem,
  type BookingValues,
} from '../cards/team/bookingCard';
import { confirmCancelDialogueCard } from '../cards/team/confirmCancelDialogueCard';
import {
  dialogueBookingNoticeCard,
  dialogueBookingNoticeFallbackText,
  type DialogueBookingNoticeCardData,
} from '../cards/team/dialogueBookingNoticeCard';
import { notManagerCard } from '../cards/team/notManagerCard';
import { notYoursCard } from '../cards/notYoursCard';
import { teamOverviewCard, teamPageOf, type TeamNotice } from '../cards/team/teamOverviewCard';
import type { EmployeeNotice } from '../cards/team/teamText';
import type { Actor, FlowDependencies } from '../flowDependencies';
import { dialogueOfType, memberStatuses } from './memberStatus';
import { loadTeamSnapshot } from './teamSnapshot';

/** One employee's dialogue of one type this year, read for a click of their manager. */
interface BookingContext {
  employee: Person;
  managerName: string;
  profile: OrganisationProfile;
  dialogueType: DialogueType;
  year: number;
  today: IsoDate;
  now: Date;
  /** This year's dialogue of the type that is not cancelled, when there is one. */
  current?: Dialogue;
}

type ActionOn<Verb extends TeamAction['verb']> = Extract<TeamAction, { verb: Verb }>;
/** The verbs about one employee's dialogue of one type. */
type DialogueAction = Exclude<TeamAction, { verb: 'team.overview' }>;

/**
 * "mitt team": the manager's direct reports in this year's dialogue cycle, and booking. Every
 * turn asks the directory whether the clicker is the employee's manager today; a card from
 * anyone else changes nothing and says nothing of whom it was about. Dialogues are
 * scheduling data (the last write wins), so a click is compared with the booking its card
 * showed: one drawn before the dialogue was booked, moved or cancelled changes nothing.
 */
export class TeamFlow {
  private readonly now: () => Date;

  constructor(private readonly deps: FlowDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * "mitt team": the team card for a manager, an explanation for anyone else. After a click
   * on one employee it opens at the page that lists them, with what happened above it.
   */
  async overview(
    actor: Actor,
    options: { page?: number; notice?: TeamNotice; about?: string } = {},
  ): Promise<AdaptiveCard> {
    const snapshot = await loadTeamSnapshot(this.deps, actor.personId);
    if (!snapshot) return notManagerCard({ language: actor.language });
    const index = snapshot.reports.findIndex((report) => report.id === options.about);
    const coverage = teamCoverage({
      profile: snapshot.profile,
      employeeIds: snapshot.reports.map((report) => report.id),
      plans: snapshot.agreedPlans,
      dialogues: snapshot.dialogues,
      year: snapshot.year,
      today: snapshot.today,
    });
    return teamOverviewCard({
      language: actor.language,
      profile: snapshot.profile,
      year: snapshot.year,
      members: memberStatuses(snapshot, this.now()),
      page: index >= 0 ? teamPageOf(index) : (options.page ?? 1),
      coverage,
      ...(options.notice ? { notice: options.notice } : {}),
      ...(snapshot.unansweredFollowUps
        ? { unansweredFollowUps: snapshot.unansweredFollowUps }
        : {}),
    });
  }

  async act(action: TeamAction, actor: Actor): Promise<AdaptiveCard> {
    if (action.verb === 'team.overview') return this.overview(actor, { page: action.page });
    const context = await this.bookingContext(action, actor);
    if (context === 'not-allowed') {
      this.deps.logger.warn({ verb: action.verb }, 'team action from someone not the manager');
      return notYoursCard({ language: actor.language, backTo: 'myTeam' });
    }
    // A dialogue type the profile no longer has: an old card; show the team as it is.
    if (context === 'unknown-type') return this.stale(actor, action.employeeId);

    switch (action.verb) {
      case 'team.schedule':
        return bookingCard(this.bookingCardData(context, actor));
      case 'team.book':
        return this.book(action, context, actor);
      case 'team.cancelDialogue': {
        const booked = bookedAsShown(context, action.bookedAt);
        if (!booked) return this.stale(actor, action.employeeId);
        return confirmCancelDialogueCard({
          language: actor.language,
          profile: context.profile,
          employeeId: context.employee.id,
          employeeName: context.employee.displayName,
          dialogueType: context.dialogueType,
          bookedAt: booked.scheduledAt,
          status: booked.status,
        });
      }
      case 'team.confirmCancel':
        return this.cancel(action, context, actor);
      case 'team.markHeld':
        return this.markHeld(action, context, actor);
    }
  }

  /** A click on a card older than the booking: nothing changes; the team as it is now. */
  private stale(actor: Actor, employeeId: string): Promise<AdaptiveCard> {
    return this.overview(actor, { notice: { kind: 'stale' }, about: employeeId });
  }

  private async book(
    action: ActionOn<'team.book'>,
    context: BookingContext,
    actor: Actor,
  ): Promise<AdaptiveCard> {
    const values = typedValues(action);
    const { current } = context;
    if (!sameInstant(current?.scheduledAt, action.bookedAt) || current?.status === 'held') {
      return bookingCard({ ...this.bookingCardData(context, actor), values, stale: true });
    }
    const errors = missing(values);
    if (errors) return bookingCard({ ...this.bookingCardData(context, actor), values, errors });
    const { timeZone } = context.profile.reminderPolicy;
    const result = scheduledInstant(values.date, values.time, timeZone, context.now);
    if (!result.ok) {
      return bookingCard({
        ...this.bookingCardData(context, actor),
        values,
        errors: { [inputOf(result.problem, values, context.today)]: result.problem },
      });
    }
    if (values.date.slice(0, 4) !== String(context.year)) {
      return bookingCard({
        ...this.bookingCardData(context, actor),
        values,
        errors: { date: 'other-year' },
      });
    }

    const kind = current?.scheduledAt ? 'moved' : 'booked';
    const base: Dialogue = current ?? {
      id: randomUUID(),
      employeeId: context.employee.id,
      profileId: context.profile.id,
      dialogueTypeId: context.dialogueType.id,
      year: context.year,
      status: 'planned',
    };
    // Booked by the employee's manager today, who may not be the one a preparation named.
    const booked = bookDialogue({ ...base, managerId: actor.personId }, result.scheduledAt);
    await this.deps.plans.saveDialogue(booked);
    const meeting = await meetingAfterBooking(
      this.deps,
      { ...booked, scheduledAt: result.scheduledAt },
      meetingParties(context, actor),
    );
    const delivery = await this.tellEmployee(context, actor, kind, result.scheduledAt);
    this.deps.logger.info({ kind, delivery, meeting }, 'dialogue booked');
    return this.overview(actor, {
      about: context.employee.id,
      notice: {
        kind,
        name: context.employee.displayName,
        dialogueType: context.dialogueType,
        scheduledAt: result.scheduledAt,
        delivery,
        ...(meeting ? { meeting } : {}),
      },
    });
  }

  /**
   * A planned dialogue is cancelled. A prepared one only loses its time: the employee's
   * preparation belongs to it, and the next booking should find it again.
   */
  private async cancel(
    action: ActionOn<'team.confirmCancel'>,
    context: BookingContext,
    actor: Actor,
  ): Promise<AdaptiveCard> {
    const booked = bookedAsShown(context, action.bookedAt);
    if (!booked) return this.stale(actor, action.employeeId);
    const { scheduledAt, ...unbooked } = { ...booked, managerId: actor.personId };
    const cancelled =
      booked.status === 'prepared' ? unbooked : cancelDialogue({ ...unbooked, scheduledAt });
    await this.deps.plans.saveDialogue(cancelled);
    const meeting = await meetingAfterCancellation(
      this.deps,
      cancelled,
      meetingParties(context, actor),
    );
    const delivery = await this.tellEmployee(context, actor, 'cancelled', scheduledAt);
    this.deps.logger.info({ delivery, meeting }, 'dialogue cancelled');
    return this.overview(actor, {
      about: context.employee.id,
      notice: {
        kind: 'cancelled',
        name: context.employee.displayName,
        dialogueType: context.dialogueType,
        delivery,
        ...(meeting ? { meeting } : {}),
      },
    });
  }

  private async markHeld(
    action: ActionOn<'team.markHeld'>,
    context: BookingContext,
    actor: Actor,
  ): Promise<AdaptiveCard> {
    const booked = bookedAsShown(context, action.bookedAt);
    if (!booked || Date.parse(booked.scheduledAt) > context.now.getTime()) {
      return this.stale(actor, action.employeeId);
    }
    await this.deps.plans.saveDialogue(markDialogueHeld({ ...booked, managerId: actor.personId }));
    this.deps.logger.info('dialogue marked held');
    return this.overview(actor, {
      about: context.employee.id,
      notice: {
        kind: 'held',
        name: context.employee.displayName,
        dialogueType: context.dialogueType,
      },
    });
  }

  /**
   * The employee and their dialogue of the clicked type, if the actor is their manager as
   * the directory says now. The profile is the manager's, as "mitt team" shows it.
   */
  private async bookingContext(
    action: DialogueAction,
    actor: Actor,
  ): Promise<BookingContext | 'not-allowed' | 'unknown-type'> {
    const [employee, manager] = await Promise.all([
      this.deps.directory.findPerson(action.employeeId),
      this.deps.directory.findPerson(actor.personId),
    ]);
    if (!employee || !mayActAsManagerOf(actor.personId, employee)) return 'not-allowed';
    const profile = getProfile(manager?.profileId ?? this.deps.defaultProfileId);
    const dialogueType = profile.dialogueCycle.find((type) => type.id === action.dialogueTypeId);
    if (!dialogueType) return 'unknown-type';
    const now = this.now();
    const { timeZone } = profile.reminderPolicy;
    const year = yearAt(now, timeZone);
    const dialogues = await this.deps.plans.listDialoguesForEmployee(employee.id);
    const current = dialogueOfType({ profile, year }, dialogues, dialogueType.id);
    return {
      employee,
      managerName: manager?.displayName ?? '',
      profile,
      dialogueType,
      year,
      today: dateAt(now, timeZone),
      now,
      ...(current ? { current } : {}),
    };
  }

  private bookingCardData(context: BookingContext, actor: Actor): BookingCardData {
    return {
      language: actor.language,
      profile: context.profile,
      employeeId: context.employee.id,
      employeeName: context.employee.displayName,
      dialogueType: context.dialogueType,
      year: context.year,
      today: context.today,
      ...(context.current ? { current: context.current } : {}),
    };
  }

  /** A failed message must not undo the booking: the manager is told to tell them instead. */
  private async tellEmployee(
    context: BookingContext,
    actor: Actor,
    kind: DialogueBookingNoticeCardData['kind'],
    scheduledAt: IsoDateTime,
  ): Promise<EmployeeNotice> {
    // The employee's language is not known here; the manager's is the organisation's best guess.
    const data: DialogueBookingNoticeCardData = {
      language: actor.language,
      profile: context.profile,
      kind,
      managerName: context.managerName,
      dialogueType: context.dialogueType,
      scheduledAt,
    };
    try {
      const result = await this.deps.messenger.sendToPerson(context.employee.id, {
        card: dialogueBookingNoticeCard(data),
        fallbackText: dialogueBookingNoticeFallbackText(data),
      });
      return result.status;
    } catch (error) {
      this.deps.logger.error({ err: error }, 'telling the employee of a booking failed');
      return 'unreachable';
    }
  }
}

/** The manager booking now organises the Outlook meeting, in their own language. */
function meetingParties(context: BookingContext, actor: Actor): MeetingParties {
  return {
    employee: context.employee,
    manager: { id: actor.personId, displayName: context.managerName },
    dialogueType: context.dialogueType,
    language: actor.language,
  };
}

/** The dialogue still booked at the time the card showed, and not yet held; else stale. */
function bookedAsShown(
  context: BookingContext,
  shownAt: IsoDateTime | undefined,
): (Dialogue & { scheduledAt: IsoDateTime }) | undefined {
  const { current } = context;
  if (!current?.scheduledAt || current.status === 'held' || current.status === 'cancelled') {
    return undefined;
  }
  if (!sameInstant(current.scheduledAt, shownAt)) return undefined;
  return { ...current, scheduledAt: current.scheduledAt };
}

/** Two booked times are the same instant (however the offset was written), or both absent. */
function sameInstant(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Date.parse(a) === Date.parse(b);
}

/** The date and time as typed, trimmed; seconds a client may add to a whole minute dropped. */
function typedValues(action: Record<string, unknown>): BookingValues {
  const read = (key: string) => {
    const value = action[key];
    return typeof value === 'string' ? value.trim().slice(0, 40) : '';
  };
  return { date: read('date'), time: read('time').replace(/^(\d{2}:\d{2}):00$/, '$1') };
}

function missing(values: BookingValues): BookingCardData['errors'] | undefined {
  const errors: Partial<Record<keyof BookingValues, BookingProblem>> = {};
  if (!values.date) errors.date = 'required';
  if (!values.time) errors.time = 'required';
  return Object.keys(errors).length > 0 ? errors : undefined;
}

/** The input a refused booking is said next to. */
function inputOf(problem: ScheduleProblem, values: BookingValues, today: IsoDate) {
  if (problem === 'invalid-date') return 'date';
  if (problem === 'in-the-past' && values.date < today) return 'date';
  return 'time';
}
