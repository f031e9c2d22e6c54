import type { z } from 'zod';
import { apiErrorSchema, type ApiErrorCode } from '../../shared/api/errors.js';
import type { RouteSpec } from '../../shared/api/route.js';

/** A failed call to the central service: an HTTP answer with the service's error code, or no answer. */
export class CentralApiError extends Error {
  constructor(
    /** The service's code, or `unreachable` (no answer) / `bad_answer` (an answer we cannot read). */
    readonly code: ApiErrorCode | 'unreachable' | 'bad_answer',
    message: string,
    readonly status: number | null = null,
    readonly retryAfterSeconds?: number,
    /** With device_revoked: the hub's signed order to wipe (verified before anything is deleted). */
    readonly wipeOrder?: unknown,
  ) {
    super(message);
    this.name = 'CentralApiError';
  }

  // A private field, not a property: an error that reaches a log or an inspect never shows it.
  #enrolmentToken: string | undefined;

  /** With two_factor_enrolment_required: the short session that may only set up 2FA (a secret). */
  enrolmentToken(): string | undefined {
    return this.#enrolmentToken;
  }

  withEnrolmentToken(token: string | undefined): this {
    this.#enrolmentToken = token;
    return this;
  }
}

export interface CallOptions<R extends RouteSpec> {
  body?: NonNullable<R['body']> extends z.ZodType ? z.input<NonNullable<R['body']>> : never;
  params?: Record<string, string>;
  /** The session's bearer token; never logged. */
  token?: string | null;
  timeoutMs?: number;
}

/**
 * Calls one route of the shared route table (shared/api/routes.ts) and parses the answer with its
 * schema, so the device never trusts an answer it has not checked. `fetch` is injected for tests.
 */
export class CentralApi {
  constructor(
    readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async call<R extends RouteSpec>(route: R, options: CallOptions<R> = {}): Promise<z.output<R['response']>> {
    const response = await this.send(route.method, fillPath(route.path, options.params), {
      ...(options.body !== undefined ? { json: options.body } : {}),
      token: options.token ?? null,
      timeoutMs: options.timeoutMs ?? 30_000,
    });
    const text = await response.text();
    if (!response.ok) throw errorFrom(response.status, text);
    const parsed = route.response.safeParse(text === '' ? undefined : JSON.parse(text));
    if (!parsed.success) throw new CentralApiError('bad_answer', `The central service answered ${route.path} in an unexpected shape.`, response.status);
    return parsed.data as z.output<R['response']>;
  }

  /** A raw request (document chunks travel as bytes); errors as for `call`. */
  async send(
    method: string,
    path: string,
    options: { json?: unknown; bytes?: Uint8Array<ArrayBuffer>; token?: string | null; timeoutMs?: number } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.bytes) {
      headers['content-type'] = 'application/octet-stream';
      body = options.bytes;
    }
    try {
      return await this.fetchImpl(new URL(path, this.baseUrl), {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch {
      // The message never includes the request: it may hold a password or a token.
      throw new CentralApiError('unreachable', `The central service at ${this.baseUrl} did not answer.`);
    }
  }
}

export function errorFrom(status: number, text: string): CentralApiError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) {
    return new CentralApiError(parsed.data.error, parsed.data.message, status, parsed.data.retryAfterSeconds, parsed.data.wipeOrder).withEnrolmentToken(
      parsed.data.enrolmentToken,
    );
  }
  if (status === 404) return new CentralApiError('not_found', 'The central service does not know this route (an older version?).', status);
  return new CentralApiError(status >= 500 ? 'unavailable' : 'bad_answer', `The central service answered HTTP ${status}.`, status);
}

function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
