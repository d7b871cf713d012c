import type { ChildProcess } from 'node:child_process';

/**
 * The next message a forked child sends over IPC. Rejects, naming `who`, when it does not
 * come within `timeoutMs` or the child exits first, so a benchmark never hangs on a dead
 * process.
 */
export function nextMessage<T>(child: ChildProcess, timeoutMs: number, who: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanUp();
      reject(new Error(`the ${who} did not answer in time`));
    }, timeoutMs);
    const onMessage = (message: T) => {
      cleanUp();
      resolve(message);
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanUp();
      reject(new Error(`the ${who} exited (${signal ?? `code ${String(code)}`})`));
    };
    const cleanUp = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}
