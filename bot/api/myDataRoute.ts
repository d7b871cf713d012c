import type { RequestHandler } from 'express';
import { z } from 'zod';
import { isAllowed, personalActor } from '../../core/access/authorization';
import type { AuditEntryView } from '../../core/privacy/audit';
import { ErasureRequestSchema, type ErasureReport } from '../../core/privacy/erasure';
import { personalDataSummary } from '../../core/privacy/personalData';
import { recordAccess } from '../privacy/auditTrail';
import { collectPersonalData } from '../privacy/collectPersonalData';
import { erasePersonalData } from '../privacy/erasePersonalData';
import { callerOf } from './identity';
import { languageOfRequest } from './planWrites';
import type { ApiDependencies } from './router';
import { forbidden } from './apiErrors';
import { expectNoQuery, parseInput } from './validation';

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
    const { person } = callerOf(req);
    const data = await collectPersonalData(deps, person, at);
    await recordAccess(deps, person.id, person.id, 'personal-data.exported', { as: 'json' });
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

/**
 * DELETE /me/data: "radera mina data". The body must say `{"confirmation":"erase-my-data"}`,
 * so a stray DELETE erases nothing. Answers what was removed and what was kept, and why.
 */
export function deleteMyData(deps: ApiDependencies): RequestHandler {
  const now = deps.now ?? (() => new Date());
  return async (req, res) => {
    expectNoQuery(req.query);
    parseInput(ErasureRequestSchema, req.body ?? {}, 'body');
    const { person } = callerOf(req);
    // The caller is always the owner here; the matrix is asked anyway, so a change to it counts.
    if (!isAllowed(personalActor(person.id, person), 'erase', 'personal-data')) {
      throw forbidden('not_allowed', 'Only the person themselves can erase their data.');
    }
    const report: ErasureReport = await erasePersonalData(deps, person, now());
    res.json(report);
  };
}

const AuditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/**
 * GET /me/audit: who read or changed the caller's plan, preparation or shared answers, newest
 * first, with the actor's name as the directory knows it now.
 */
export function getMyAudit(deps: ApiDependencies): RequestHandler {
  return async (req, res) => {
    const { limit } = parseInput(AuditQuerySchema, req.query, 'query');
    const { person } = callerOf(req);
    if (!isAllowed(personalActor(person.id, person), 'read', 'audit-log')) {
      throw forbidden('not_allowed', 'Only the person concerned reads their access log.');
    }
    const entries = deps.audit
      ? await deps.audit.listForSubject(person.id, { limit: limit ?? 100 })
      : [];
    const actorIds = [...new Set(entries.map((entry) => entry.actorId))];
    const actors = new Map(
      await Promise.all(
        actorIds.map(
          async (id) => [id, (await deps.directory.findPerson(id))?.displayName] as const,
        ),
      ),
    );
    const body: { entries: AuditEntryView[] } = {
      entries: entries.map((entry) => {
        const displayName = actors.get(entry.actorId);
        return {
          at: entry.at.toISOString(),
          actor: { id: entry.actorId, ...(displayName ? { displayName } : {}) },
          action: entry.action,
          details: entry.details,
        };
      }),
    };
    res.json(body);
  };
}
