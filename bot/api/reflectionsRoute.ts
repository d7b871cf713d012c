import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ReflectionSchema } from '../../core/plan/reflection';
import { pickPrompt } from '../../core/principles/pickPrompt';
import { promptsOf } from '../../core/profiles/profileSchema';
import { AppError } from '../errors';
import { calendarOf, requiredProfileOf } from './apiPeople';
import { NewReflectionSchema, type ReflectionResponse } from './contract';
import { callerOf } from './identity';
import type { ApiDependencies } from './router';
import { expectNoQuery, parseInput } from './validation';

/** A reflection written in the tab is one of daily work, not of a dialogue or a follow-up. */
const CONTEXT = 'everyday';

/**
 * POST /me/reflections: a reflection in the caller's learning log, on one of the pedagogical
 * principles; private unless they share it with their manager.
 */
export function postReflection(deps: ApiDependencies): RequestHandler {
  const now = deps.now ?? (() => new Date());
  return async (req, res) => {
    expectNoQuery(req.query);
    const input = parseInput(NewReflectionSchema, req.body, 'body');
    const { person } = callerOf(req);
    const profile = requiredProfileOf(person, deps.config.defaultProfileId, deps.logger);
    const at = now();
    const prompts = promptsOf(profile);
    let promptId: string;
    if (input.promptId === undefined) {
      // The page showed no prompt: one for the day, the same all day for this person.
      const seed = `${person.id}|${calendarOf(profile, at).today}`;
      promptId = pickPrompt(prompts, input.principle, CONTEXT, seed).id;
    } else {
      const known = prompts.some(
        (prompt) =>
          prompt.id === input.promptId &&
          prompt.principle === input.principle &&
          prompt.contexts.includes(CONTEXT),
      );
      if (!known) {
        throw new AppError(
          400,
          'invalid_request',
          'Invalid body. promptId: not an everyday prompt of this principle in your profile',
        );
      }
      promptId = input.promptId;
    }
    const reflection = ReflectionSchema.parse({
      id: randomUUID(),
      personId: person.id,
      principle: input.principle,
      promptId,
      text: input.text,
      visibility: input.visibility,
      createdAt: at.toISOString(),
      context: CONTEXT,
    });
    await deps.plans.addReflection(reflection);
    deps.logger.info({ visibility: reflection.visibility }, 'reflection added');
    const body: ReflectionResponse = { reflection };
    res.status(201).json(body);
  };
}
