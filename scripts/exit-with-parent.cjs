'use strict';

/**
 * `node -r ./scripts/exit-with-parent.cjs …`: the process stops itself (SIGTERM, so its own
 * shutdown runs) once the process that started it is gone, even if that one was killed with
 * SIGKILL and could not clean up. Used for the children of `npm run playground` and of the
 * end-to-end tests, so a crashed harness leaves no playground or service behind.
 *
 * Linux re-parents an orphan (to init or a subreaper), which changes process.ppid.
 */
const parentPid = process.ppid;

const watch = setInterval(() => {
  if (process.ppid !== parentPid) {
    clearInterval(watch);
    process.kill(process.pid, 'SIGTERM');
  }
}, 1000);
watch.unref();
