import { useServiceWithConnector } from '../support/serviceWithConnector';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import en from '../../core/i18n/locales/en.json';
import sv from '../../core/i18n/locales/sv.json';
import { stepDefinition } from '../../core/preparation/template';
import { openDatabase } from '../../bot/storage/openDatabase';
import { SqlPlanStore } from '../../bot/storage/sqlPlanStore';
import { SqlPreparationDraftStore } from '../../bot/storage/sqlPreparationDraftStore';
import { RecordingMessenger } from '../fakes/recordingMessenger';
import { startTestService } from '../support/inProcessService';
import { FakeBotConnector } from '../fakes/botConnector';
import {
  PersonalChat,
  PREPARATION_STEPS,
  VALID_ANSWERS,
  cardInputs,
  cardTexts,
  headingOf,
  invokeCard,
  type CardJson,
} from '../support/personalChat';
import { KARIN, installationAdded } from '../support/teamsActivities';
import demoOrganisation from '../../bot/demo/demoOrganisation.json';

const [anna, erik, fatima, lars, sofia] = demoOrganisation.employees;
if (!anna || !erik || !fatima || !lars || !sofia) throw new Error('The demo has five employees');

const fill = (text: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce(
    (out, [key, value]) => out.replace(`{{${key}}}`, String(value)),
    text,
  );
const heading = (step: keyof typeof sv.preparation.steps, number: number, texts = sv) =>
  fill(texts.preparation.stepHeading, {
    number,
    count: 6,
    title: texts.preparation.steps[step].title,
  });

const messenger = new RecordingMessenger();

const running = useServiceWithConnector({}, { messenger });

beforeEach(() => {
  running.connector.clear();
  messenger.clear();
});

/** A chat with someone the directory does not know: VGR's profile, no manager. */
const newChat = (options: ConstructorParameters<typeof PersonalChat>[2] = {}) =>
  new PersonalChat(() => running.service, running.connector, options);

/** Starts a preparation and answers the steps before `until` with valid answers. */
async function walkTo(chat: PersonalChat, until: number): Promise<CardJson> {
  let card = await chat.say('förbered mitt samtal');
  for (const [step, button] of PREPARATION_STEPS.slice(0, until - 1)) {
    card = await chat.click(card, button, VALID_ANSWERS[step]);
  }
  return card;
}

describe('starting a preparation', () => {
  it.each([['förbered mitt samtal'], ['prepare'], ['medarbetarsamtal']])(
    'when the employee writes "%s" in the personal chat, then step 1 of 6 opens with labelled inputs that state their limits',
    async (text) => {
      const card = await newChat().say(text);
      expect(headingOf(card)).toBe(heading('current-situation', 1));
      const role = cardInputs(card).get('role-today');
      expect(role).toMatchObject({ maxLength: 500 });
      // Said in the label and checked by the service, so back and save can send a half-done step.
      expect(role?.isRequired).not.toBe(true);
      expect(role?.label).toBe('Min roll i dag (obligatoriskt, högst 500 tecken)');
      expect(cardInputs(card).get('going-well')?.label).toBe(
        'Det här går bra i mitt arbete (frivilligt, högst 2000 tecken)',
      );
    },
  );

  it('when the employee presses "Förbered mitt samtal" on the help card, then step 1 opens', async () => {
    const chat = newChat();
    const help = await chat.say('hjälp');
    expect(headingOf(await chat.click(help, sv.actions.prepare))).toBe(
      heading('current-situation', 1),
    );
  });

  it('when a new employee gets the welcome card, then it offers "Förbered mitt samtal"', async () => {
    const chat = newChat();
    await running.service.postActivity(installationAdded(chat.options));
    const welcome = running.connector.messages().at(-1)?.attachments?.[0]?.content as CardJson;
    expect(headingOf(await chat.click(welcome, sv.actions.prepare))).toBe(
      heading('current-situation', 1),
    );
  });

  it.each([
    ['a channel', 'channel'],
    ['a group chat', 'groupChat'],
  ] as const)(
    'when someone writes "förbered mitt samtal" in %s, then they are sent to the personal chat and nothing is stored',
    async (_where, scope) => {
      const userId = '00000000-0000-4000-8000-0000000000c1';
      const group = newChat({ userId, scope, conversationId: `19:${scope}@thread.v2` });
      const card = await group.say('<at>Kompetensdialog</at> förbered mitt samtal');
      expect(headingOf(card)).toBe(sv.preparation.personalOnly.title);
      expect(cardTexts(card)).toContain(sv.preparation.personalOnly.body);

      // Nothing was started: in the personal chat the preparation begins at step 1.
      const personal = newChat({
        userId: `${userId.slice(0, -2)}${scope === 'channel' ? 'c2' : 'c3'}`,
      });
      expect(headingOf(await personal.say('förbered mitt samtal'))).toBe(
        heading('current-situation', 1),
      );
    },
  );

  it('when a preparation button is clicked in a channel, then it is refused the same way', async () => {
    const group = newChat({ scope: 'channel', conversationId: '19:general@thread.tacv2' });
    const card = await invokeCard(
      running.service,
      group.options,
      { verb: 'preparation.continue', data: { verb: 'preparation.continue', draftId: 'x-1' } },
      {},
    );
    expect(headingOf(card)).toBe(sv.preparation.personalOnly.title);
  });
});

describe('validation on every step', () => {
  // Every required question of every step, from the template itself.
  const cases = PREPARATION_STEPS.flatMap(([step, button], index) =>
    stepDefinition(step)
      .questions.filter((question) => question.required)
      .map((question) => [step, index + 1, question.id, button] as const),
  );

  it.each(cases)(
    'when step %s (%i) is sent without the required "%s", then the step comes back with the error under it and every value kept',
    async (step, number, field, button) => {
      const chat = newChat();
      const card = await walkTo(chat, number);
      const values: Record<string, string> = { ...VALID_ANSWERS[step], [field]: '   ' };
      const again = await chat.click(card, button, values);

      expect(headingOf(again)).toBe(heading(step, number));
      const texts = cardTexts(again);
      expect(texts).toContain(sv.preparation.errors.fixBelow);
      expect(texts).toContain(sv.preparation.errors.required);
      const inputs = cardInputs(again);
      for (const [id, value] of Object.entries(VALID_ANSWERS[step])) {
        if (id !== field) expect(inputs.get(id)?.value).toBe(value);
      }
    },
  );

  it.each([
    ['current-situation', 1, 'Nästa', 'role-today', 500],
    ['current-situation', 1, 'Nästa', 'going-well', 2000],
    ['world-and-goals', 2, 'Nästa', 'world-changes', 2000],
    ['development-needs', 3, 'Nästa', 'own-needs', 2000],
    ['ways-of-learning', 4, 'Nästa', 'learning-conditions', 500],
    ['principles', 5, 'Till sammanfattningen', 'reflection-sustainable', 2000],
  ] as const)(
    'when a text on step %s (%i) is longer than allowed, then it says the limit and nothing moves on',
    async (step, number, button, field, max) => {
      const chat = newChat();
      const card = await walkTo(chat, number);
      const again = await chat.click(card, button, {
        ...VALID_ANSWERS[step],
        [field]: 'x'.repeat(max + 1),
      });
      expect(headingOf(again)).toBe(heading(step, number));
      expect(cardTexts(again)).toContain(fill(sv.preparation.errors.tooLong, { max }));
    },
  );

  it('when a forged choice arrives, then it is refused as unknown', async () => {
    const chat = newChat();
    const card = await walkTo(chat, 3);
    const again = await chat.click(card, 'Nästa', {
      ...VALID_ANSWERS['development-needs'],
      'priority-areas': 'digitalisering,<script>',
    });
    expect(cardTexts(again)).toContain(sv.preparation.errors.unknownChoice);
  });
});

describe('moving between steps', () => {
  it('when the employee skips the optional step 2, then step 3 follows and the summary shows step 2 as skipped', async () => {
    const chat = newChat();
    let card = await walkTo(chat, 2);
    card = await chat.click(card, sv.preparation.actions.skip);
    expect(headingOf(card)).toBe(heading('development-needs', 3));
    for (const [step, button] of PREPARATION_STEPS.slice(2)) {
      card = await chat.click(card, button, VALID_ANSWERS[step]);
    }
    expect(headingOf(card)).toBe(heading('summary', 6));
    expect(cardTexts(card)).toContain(sv.preparation.summary.skipped);
  });

  it.each([[1], [3], [4], [5]])(
    'when step %i is shown, then it offers no skip, and a forged skip changes nothing',
    async (number) => {
      const chat = newChat();
      const card = await walkTo(chat, number);
      expect(() => chat.button(card, sv.preparation.actions.skip)).toThrow();
      const { draftId, revision } = chat.button(card, sv.preparation.actions.cancel)
        .data as CardJson;
      const forged = { verb: 'preparation.skip', draftId, revision };
      const again = await invokeCard(
        running.service,
        chat.options,
        { verb: forged.verb, data: forged },
        {},
      );
      expect(headingOf(again)).toBe(headingOf(card));
    },
  );

  it('when the employee goes back from step 3, then step 2 shows the answers given', async () => {
    const chat = newChat();
    const card = await walkTo(chat, 3);
    expect(() => chat.button(card, sv.preparation.actions.back)).not.toThrow();
    const back = await chat.click(card, sv.preparation.actions.back);
    expect(headingOf(back)).toBe(heading('world-and-goals', 2));
    expect(cardInputs(back).get('world-changes')?.value).toBe(
      VALID_ANSWERS['world-and-goals']['world-changes'],
    );
  });

  it('when step 1 is shown, then there is no way back, only forward, later or cancel', async () => {
    const chat = newChat();
    const card = await chat.say('förbered mitt samtal');
    expect(() => chat.button(card, sv.preparation.actions.back)).toThrow();
    for (const title of [
      'Nästa',
      sv.preparation.actions.saveForLater,
      sv.preparation.actions.cancel,
    ]) {
      expect(() => chat.button(card, title)).not.toThrow();
    }
  });

  it('when skip or cancel is clicked, then they send no inputs, since what is typed is thrown away', async () => {
    const card = await walkTo(newChat(), 2);
    const chat = newChat();
    for (const title of [sv.preparation.actions.skip, sv.preparation.actions.cancel]) {
      expect(chat.button(card, title).associatedInputs).toBe('none');
    }
    for (const title of [
      'Nästa',
      sv.preparation.actions.back,
      sv.preparation.actions.saveForLater,
    ]) {
      expect(chat.button(card, title).associatedInputs).toBeUndefined();
    }
  });

  it.each([
    ['goes back', () => sv.preparation.actions.back, heading('current-situation', 1)],
    ['saves for later', () => sv.preparation.actions.saveForLater, sv.preparation.saved.title],
  ])(
    'when the employee types on a step, leaves a required field empty and %s, then what she typed is kept',
    async (_case, title, landsOn) => {
      const chat = newChat();
      const card = await walkTo(chat, 2);
      const typed = { 'world-changes': 'Halvfärdig tanke om *omvärlden*' };
      expect(headingOf(await chat.click(card, title(), typed))).toBe(landsOn);

      const resumed = await chat.say('förbered mitt samtal');
      const at =
        headingOf(resumed) === sv.preparation.resume.title
          ? await chat.click(resumed, sv.preparation.actions.continue)
          : resumed;
      const step2 =
        headingOf(at) === heading('current-situation', 1)
          ? await chat.click(at, 'Nästa', VALID_ANSWERS['current-situation'])
          : at;
      expect(headingOf(step2)).toBe(heading('world-and-goals', 2));
      expect(cardInputs(step2).get('world-changes')?.value).toBe(typed['world-changes']);
    },
  );
});

describe('cancel', () => {
  it('when the employee cancels and confirms, then the preparation is gone and the next start begins at step 1', async () => {
    const chat = newChat();
    const card = await walkTo(chat, 3);
    const confirm = await chat.click(card, sv.preparation.actions.cancel);
    expect(headingOf(confirm)).toBe(sv.preparation.confirmCancel.title);
    const done = await chat.click(confirm, sv.preparation.actions.confirmCancel);
    expect(headingOf(done)).toBe(sv.preparation.cancelled.title);

    expect(headingOf(await chat.say('förbered mitt samtal'))).toBe(heading('current-situation', 1));
    // A button of the cancelled preparation is stale now.
    expect(headingOf(await chat.click(card, 'Nästa', VALID_ANSWERS['development-needs']))).toBe(
      sv.preparation.finished.cancelledTitle,
    );
  });

  it('when the employee says no to cancelling, then the step comes back as it was', async () => {
    const chat = newChat();
    const card = await walkTo(chat, 2);
    const confirm = await chat.click(card, sv.preparation.actions.cancel);
    const back = await chat.click(confirm, sv.preparation.actions.keepGoing);
    expect(headingOf(back)).toBe(heading('world-and-goals', 2));
  });

  it('when the employee writes "avbryt" during a preparation, then they are asked to confirm', async () => {
    const chat = newChat();
    await walkTo(chat, 2);
    expect(headingOf(await chat.say('avbryt'))).toBe(sv.preparation.confirmCancel.title);
  });
});

describe('stale cards and double clicks', () => {
  it('when an older step card is clicked after the preparation moved on, then the card says so and shows the current step', async () => {
    const chat = newChat();
    const first = await chat.say('förbered mitt samtal');
    const second = await chat.click(first, 'Nästa', VALID_ANSWERS['current-situation']);
    await chat.click(second, 'Nästa', VALID_ANSWERS['world-and-goals']);

    const stale = await chat.click(first, 'Nästa', VALID_ANSWERS['current-situation']);
    expect(headingOf(stale)).toBe(heading('development-needs', 3));
    expect(cardTexts(stale)).toContain(sv.preparation.stale);
  });

  it('when "Nästa" arrives twice at the same moment, then the preparation moves on one step, not two', async () => {
    const chat = newChat();
    const first = await chat.say('förbered mitt samtal');
    const button = chat.button(first, 'Nästa');
    const answers = await Promise.all(
      [1, 2].map(() =>
        invokeCard(running.service, chat.options, button, VALID_ANSWERS['current-situation']),
      ),
    );
    expect(answers.map(headingOf)).toEqual([
      heading('world-and-goals', 2),
      heading('world-and-goals', 2),
    ]);
    expect(answers.filter((card) => cardTexts(card).includes(sv.preparation.stale))).toHaveLength(
      1,
    );

    const resume = await chat.say('förbered mitt samtal');
    expect(headingOf(await chat.click(resume, sv.preparation.actions.continue))).toBe(
      heading('world-and-goals', 2),
    );
  });

  it('when a host without Universal Actions submits a step, then the next step arrives as a message', async () => {
    const chat = newChat();
    const first = await chat.say('förbered mitt samtal');
    const next = await chat.submitFallback(first, 'Nästa', VALID_ANSWERS['current-situation']);
    expect(headingOf(next)).toBe(heading('world-and-goals', 2));
  });
});

describe('leaving and coming back', () => {
  it('when the employee saves for later and starts again, then they are asked to continue or begin anew', async () => {
    const chat = newChat();
    const card = await walkTo(chat, 3);
    const saved = await chat.click(card, sv.preparation.actions.saveForLater);
    expect(headingOf(saved)).toBe(sv.preparation.saved.title);

    const resume = await chat.say('förbered mitt samtal');
    expect(headingOf(resume)).toBe(sv.preparation.resume.title);
    const restarted = await chat.click(resume, sv.preparation.actions.restart);
    expect(headingOf(restarted)).toBe(heading('current-situation', 1));
    expect(cardInputs(restarted).get('role-today')?.value).toBeUndefined();
  });

  it('when the running.service restarts between two sittings, then the employee continues at the same step with every answer kept', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'kd-restart-'));
    const restartConnector = await new FakeBotConnector().start();
    let current = await startTestService({ DATA_DIR: dataDir }, { messenger });
    try {
      const chat = new PersonalChat(() => current, restartConnector);
      const card = await walkTo(chat, 4);
      await chat.click(card, sv.preparation.actions.saveForLater);

      await current.close();
      current = await startTestService({ DATA_DIR: dataDir }, { messenger });

      const resume = await chat.say('förbered mitt samtal');
      const continued = await chat.click(resume, sv.preparation.actions.continue);
      expect(headingOf(continued)).toBe(heading('ways-of-learning', 4));
      const back = await chat.click(continued, sv.preparation.actions.back);
      expect(cardInputs(back).get('own-needs')?.value).toBe(
        VALID_ANSWERS['development-needs']['own-needs'],
      );
    } finally {
      await current.close();
      await restartConnector.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
    // Two starts of the service, each opening its embedded database.
  }, 90_000);
});

describe('in English', () => {
  it('when the Teams client is in English, then every step and the summary are in English', async () => {
    const chat = newChat({ locale: 'en-US' });
    let card = await chat.say('prepare');
    const buttons = {
      Nästa: en.preparation.actions.next,
      'Till sammanfattningen': en.preparation.actions.toSummary,
    };
    for (const [index, [step, button]] of PREPARATION_STEPS.entries()) {
      expect(headingOf(card)).toBe(heading(step, index + 1, en));
      card = await chat.click(card, buttons[button], VALID_ANSWERS[step]);
    }
    expect(headingOf(card)).toBe(heading('summary', 6, en));
    expect(cardTexts(card)).toContain(en.preparation.summary.noManager);
    expect(cardTexts(card).join('\n')).not.toMatch(/Steg|Nästa|Dela med/);
  });
});

/** Walks all five steps as a demo employee and returns the summary card. */
async function summaryFor(chat: PersonalChat, overrides: Record<string, string> = {}) {
  let card = await chat.say('förbered mitt samtal');
  for (const [step, button] of PREPARATION_STEPS) {
    const answers: Record<string, string> = { ...VALID_ANSWERS[step] };
    for (const id of Object.keys(answers)) if (overrides[id]) answers[id] = overrides[id];
    card = await chat.click(card, button, answers);
  }
  expect(headingOf(card)).toBe(heading('summary', 6));
  return card;
}

describe('sending to the manager', () => {
  it('when Anna sends, then the preparation is stored as version 1 and Karin gets only the shared answers, never the private reflections', async () => {
    const chat = newChat({ userId: anna.id });
    const summary = await summaryFor(chat);
    const toggles = [...cardInputs(summary).values()].filter((i) => i.type === 'Input.Toggle');
    expect(toggles.filter((t) => t.value === 'private').map((t) => t.id)).toEqual([
      'share:reflection-inclusive',
      'share:reflection-activating',
      'share:reflection-motivating',
      'share:reflection-sustainable',
    ]);

    // Anna chooses to keep her strengths private and to share one reflection.
    const sent = await chat.click(summary, sv.preparation.actions.send, {
      'share:strengths': 'private',
      'share:reflection-motivating': 'shared-with-manager',
    });
    expect(headingOf(sent)).toBe(sv.preparation.sent.title);
    expect(cardTexts(sent)).toContain(
      fill(sv.preparation.sent.delivered, { manager: KARIN.displayName }),
    );

    const delivered = messenger.delivered(KARIN.id);
    expect(delivered).toHaveLength(1);
    const managerTexts = cardTexts(delivered[0]?.card).join('\n');
    expect(managerTexts).toContain(VALID_ANSWERS['current-situation']['role-today']);
    expect(managerTexts).toContain('Digital informationssäkerhet för alla (Disa)');
    expect(managerTexts).toContain(VALID_ANSWERS.principles['reflection-motivating']);
    expect(managerTexts).not.toContain(VALID_ANSWERS['current-situation'].strengths);
    for (const id of [
      'reflection-inclusive',
      'reflection-activating',
      'reflection-sustainable',
    ] as const) {
      expect(managerTexts).not.toContain(VALID_ANSWERS.principles[id]);
    }
    expect(delivered[0]?.fallbackText).toBe(
      fill(sv.preparation.manager.title, { name: anna.displayName, dialogue: 'medarbetarsamtal' }),
    );
  });

  it.each([
    ['delivered', { status: 'delivered' } as const, sv.preparation.sent.delivered],
    ['not-installed', { status: 'not-installed' } as const, sv.preparation.sent.notInstalled],
    [
      'unreachable',
      { status: 'unreachable', reason: 'Teams answered 403' } as const,
      sv.preparation.sent.unreachable,
    ],
  ])(
    'when telling the manager ends as "%s", then the employee is told exactly that',
    async (_outcome, result, text) => {
      const employee = { delivered: erik, 'not-installed': fatima, unreachable: sofia }[
        result.status
      ];
      messenger.answerFor(KARIN.id, result);
      const chat = newChat({ userId: employee.id });
      const sent = await chat.click(await summaryFor(chat), sv.preparation.actions.send);
      // The notice names the manager wherever it mentions them.
      expect(cardTexts(sent)).toContain(text.replaceAll('{{manager}}', KARIN.displayName));
      expect(messenger.attempts.map((a) => a.personId)).toEqual([KARIN.id]);
    },
  );

  it('when the directory names no manager, then the preparation is saved and the employee is told it went to no one', async () => {
    const chat = newChat();
    const summary = await summaryFor(chat);
    expect(cardTexts(summary)).toContain(sv.preparation.summary.noManager);
    const sent = await chat.click(summary, sv.preparation.actions.saveWithoutManager);
    expect(cardTexts(sent)).toContain(sv.preparation.sent.noManager);
    expect(messenger.attempts).toEqual([]);
  });

  it('when "send" arrives twice at the same moment, then one preparation is stored and the manager is told once', async () => {
    const chat = newChat({ userId: lars.id });
    const summary = await summaryFor(chat);
    const button = chat.button(summary, sv.preparation.actions.send);
    const answers = await Promise.all(
      [1, 2].map(() => invokeCard(running.service, chat.options, button, {})),
    );
    expect(answers.map(headingOf).sort()).toEqual(
      [sv.preparation.finished.sentTitle, sv.preparation.sent.title].sort(),
    );
    expect(messenger.attempts).toHaveLength(1);
  });

  it('when the preparation is sent, then "min plan" shows it with each answer marked shared or private, and a button to the tab', async () => {
    const chat = newChat();
    await chat.click(await summaryFor(chat), sv.preparation.actions.saveWithoutManager, {
      'share:strengths': 'private',
    });
    const card = await chat.say('min plan');
    expect(headingOf(card)).toBe(sv.myPlan.title);
    const texts = cardTexts(card).join('\n');
    expect(texts).toContain(`Min roll i dag · ${sv.preparation.summary.shared}`);
    expect(texts).toContain(`Styrkor jag vill använda mer · ${sv.preparation.summary.private}`);
    expect(texts).toContain(VALID_ANSWERS.principles['reflection-inclusive']);
    expect(texts).toContain(sv.myPlan.noPlan);
    const openTab = chat.button(card, sv.actions.openMyPlan);
    expect(openTab).toMatchObject({
      type: 'Action.OpenUrl',
      url: expect.stringContaining('min-utvecklingsplan'),
    });
  });

  it('when the running.service is stopped after a send, then the database holds the preparation at version 1 and the draft as sent', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'kd-sent-'));
    const sendConnector = await new FakeBotConnector().start();
    const own = await startTestService({ DATA_DIR: dataDir }, { messenger });
    try {
      const chat = new PersonalChat(() => own, sendConnector, { userId: anna.id });
      await chat.click(await summaryFor(chat), sv.preparation.actions.send);
    } finally {
      await own.close();
      await sendConnector.stop();
    }
    const db = await openDatabase({ kind: 'embedded', dataDir });
    try {
      const plans = new SqlPlanStore(db);
      const [dialogue] = await plans.listDialoguesForEmployee(anna.id);
      expect(dialogue).toMatchObject({
        status: 'prepared',
        managerId: KARIN.id,
        dialogueTypeId: 'medarbetarsamtal',
      });
      const stored = await plans.getPreparation(dialogue?.id ?? '');
      expect(stored?.version).toBe(1);
      expect(stored?.preparation.answers.map((a) => a.questionId)).toContain(
        'reflection-inclusive',
      );
      expect(await new SqlPreparationDraftStore(db).findInProgress(anna.id)).toBeUndefined();
    } finally {
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('text people write is shown, never interpreted', () => {
  const injection =
    '**fet** [klicka här](https://evil.example) <b>x</b>\n# rubrik {{DATE(2017-02-14T06:08:39Z, SHORT)}}';

  it('when an answer holds markdown, links or HTML, then the summary and the manager card show it only as plain text runs', async () => {
    const chat = newChat({ userId: erik.id });
    const summary = await summaryFor(chat, { 'own-needs': injection });
    const sent = await chat.click(summary, sv.preparation.actions.send);
    expect(headingOf(sent)).toBe(sv.preparation.sent.title);
    const managerCard = messenger.delivered(KARIN.id)[0]?.card;

    for (const card of [summary, managerCard]) {
      const json = JSON.stringify(card);
      expect(json).toContain('"type":"TextRun"');
      expect(textBlocksOf(card).join('\n')).not.toContain('evil.example');
      expect(
        textRunsOf(card).some((text) => text.includes('[klicka här](https://evil.example)')),
      ).toBe(true);
      expect(textRunsOf(card).join('\n')).not.toContain('{{DATE(');
    }
  });
});

function collect(card: unknown, type: string): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as CardJson;
      if (record.type === type && typeof record.text === 'string') found.push(record.text);
      Object.values(record).forEach(visit);
    }
  };
  visit(JSON.parse(JSON.stringify(card)));
  return found;
}
const textBlocksOf = (card: unknown) => collect(card, 'TextBlock');
const textRunsOf = (card: unknown) => collect(card, 'TextRun');
