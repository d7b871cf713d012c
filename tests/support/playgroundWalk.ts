import { withDiagnostics, type PlaygroundChat } from './playground';

/**
 * An end-to-end walk through the Agents Playground: tests that run in order, each starting
 * where the one before left the pages. A failing step stops the walk (the steps after it
 * cannot start where they expect); a check only looks, so its failure is reported and the
 * walk goes on. Every failure comes with screenshots and the tail of the service's log.
 */
export function playgroundWalk(serviceLog: { tail(): string }) {
  let brokenAt: string | undefined;
  const serviceLogTail = () => `--- the service's log (latest last) ---\n${serviceLog.tail()}`;
  const notAttempted = () => {
    if (brokenAt) throw new Error(`Not attempted: the walk stopped at "${brokenAt}".`);
  };

  return {
    /** A step that moves the walk on; the first chat is the one acting and goes in front. */
    async walk(
      name: string,
      chats: PlaygroundChat | PlaygroundChat[],
      body: () => Promise<void>,
    ): Promise<void> {
      notAttempted();
      try {
        await (Array.isArray(chats) ? chats[0] : chats)?.focus();
        await withDiagnostics(chats, name, body, serviceLogTail);
      } catch (error) {
        brokenAt = name;
        throw error;
      }
    },
    /** A check that only looks. */
    async check(name: string, chat: PlaygroundChat, body: () => Promise<void>): Promise<void> {
      notAttempted();
      await withDiagnostics(chat, name, body, serviceLogTail);
    },
  };
}
