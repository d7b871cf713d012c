import type { AdaptiveCard } from '@microsoft/teams.cards';
import { dialogueCycle } from '../../core/cycle/dialogueCycle';
import type { Language } from '../../core/i18n/i18n';
import type { Dialogue } from '../../core/plan/dialogue';
import type { IndividualPlan } from '../../core/plan/individualPlan';
import {
  isAtQuestionStep,
  markSent,
  startPreparation,
  submitStep,
  toDialoguePreparation,
} from '../../core/preparation/preparation';
import type { PreparationDraft } from '../../core/preparation/draft';
import type { PreparationContext } from '../../core/preparation/template';
import { getProfile } from '../../core/profiles/profiles';
import { myPlanCard } from '../../bot/cards/myPlanCard';
import { confirmCancelPreparationCard } from '../../bot/cards/preparation/confirmCancelPreparationCard';
import { managerPreparationCard } from '../../bot/cards/preparation/managerPreparationCard';
import { personalChatOnlyCard } from '../../bot/cards/preparation/personalChatOnlyCard';
import { preparationClosedCard } from '../../bot/cards/preparation/preparationClosedCard';
import { preparationSavedCard } from '../../bot/cards/preparation/preparationSavedCard';
import { preparationSentCard } from '../../bot/cards/preparation/preparationSentCard';
import { preparationStepCard } from '../../bot/cards/preparation/preparationStepCard';
import { preparationSummaryCard } from '../../bot/cards/preparation/preparationSummaryCard';
import { resumePreparationCard } from '../../bot/cards/preparation/resumePreparationCard';

/** Markup a unit goal or an answer might hold; cards must show it as text. */
export const INJECTION = '**fet** [klicka](https://evil.example) <b>x</b>';

const NOW = '2026-03-02T09:00:00+01:00';
const URL = 'https://teams.microsoft.com/l/entity/x/min-utvecklingsplan';
export const CONTEXT: PreparationContext = {
  profile: getProfile('vgr'),
  unitGoals: [{ id: 'goal-1', text: INJECTION }],
};

const ANSWERS: Record<string, Record<string, string>> = {
  'current-situation': { 'role-today': INJECTION },
  'world-and-goals': { 'world-changes': 'Ny miljö', 'supported-unit-goals': 'goal-1' },
  'development-needs': { 'priority-areas': 'sakerhet-och-beredskap', 'own-needs': 'Säkerhet' },
  'ways-of-learning': { 'learning-forms': 'auskultation', courses: 'disa' },
  principles: {
    'reflection-inclusive': 'a',
    'reflection-activating': 'b',
    'reflection-motivating': 'c',
    'reflection-sustainable': 'd',
  },
};

/** The drafts of one walk through the preparation, one per step, valid answers throughout. */
export function draftsOfAWalk(): PreparationDraft[] {
  let draft = startPreparation({
    id: 'draft-1',
    employeeId: 'employee-1',
    profile: CONTEXT.profile,
    year: 2026,
    now: NOW,
  });
  const drafts = [draft];
  while (isAtQuestionStep(draft)) {
    const result = submitStep(draft, ANSWERS[draft.step] ?? {}, CONTEXT, NOW);
    if (result.outcome !== 'advanced') throw new Error(JSON.stringify(result.errors));
    draft = result.draft;
    drafts.push(draft);
  }
  return drafts;
}

const plan: IndividualPlan = {
  id: 'plan-1',
  employeeId: 'employee-1',
  managerId: 'manager-1',
  profileId: 'vgr',
  year: 2026,
  status: 'agreed',
  version: 1,
  goals: [{ id: 'goal-1', text: INJECTION, priorityAreaIds: [] }],
  activities: [],
  followUpDate: '2026-09-01',
  agreedBy: 'manager-1',
  agreedAt: NOW,
  createdAt: NOW,
  updatedAt: NOW,
};

/** Every card of the preparation, in one language, named for the test tables. */
export function preparationCards(language: Language): [string, AdaptiveCard][] {
  const drafts = draftsOfAWalk();
  const summary = drafts.at(-1) as PreparationDraft;
  const sent = toDialoguePreparation(
    markSent(summary, {}, NOW) ?? summary,
    { id: 'prep-1', dialogueId: 'dialogue-1' },
    NOW,
  );
  const step1 = drafts[0];
  if (!step1 || !isAtQuestionStep(step1)) throw new Error('no first step');
  const context = CONTEXT;
  const name = (card: string) => `${card} ${language}`;
  return [
    ...drafts
      .filter(isAtQuestionStep)
      .map(
        (draft) =>
          [name(`step ${draft.step}`), preparationStepCard({ language, context, draft })] as [
            string,
            AdaptiveCard,
          ],
      ),
    [
      name('step with errors, stale'),
      preparationStepCard({
        language,
        context,
        draft: step1,
        stale: true,
        values: { 'role-today': 'x'.repeat(501) },
        errors: { 'role-today': { key: 'preparation.errors.tooLong', max: 500 } },
      }),
    ],
    [
      name('summary'),
      preparationSummaryCard({ language, context, draft: summary, managerName: 'Karin' }),
    ],
    [
      name('summary without a manager'),
      preparationSummaryCard({ language, context, draft: summary }),
    ],
    [name('resume'), resumePreparationCard({ language, draft: summary })],
    [name('confirm cancel'), confirmCancelPreparationCard({ language, draft: summary })],
    ...(['cancelled', 'stale-sent', 'stale-cancelled'] as const).map(
      (reason) =>
        [name(`closed ${reason}`), preparationClosedCard({ language, reason })] as [
          string,
          AdaptiveCard,
        ],
    ),
    [name('saved'), preparationSavedCard({ language, draft: summary })],
    ...(['delivered', 'not-installed', 'unreachable', 'no-manager'] as const).map(
      (notice) =>
        [
          name(`sent ${notice}`),
          preparationSentCard({
            language,
            context,
            preparation: sent,
            notice,
            managerName: 'Karin',
            myPlanUrl: URL,
          }),
        ] as [string, AdaptiveCard],
    ),
    [
      name('manager'),
      managerPreparationCard({ language, context, employeeName: 'Anna', preparation: sent }),
    ],
    [name('personal chat only'), personalChatOnlyCard({ language, appUrl: URL })],
    [
      name('my plan, empty'),
      myPlanCard({
        language,
        context,
        year: 2026,
        cycle: dialogueCycle(context.profile, [], 2026),
        myPlanUrl: URL,
      }),
    ],
    [
      name('my plan, full'),
      myPlanCard({
        language,
        context,
        year: 2026,
        draft: step1,
        sent,
        plan,
        cycle: dialogueCycle(context.profile, [BOOKED_DIALOGUE], 2026),
        myPlanUrl: URL,
      }),
    ],
  ];
}

/** This year's plan-writing dialogue, booked for a December morning in Stockholm. */
const BOOKED_DIALOGUE: Dialogue = {
  id: '00000000-0000-4000-9000-000000000301',
  employeeId: '00000000-0000-4000-8000-000000000011',
  managerId: '00000000-0000-4000-8000-000000000001',
  profileId: 'vgr',
  dialogueTypeId: getProfile('vgr').dialogueCycle[0]?.id ?? 'utvecklingssamtal',
  year: 2026,
  scheduledAt: '2026-12-08T09:30:00+01:00',
  status: 'planned',
};
