import { AppError } from '../errors';

/*
 * The refusals the tab API answers with, worded once. A resource the caller may not see is
 * "not found" in exactly the same words as one that does not exist, so an answer never tells
 * whether someone has a plan.
 */

export function notFound(what: 'plan' | 'person' | 'activity' | 'unit'): AppError {
  return new AppError(404, 'not_found', `No such ${what}.`);
}

/** The caller may see the resource but not change it this way. */
export function forbidden(code: string, message: string): AppError {
  return new AppError(403, code, message);
}

/** Someone saved after the page was drawn: nothing of this request was written. */
export function versionConflict(): AppError {
  return new AppError(
    409,
    'version_conflict',
    'Someone saved a newer version meanwhile. Nothing of yours was saved: reload to see theirs.',
  );
}

/** The document is not in the state the request needs (an answer to a plan not proposed). */
export function wrongState(code: string, message: string): AppError {
  return new AppError(409, code, message);
}
