/**
 * The one error type the service raises on purpose. `status` is what an HTTP client sees;
 * `code` is stable for clients; `message` is safe to show (no internals, no personal data).
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly isCatastrophic = false,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}
