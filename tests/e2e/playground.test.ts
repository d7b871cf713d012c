import { translator } from '../../core/i18n/i18n';
import {
  currentUserOf,
  PLAYGROUND_SETUP_TIMEOUT_MS,
  withDiagnostics,
  type PlaygroundChat,
} from '../support/playground';
import { startPlaygroundPair, type PlaygroundPair } from '../support/playgroundPair';
import { describeWithChromium } from '../support/testEnvironment';

/**
 * The real service in this process, the real Agents Playground as child processes (one per
 * view of the demo organisation), and Debian's Chromium using it the way a person would.
 * Nothing leaves 127.0.0.1.
 */

// What the bot says, from the Swedish locale file the bot itself reads.
const t = translator('sv');
const ANNA = currentUserOf('employee').displayName;
const KARIN = currentUserOf('manager').displayName;
const TEXT = {
  welcomeTo: (name: string) => t('welcome.personalTitle', { name }),
  helpTitle: t('help.title'),
  helpCommand: t('commands.help.title'),
  prepareCommand: t('commands.prepare.title'),
  notUnderstoodTitle: t('notUnderstood.title'),
  showHelp: t('actions.showHelp'),
};

/** Something no command phrase matches. */
const GIBBERISH = 'blorf kvack 42';

describeWithChromium('Kompetensdialog in the Agents Playground (a Teams-like client)', () => {
  let pair: PlaygroundPair | undefined;
  let anna: PlaygroundChat;
  let karin: PlaygroundChat;

  beforeAll(async () => {
    pair = await startPlaygroundPair();
    ({ anna, karin } = pair);
  }, PLAYGROUND_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await pair?.stop();
  }, 30_000);

  /**
   * Sends "hjälp" and waits for its answer. Anything the bot sent before, such as a second
   * welcome for the install events, is on the page by then.
   */
  async function replyBarrier(chat: PlaygroundChat): Promise<void> {
    const helpCards = await chat.cards(TEXT.helpTitle).count();
    await chat.send(TEXT.helpCommand);
    await chat.waitForCard(TEXT.helpTitle, helpCards + 1);
  }

  describe(`${ANNA}, employee`, () => {
    test('when she opens her personal chat, then she is welcomed by name exactly once', async () => {
      await withDiagnostics(anna, 'employee-welcome', async () => {
        await anna.currentUser(ANNA).waitFor();
        await anna.waitForCard(TEXT.welcomeTo(ANNA));
        await anna.waitForInstallEventsAnswered();
        await replyBarrier(anna);
        expect(await anna.cards(TEXT.welcomeTo(ANNA)).count()).toBe(1);
      });
    });

    test('when she types "hjälp", then the help card lists what the bot can do', async () => {
      await withDiagnostics(anna, 'employee-help', async () => {
        const helpCards = await anna.cards(TEXT.helpTitle).count();
        await anna.send('hjälp');
        const card = await anna.waitForCard(TEXT.helpTitle, helpCards + 1);
        await card.getByText(TEXT.helpCommand, { exact: true }).waitFor();
        await card.getByText(TEXT.prepareCommand, { exact: true }).waitFor();
      });
    });

    test('when she types something it does not know, then it says so and offers help', async () => {
      await withDiagnostics(anna, 'employee-not-understood', async () => {
        await anna.send(GIBBERISH);
        const card = await anna.waitForCard(TEXT.notUnderstoodTitle);
        await card.getByRole('button', { name: TEXT.helpCommand, exact: true }).waitFor();
      });
    });

    test('when she reloads the page, then the install events come again but no second welcome', async () => {
      await withDiagnostics(anna, 'employee-reload', async () => {
        await anna.reload();
        await anna.waitForInstallEventsAnswered();
        await replyBarrier(anna);
        // The reloaded page starts with an empty chat: any welcome on it would be a new one.
        expect(await anna.cards(TEXT.welcomeTo(ANNA)).count()).toBe(0);
      });
    });
  });

  describe(`${KARIN}, manager`, () => {
    test('when she opens her personal chat, then the welcome is addressed to her', async () => {
      await withDiagnostics(karin, 'manager-welcome', async () => {
        await karin.currentUser(KARIN).waitFor();
        await karin.waitForCard(TEXT.welcomeTo(KARIN));
        await karin.waitForInstallEventsAnswered();
        await replyBarrier(karin);
        expect(await karin.cards(TEXT.welcomeTo(KARIN)).count()).toBe(1);
      });
    });

    test('when she presses "Visa hjälp" on the welcome, then that card becomes the help card', async () => {
      await withDiagnostics(karin, 'manager-show-help', async () => {
        const helpCards = await karin.cards(TEXT.helpTitle).count();
        const welcome = await karin.waitForCard(TEXT.welcomeTo(KARIN));
        await welcome.getByRole('button', { name: TEXT.showHelp, exact: true }).click();
        // Action.Execute: the bot's invoke response replaces the card in place.
        await karin.waitForCard(TEXT.helpTitle, helpCards + 1);
        expect(await karin.cards(TEXT.welcomeTo(KARIN)).count()).toBe(0);
      });
    });
  });
});
