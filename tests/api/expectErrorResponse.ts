import { ErrorBodySchema, type ErrorBodyResponse } from '../../bot/api/contract';

/** The API's one error shape, with the status and code expected, and nothing leaked. */
export async function expectErrorResponse(
  response: Response,
  status: number,
  code: string,
): Promise<ErrorBodyResponse> {
  const text = await response.text();
  expect({ status: response.status, body: text }).toMatchObject({ status });
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = ErrorBodySchema.parse(JSON.parse(text));
  expect(body.error.code).toBe(code);
  expect(text).not.toMatch(/ at .+\.(ts|js):\d+/);
  return body;
}
