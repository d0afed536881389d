import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Env } from './env.ts';

export interface ErrorDetail {
  errorCode: string;
  fieldName?: string;
  entityId?: string;
  entityName?: string;
}

export interface ErrorBody {
  message: string;
  code: string;
  status: number;
  messageWithParams: string;
  messageParams: Record<string, string>;
  contextId: string;
  details: ErrorDetail[];
  errors: ErrorBody[];
}

export interface ErrorExtras {
  messageWithParams?: string;
  messageParams?: Record<string, string>;
  details?: ErrorDetail[];
}

export function buildErrorBody(status: number, code: string, message: string, contextId: string, extras: ErrorExtras = {}): ErrorBody {
  return {
    message,
    code,
    status,
    messageWithParams: extras.messageWithParams ?? message,
    messageParams: extras.messageParams ?? {},
    contextId,
    details: extras.details ?? [],
    errors: [],
  };
}

/** A Genesys ErrorBody response whose contextId is this request's correlation id. */
export function errorResponse(c: Context<Env>, status: ContentfulStatusCode, code: string, message: string, extras?: ErrorExtras): Response {
  return c.json(buildErrorBody(status, code, message, c.get('correlationId'), extras), status);
}

export function notFound(c: Context<Env>, message = 'The requested resource was not found.'): Response {
  return errorResponse(c, 404, 'not.found', message);
}

export function badRequest(c: Context<Env>, message: string, details?: ErrorDetail[]): Response {
  return errorResponse(c, 400, 'bad.request', message, details ? { details } : {});
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; response: Response };

/** Media type of a Content-Type header, lower-cased and without parameters. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Parses the body as JSON; an empty or malformed body is a 400 bad.request. With `requireJsonType`
 * (the API), a body not labelled application/json is a 415, as on the real service.
 */
export async function readJson(c: Context<Env>, options: { requireJsonType?: boolean } = {}): Promise<JsonResult> {
  const contentType = c.req.header('Content-Type');
  if (options.requireJsonType && mediaType(contentType) !== 'application/json') {
    const sent = contentType === undefined ? 'no Content-Type' : `Content-Type "${contentType}"`;
    return {
      ok: false,
      response: errorResponse(c, 415, 'unsupported.media.type', `The request body must be sent as application/json (got ${sent}).`, {
        messageWithParams: 'The request body must be sent as {expected} (got {actual}).',
        messageParams: { expected: 'application/json', actual: sent },
      }),
    };
  }
  const text = await c.req.text();
  if (text.trim() === '') return { ok: false, response: badRequest(c, 'The request body is required and must be JSON.') };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: badRequest(c, 'The request body is not valid JSON.') };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
