import type { RequestHandler } from 'express';
import { personalDataSummary } from '../../core/privacy/personalData';
import { collectPersonalData } from '../privacy/collectPersonalData';
import { callerOf } from './identity';
import { languageOfRequest } from './planWrites';
import type { ApiDependencies } from './router';
import { expectNoQuery } from './validation';

/**
 * GET /me/data: "exportera mina data", everything stored about the caller as JSON, to keep
 * or take elsewhere. GET /me/data/summary: the same as text a person reads, in their language.
 * Only ever the caller's own: there is no way to name someone else.
 */
export function getMyData(deps: ApiDependencies): RequestHandler {
  const now = deps.now ?? (() => new Date());
  return async (req, res) => {
    expectNoQuery(req.query);
    const at = now();
    const data = await collectPersonalData(deps, callerOf(req).person, at);
    res.set('Content-Disposition', `attachment; filename="${fileName(at, 'json')}"`).json(data);
  };
}

export function getMyDataSummary(deps: ApiDependencies): RequestHandler {
  const now = deps.now ?? (() => new Date());
  return async (req, res) => {
    expectNoQuery(req.query);
    const at = now();
    const data = await collectPersonalData(deps, callerOf(req).person, at);
    res
      .type('text/plain; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${fileName(at, 'txt')}"`)
      .send(personalDataSummary(data, languageOfRequest(req)));
  };
}

const fileName = (at: Date, extension: string) =>
  `kompetensdialog-mina-data-${at.toISOString().slice(0, 10)}.${extension}`;
