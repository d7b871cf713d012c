import { PreparationDraftSchema, type PreparationDraft } from '../../core/preparation/draft';
import {
  answeredQuestions,
  changeStatus,
  goBack,
  isAtQuestionStep,
  markSent,
  sharedAnswers,
  skipStep,
  startPreparation,
  submitStep,
  toDialoguePreparation,
  type QuestionStepDraft,
} from '../../core/preparation/preparation';
import {
  PREPARATION_STEPS,
  resolveQuestions,
  type PreparationContext,
  type QuestionStepId,
} from '../../core/preparation/template';
import { DialoguePreparationSchema, getProfile } from '../../core';

const EMPLOYEE = '00000000-0000-4000-8000-000000000011';
const MANAGER = '00000000-0000-4000-8000-000000000001';
const NOW = '2026-03-02T09:00:00+01:00';
const vgr = getProfile('vgr');
const context: PreparationContext = { profile: vgr, unitGoals: [] };

const start = (overrides: { year?: number; employeeId?: string; profile?: string } = {}) =>
  startPreparation({
    id: 'draft-1',
    employeeId: overrides.employeeId ?? EMPLOYEE,
    managerId: MANAGER,
    profile: getProfile(overrides.profile ?? 'vgr'),
    year: overrides.year ?? 2026,
    now: NOW,
  });

const VALID: Record<QuestionStepId, Record<string, string>> = {
  'current-situation': { 'role-today': 'Sjuksköterska', strengths: 'Lugn' },
  'world-and-goals': { 'world-changes': 'Ny vårdinformationsmiljö' },
  'development-needs': {
    'priority-areas': 'artificiell-intelligens',
    'own-needs': 'AI i journalen',
  },
  'ways-of-learning': { 'learning-forms': 'auskultation', courses: 'starta-din-ai-resa' },
  principles: {
    'reflection-inclusive': 'Genom att göra',
    'reflection-activating': 'Med Sara',
    'reflection-motivating': 'Patientsäkerhet',
    'reflection-sustainable': 'Orka länge',
  },
};

function atStep(draft: PreparationDraft): QuestionStepDraft {
  if (!isAtQuestionStep(draft)) throw new Error(`The draft is at ${draft.step}`);
  return draft;
}

/** Submits valid answers until the draft stands at `step`. */
function walkTo(step: PreparationDraft['step'], ctx: PreparationContext = context) {
  let draft = start();
  while (draft.step !== step) {
    const result = submitStep(atStep(draft), VALID[atStep(draft).step], ctx, NOW);
    if (result.outcome !== 'advanced') throw new Error(JSON.stringify(result.errors));
    draft = result.draft;
  }
  return draft;
}

describe('starting a preparation', () => {
  it('when VGR employee starts, then the draft is at step 1, revision 1, for the plan-writing medarbetarsamtal, and valid', () => {
    const draft = start();
    expect(draft).toMatchObject({
      step: 'current-situation',
      revision: 1,
      status: 'in-progress',
      dialogueTypeId: 'medarbetarsamtal',
    });
    expect(PreparationDraftSchema.parse(draft)).toEqual(draft);
  });

  it('when the same person starts twice in a year, then the reflection prompts are the same; other years and people get others', () => {
    expect(start().promptIds).toEqual(start().promptIds);
    const variants = new Set(
      [2026, 2027, 2028, 2029].flatMap((year) =>
        ['a-1', 'b-2', 'c-3'].map((employeeId) =>
          JSON.stringify(start({ year, employeeId }).promptIds),
        ),
      ),
    );
    expect(variants.size).toBeGreaterThan(1);
  });

  it('when a Västerbotten employee starts, then their own profile decides the dialogue and prompts', () => {
    const draft = start({ profile: 'vasterbotten' });
    expect(draft.profileId).toBe('vasterbotten');
    expect(draft.dialogueTypeId).toBe('medarbetarsamtal');
  });
});

describe('submitting a step', () => {
  const required = PREPARATION_STEPS.flatMap((step) =>
    step.questions.filter((q) => q.required).map((q) => [step.id, q.id] as const),
  );

  it.each(required)(
    'when step %s is sent without "%s", then it is refused with "required"',
    (step, field) => {
      const draft = atStep(walkTo(step));
      const result = submitStep(draft, { ...VALID[step], [field]: '  ' }, context, NOW);
      expect(result).toMatchObject({
        outcome: 'invalid',
        errors: { [field]: { key: 'preparation.errors.required' } },
      });
    },
  );

  it.each(
    PREPARATION_STEPS.flatMap((step) =>
      step.questions
        .filter((q) => q.kind === 'text')
        .map((q) => [step.id, q.id, q.maxLength ?? 0] as const),
    ),
  )(
    'when step %s gets a "%s" longer than %i characters, then it is refused with the limit',
    (step, field, max) => {
      const draft = atStep(walkTo(step));
      const result = submitStep(
        draft,
        { ...VALID[step], [field]: 'å'.repeat(max + 1) },
        context,
        NOW,
      );
      expect(result).toMatchObject({
        outcome: 'invalid',
        errors: { [field]: { key: 'preparation.errors.tooLong', max } },
        values: { [field]: 'å'.repeat(max + 1) },
      });
    },
  );

  it('when a text is exactly at the limit, surrounded by spaces, then it is accepted and stored trimmed', () => {
    const result = submitStep(
      start() as QuestionStepDraft,
      { 'role-today': ` ${'a'.repeat(500)} ` },
      context,
      NOW,
    );
    expect(result.outcome).toBe('advanced');
    if (result.outcome === 'advanced')
      expect(result.draft.answers['role-today']).toBe('a'.repeat(500));
  });

  it('when a step is accepted, then the next step follows, the revision rises by one and empty optional answers are not kept', () => {
    const result = submitStep(
      atStep(start()),
      { 'role-today': 'Sjuksköterska', 'going-well': ' ' },
      context,
      NOW,
    );
    expect(result.outcome).toBe('advanced');
    if (result.outcome !== 'advanced') return;
    expect(result.draft).toMatchObject({ step: 'world-and-goals', revision: 2 });
    expect(result.draft.answers).toEqual({ 'role-today': 'Sjuksköterska' });
  });

  it('when a choice is not among the offered ones, then it is refused', () => {
    const draft = atStep(walkTo('development-needs'));
    const result = submitStep(
      draft,
      { ...VALID['development-needs'], 'priority-areas': 'digitalisering,nope' },
      context,
      NOW,
    );
    expect(result).toMatchObject({
      errors: { 'priority-areas': { key: 'preparation.errors.unknownChoice' } },
    });
  });
});

describe('what step 2 and step 4 offer', () => {
  it('when the manager has written no team plan, then step 2 asks in free text only', () => {
    const ids = resolveQuestions('world-and-goals', context, start()).map((q) => q.id);
    expect(ids).toEqual(['world-changes', 'unit-goals-own-words']);
  });

  it('when the team plan has goals, then step 2 offers them to choose from', () => {
    const withGoals = { ...context, unitGoals: [{ id: 'g-1', text: 'Kortare väntetider' }] };
    const goals = resolveQuestions('world-and-goals', withGoals, start()).find(
      (q) => q.id === 'supported-unit-goals',
    );
    expect(goals?.choices).toEqual([
      { id: 'g-1', label: { sv: 'Kortare väntetider', en: 'Kortare väntetider' }, userText: true },
    ]);
  });

  it('when step 4 is shown, then everyday forms come first and courses only in the chosen areas, mandatory ones first and flagged', () => {
    const draft = walkTo('ways-of-learning');
    const [forms, courses] = resolveQuestions('ways-of-learning', context, {
      ...draft,
      answers: {
        ...draft.answers,
        'priority-areas': ['sakerhet-och-beredskap', 'artificiell-intelligens'],
      },
    });
    const kinds = forms?.choices?.map((c) => vgr.formsOfLearning.find((f) => f.id === c.id)?.kind);
    expect(kinds?.slice(0, 8).every((kind) => kind === 'everyday')).toBe(true);
    expect(kinds?.at(-1)).toBe('course');
    expect(courses?.choices?.[0]).toMatchObject({ id: expect.any(String), mandatory: true });
    expect(courses?.choices?.map((c) => c.id)).toContain('disa');
    expect(courses?.choices?.map((c) => c.id)).not.toContain('digit-vgr');
  });

  it('when no offer matches the chosen areas (Västerbotten has no catalogue yet), then step 4 leaves the course question out', () => {
    const ids = resolveQuestions(
      'ways-of-learning',
      { ...context, profile: getProfile('vasterbotten') },
      start(),
    ).map((q) => q.id);
    expect(ids).toEqual(['learning-forms', 'learning-conditions']);
  });
});

describe('back, skip and status', () => {
  it('when the employee goes back, then the previous step shows and the answers stay', () => {
    const draft = walkTo('development-needs');
    const back = goBack(draft, NOW);
    expect(back).toMatchObject({ step: 'world-and-goals', revision: draft.revision + 1 });
    expect(back?.answers).toEqual(draft.answers);
  });

  it('when the employee is on step 1, then there is no going back', () => {
    expect(goBack(start(), NOW)).toBeUndefined();
  });

  it.each(PREPARATION_STEPS.map((step) => [step.id, step.skippable] as const))(
    'when the employee skips step %s, then skipping is allowed: %s',
    (step, allowed) => {
      const skipped = skipStep(walkTo(step), NOW);
      expect(skipped !== undefined).toBe(allowed);
    },
  );

  it('when a step answered earlier is skipped on a second pass, then its answers are dropped and it counts as skipped', () => {
    const draft = goBack(walkTo('development-needs'), NOW);
    const skipped = draft && skipStep(draft, NOW);
    expect(skipped?.answers['world-changes']).toBeUndefined();
    expect(skipped?.skippedStepIds).toEqual(['world-and-goals']);
  });

  it('when the summary is not reached yet, then the draft cannot be marked sent', () => {
    expect(markSent(walkTo('principles'), {}, NOW)).toBeUndefined();
  });

  it('when a draft is cancelled, then its status changes and the revision rises', () => {
    expect(changeStatus(start(), 'cancelled', NOW)).toMatchObject({
      status: 'cancelled',
      revision: 2,
    });
  });
});

describe('the stored preparation', () => {
  it('when sent with the defaults, then reflections are private and the rest is shared', () => {
    const sent = markSent(walkTo('summary'), {}, NOW);
    const byVisibility = Object.fromEntries(
      answeredQuestions(sent ?? start()).map((a) => [a.question.id, a.visibility]),
    );
    expect(byVisibility).toMatchObject({
      'role-today': 'shared-with-manager',
      'priority-areas': 'shared-with-manager',
      'reflection-inclusive': 'private',
      'reflection-sustainable': 'private',
    });
  });

  it("when the employee changes what is shared, then the manager's view has exactly the shared answers", () => {
    const summary = walkTo('summary');
    const sent = markSent(
      summary,
      {
        strengths: 'private',
        'reflection-motivating': 'shared-with-manager',
        'not-answered': 'shared-with-manager',
      },
      NOW,
    );
    expect(sent).toMatchObject({ status: 'sent', revision: summary.revision + 1 });
    const preparation = DialoguePreparationSchema.parse(
      toDialoguePreparation(sent ?? summary, { id: 'prep-1', dialogueId: 'dialogue-1' }, NOW),
    );
    const shared = sharedAnswers(preparation).map((a) => a.questionId);
    expect(shared).toContain('reflection-motivating');
    expect(shared).not.toContain('strengths');
    expect(shared).not.toContain('reflection-inclusive');
    expect(
      preparation.answers.find((a) => a.questionId === 'reflection-motivating')?.promptId,
    ).toBe(summary.promptIds.motivating);
    expect(preparation.answers.find((a) => a.questionId === 'priority-areas')?.choiceIds).toEqual([
      'artificiell-intelligens',
    ]);
  });
});
