import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { Directory } from '../../core/ports/directory';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { DemoPeopleResponse, DemoPerson } from './contract';
import { DEFAULT_DEMO_PERSON_ID, DEMO_ROSTER } from './demoRoster';
import { acceptsDemoIdentities } from './identity';
import { parseInput } from './validation';

const NoQuerySchema = z.strictObject({});

/**
 * GET /demo/people: the people the tab's demo-user switcher offers. Exists only in demo mode;
 * otherwise it is a 404, so a production tab cannot even learn that demo identities exist.
 */
export function getDemoPeople(deps: { config: Config; directory: Directory }): RequestHandler {
  return async (req, res) => {
    if (!acceptsDemoIdentities(deps.config)) {
      throw new AppError(404, 'not_found', 'No such API route.');
    }
    parseInput(NoQuerySchema, req.query, 'query');
    const people: DemoPerson[] = [];
    for (const { id, role } of DEMO_ROSTER) {
      const person = await deps.directory.findPerson(id);
      if (!person) continue;
      people.push({
        id: person.id,
        displayName: person.displayName,
        ...(person.jobTitle ? { jobTitle: person.jobTitle } : {}),
        role,
      });
    }
    const body: DemoPeopleResponse = { defaultPersonId: DEFAULT_DEMO_PERSON_ID, people };
    res.json(body);
  };
}
