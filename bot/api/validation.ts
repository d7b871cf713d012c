import { z } from 'zod';
import { AppError } from '../errors';

/** How many problems a 400 names: enough to fix the request, never a wall of text. */
const MAX_REPORTED_ISSUES = 3;

/**
 * Parses one input of a request (query, headers, params, body) with its schema. A mismatch is
 * the caller's mistake: a 400 that names the field and the problem, never a 500.
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  where: 'query' | 'header' | 'path' | 'body',
): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => {
    const field = issue.path.map(String).join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  throw new AppError(400, 'invalid_request', `Invalid ${where}. ${problems.join('; ')}`);
}

const NoQuerySchema = z.strictObject({});

/** A route that reads no query parameters refuses them: a typo is a 400, never ignored. */
export function expectNoQuery(query: unknown): void {
  parseInput(NoQuerySchema, query, 'query');
}
