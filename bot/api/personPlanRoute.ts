import type { RequestHandler } from 'express';
import { z } from 'zod';
import { planReaderOf } from '../../core/access/planAccess';
import { EntityIdSchema } from '../../core/shared/schemas';
import { recordAccess } from '../privacy/auditTrail';
import { notFound } from './apiErrors';
import type { PlanPageResponse } from './contract';
import { callerOf } from './identity';
import { planPage } from './planPage';
import type { ApiDependencies } from './router';
import { expectNoQuery, parseInput } from './validation';

const PathSchema = z.strictObject({ employeeId: EntityIdSchema });

/**
 * GET /people/{employeeId}/plan: an employee's plan page for their manager today (the shared
 * reflections only, nothing to change), or the caller's own page. For anyone else the person
 * does not exist here.
 */
export function getPersonPlan(deps: ApiDependencies): RequestHandler {
  return async (req, res) => {
    const { employeeId } = parseInput(PathSchema, req.params, 'path');
    expectNoQuery(req.query);
    const { person: caller } = callerOf(req);
    let body: PlanPageResponse;
    if (employeeId === caller.id) {
      body = await planPage(deps, caller, 'employee');
    } else {
      const employee = await deps.directory.findPerson(employeeId);
      if (!employee || planReaderOf(caller.id, employee) !== 'manager') throw notFound('person');
      body = await planPage(deps, employee, 'manager');
      await recordAccess(deps, caller.id, employee.id, 'plan.viewed', {
        via: 'tab',
        ...(body.plan ? { planId: body.plan.id, version: body.plan.version } : {}),
      });
    }
    res.json(body);
  };
}
