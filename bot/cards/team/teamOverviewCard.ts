import {
  ActionSet,
  Container,
  Fact,
  FactSet,
  TextBlock,
  type AdaptiveCard,
} from '@microsoft/teams.cards';
import type { TFunction } from 'i18next';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { DialogueType, OrganisationProfile } from '../../../core/profiles/profileSchema';
import type { IsoDateTime } from '../../../core/shared/schemas';
import type { TeamCoverage } from '../../../core/team/coverage';
import type { MeetingNotice } from '../../calendar/dialogueMeetings';
import type { MemberCycleEntry, MemberStatus, NextAction } from '../../team/memberStatus';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { coverageSection } from './coverageSection';
import {
  bookedTime,
  dateInWords,
  dialogueInSentence,
  dialogueName,
  employeeNoticeText,
  shortBookedDay,
  shortBookedTime,
  type EmployeeNotice,
} from './teamText';

/** What the manager just did (or that the card clicked was stale), said above the team. */
export type TeamNotice =
  | {
      kind: 'booked' | 'moved';
      name: string;
      dialogueType: DialogueType;
      scheduledAt: IsoDateTime;
      delivery: EmployeeNotice;
      /** What became of the Outlook meeting; absent when the calendar is off by choice. */
      meeting?: MeetingNotice;
    }
  | {
      kind: 'cancelled';
      name: string;
      dialogueType: DialogueType;
      delivery: EmployeeNotice;
      meeting?: MeetingNotice;
    }
  | { kind: 'held'; name: string; dialogueType: DialogueType }
  | { kind: 'stale' };

export interface TeamOverviewCardData {
  language: Language;
  profile: OrganisationProfile;
  year: number;
  /** The whole team, in the order the card lists it. */
  members: readonly MemberStatus[];
  /** Which page of the team to show (from 1); pages hold TEAM_PAGE_SIZE people. */
  page: number;
  coverage: TeamCoverage;
  notice?: TeamNotice;
  /** Per employee, the effect follow-ups due and not answered; absent means none. */
  unansweredFollowUps?: ReadonlyMap<string, number>;
}

/**
 * People per card. Teams refuses a message over about 28 KB; twenty blocks stay well under
 * it with long names and every dialogue booked, and a bigger team gets pages.
 */
export const TEAM_PAGE_SIZE = 20;

/** The page a member at `index` of the team is on. */
export const teamPageOf = (index: number): number => Math.floor(index / TEAM_PAGE_SIZE) + 1;

/**
 * "mitt team": every direct report in a compact block (this year's dialogues, the plan, and
 * one button for the next step), then the team's coverage. Containers and FactSets only, so
 * Teams on a phone shows it as well as on a desktop.
 */
export function teamOverviewCard(data: TeamOverviewCardData): AdaptiveCard {
  const { language } = data;
  const t = translator(language);
  const pages = Math.max(1, Math.ceil(data.members.length / TEAM_PAGE_SIZE));
  const page = Math.min(Math.max(1, data.page), pages);
  const first = (page - 1) * TEAM_PAGE_SIZE;
  const shown = data.members.slice(first, first + TEAM_PAGE_SIZE);
  const pageButton = (title: string, to: number) =>
    cardButton(title, { verb: 'team.overview', page: to });
  return adaptiveCard(
    [
      new TextBlock(t('team.overview.title'), { style: 'heading', size: 'Large', wrap: true }),
      new TextBlock(t('team.overview.intro', { count: data.members.length, year: data.year }), {
        isSubtle: true,
        wrap: true,
        spacing: 'None',
      }),
      ...(pages > 1
        ? [
            new TextBlock(
              t('team.overview.showing', {
                from: first + 1,
                to: first + shown.length,
                count: data.members.length,
              }),
              { isSubtle: true, wrap: true, spacing: 'None' },
            ),
          ]
        : []),
      ...(data.notice ? [noticeBlock(t, data.notice, data.profile, language)] : []),
      ...shown.map((member) => memberBlock(t, member, data, language)),
      ...coverageSection(language, data.profile, data.coverage),
    ],
    [
      ...(page > 1 ? [pageButton(t('team.actions.previousPage'), page - 1)] : []),
      ...(page < pages ? [pageButton(t('team.actions.nextPage'), page + 1)] : []),
      cardButton(t('team.actions.teamPlan'), { verb: 'runCommand', command: 'teamPlan' }),
      cardButton(t('team.actions.refresh'), { verb: 'team.overview', page }),
      cardButton(t('actions.showHelp'), { verb: 'runCommand', command: 'help' }),
    ],
  );
}

function memberBlock(
  t: TFunction,
  member: MemberStatus,
  list: Pick<TeamOverviewCardData, 'profile' | 'year' | 'unansweredFollowUps'>,
  language: Language,
): Container {
  const next = nextButton(t, member, language);
  const unanswered = list.unansweredFollowUps?.get(member.person.id) ?? 0;
  return new Container(
    new TextBlock(member.person.displayName, { weight: 'Bolder', wrap: true }),
    new FactSet(
      ...member.cycle.map(
        (entry) =>
          new Fact(dialogueName(entry.dialogueType, language), cycleText(t, entry, list, language)),
      ),
      new Fact(t('team.overview.planLabel'), planText(t, member, language)),
      ...(unanswered > 0
        ? [
            new Fact(
              t('reminders.team.label'),
              t('reminders.team.unanswered', { count: unanswered }),
            ),
          ]
        : []),
    ),
    next ?? new TextBlock(t('team.overview.allDone'), { isSubtle: true, wrap: true }),
  ).withOptions({ separator: true });
}

function cycleText(
  t: TFunction,
  entry: MemberCycleEntry,
  { profile, year }: Pick<TeamOverviewCardData, 'profile' | 'year'>,
  language: Language,
): string {
  const at = entry.dialogue?.scheduledAt;
  switch (entry.status) {
    case 'not-planned':
      return t('team.overview.cycle.not-planned');
    case 'held':
      return at
        ? t('team.overview.cycle.heldOn', { date: shortBookedDay(profile, at, language, year) })
        : t('team.overview.cycle.held');
    case 'planned':
    case 'prepared': {
      if (!at) {
        return t(
          entry.status === 'prepared'
            ? 'team.overview.cycle.preparedNotBooked'
            : 'team.overview.cycle.not-planned',
        );
      }
      const time = shortBookedTime(profile, at, language, year);
      if (entry.timePassed) return t('team.overview.cycle.passed', { time });
      return t(`team.overview.cycle.${entry.status}`, { time });
    }
  }
}

function planText(t: TFunction, member: MemberStatus, language: Language): string {
  const current = member.planCurrentUntil
    ? t('team.overview.plan.currentUntil', {
        date: dateInWords(member.planCurrentUntil, language),
      })
    : t('team.overview.plan.none');
  return member.planInProgress
    ? `${current} · ${t(`team.overview.plan.${member.planInProgress}`)}`
    : current;
}

function nextButton(t: TFunction, member: MemberStatus, language: Language): ActionSet | undefined {
  const employeeId = member.person.id;
  const action = (next: Exclude<NextAction, { kind: 'none' }>) => {
    switch (next.kind) {
      case 'markHeld':
        return cardButton(t('team.actions.markHeld'), {
          verb: 'team.markHeld',
          employeeId,
          dialogueTypeId: next.dialogueType.id,
          bookedAt: next.bookedAt,
        });
      case 'continuePlan':
        return cardButton(t('team.actions.continuePlan'), { verb: 'plan.start', employeeId });
      case 'writePlan':
        return cardButton(t('team.actions.writePlan'), { verb: 'plan.start', employeeId });
      case 'book':
      case 'changeBooking':
        return cardButton(
          next.kind === 'book'
            ? t('team.actions.book', { dialogue: dialogueInSentence(next.dialogueType, language) })
            : t('team.actions.changeBooking'),
          { verb: 'team.schedule', employeeId, dialogueTypeId: next.dialogueType.id },
        );
    }
  };
  if (member.next.kind === 'none') return undefined;
  return new ActionSet(action(member.next));
}

/** Meeting notices that leave nothing for the manager to do in Outlook. */
const MEETING_IN_STEP: ReadonlySet<MeetingNotice> = new Set(['created', 'moved', 'cancelled']);

function noticeBlock(
  t: TFunction,
  notice: TeamNotice,
  profile: OrganisationProfile,
  language: Language,
): TextBlock {
  if (notice.kind === 'stale') {
    return new TextBlock(t('team.notice.stale'), {
      wrap: true,
      color: 'Warning',
      weight: 'Bolder',
    });
  }
  const dialogue = dialogueInSentence(notice.dialogueType, language);
  const what =
    notice.kind === 'held'
      ? t('team.notice.held', { dialogue, name: notice.name })
      : notice.kind === 'cancelled'
        ? t('team.notice.cancelled', { dialogue, name: notice.name })
        : t(`team.notice.${notice.kind}`, {
            dialogue,
            name: notice.name,
            time: bookedTime(profile, notice.scheduledAt, language),
          });
  if (notice.kind === 'held') {
    return new TextBlock(what, { wrap: true, color: 'Good', weight: 'Bolder' });
  }
  const told = notice.delivery === 'delivered';
  const meeting = notice.meeting
    ? ` ${t(`team.meeting.notice.${notice.meeting}`, { name: notice.name })}`
    : '';
  const meetingInStep = notice.meeting === undefined || MEETING_IN_STEP.has(notice.meeting);
  return new TextBlock(`${what} ${employeeNoticeText(t, notice.delivery, notice.name)}${meeting}`, {
    wrap: true,
    color: told && meetingInStep ? 'Good' : 'Warning',
    weight: 'Bolder',
  });
}
