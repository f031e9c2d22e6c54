import type { ApiError, ApiErrorCode } from '../../shared/api/errors.js';

/** A deliberate refusal: the status and the body the caller gets. Anything else is a 500. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: Omit<ApiError, 'error' | 'message'> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  toBody(): ApiError {
    return { error: this.code, message: this.message, ...this.extra };
  }
}

export const notSignedIn = (): HttpError => new HttpError(401, 'not_signed_in', 'Sign in first: send "Authorization: Bearer <session token>".');
export const forbidden = (why: string): HttpError => new HttpError(403, 'forbidden', why);
export const notFound = (what: string): HttpError => new HttpError(404, 'not_found', `${what} not found.`);
export const conflict = (why: string): HttpError => new HttpError(409, 'conflict', why);
