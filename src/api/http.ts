/** The one fetch client: every call to Genesys Cloud goes through `request()`. */
import { startRateLimitWait } from './rateLimit.ts';

export interface ErrorDetail {
  errorCode?: string;
  fieldName?: string;
  entityId?: string;
  entityName?: string;
}

export class ApiError extends Error {
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  readonly code: string;
  readonly correlationId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly details: ErrorDetail[];
  readonly method: string;
  readonly path: string;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    method: string;
    path: string;
    correlationId?: string | undefined;
    retryAfterSeconds?: number | undefined;
    details?: ErrorDetail[] | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.method = init.method;
    this.path = init.path;
    this.correlationId = init.correlationId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.details = init.details ?? [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Genesys' answer for a token that is missing, expired, revoked or idled out. */
export function isUnauthorized(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

export interface HttpSettings {
  /** `https://api.{environment}` or the configured apiBaseUrl, without a trailing slash; undefined when signed out. */
  getBaseUrl: () => string | undefined;
  getToken: () => string | undefined;
  fetch?: typeof fetch;
  /** Waits between attempts; injectable so tests need not sleep. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

let settings: HttpSettings | undefined;

export function configureHttp(next: HttpSettings): void {
  settings = next;
}

export interface RequestOptions {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | boolean | readonly (string | number)[] | undefined>;
  body?: unknown;
  signal?: AbortSignal | undefined;
}

const MAX_RATE_LIMIT_RETRIES = 3;
const MAX_TRANSIENT_RETRIES = 2;
/** Never sit on a 429 longer than this in one wait; Genesys asks for up to about a minute. */
const MAX_RETRY_AFTER_SECONDS = 120;

export async function request<T = void>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await send<T>(path, options)).body;
}

export interface Sent<T> {
  body: T;
  /** ININ-Correlation-Id, when the browser may read it (the contract leaves that open). */
  correlationId: string | undefined;
}

/** request() with the answer's correlation id, for a change the admin may have to quote. */
export async function send<T = void>(path: string, options: RequestOptions = {}): Promise<Sent<T>> {
  if (!settings) throw new Error('configureHttp() must be called before request()');
  const { getBaseUrl, getToken, fetch: fetchFn = globalThis.fetch.bind(globalThis), sleep = abortableSleep } = settings;
  const method = options.method ?? 'GET';
  const baseUrl = getBaseUrl();
  if (!baseUrl) {
    throw new ApiError({ status: 401, code: 'authentication.required', message: 'You are not signed in.', method, path });
  }
  const url = buildUrl(baseUrl, path, options.query);
  const isRead = method === 'GET' || method === 'HEAD';

  let rateLimitRetries = 0;
  let transientRetries = 0;
  for (;;) {
    const headers = new Headers({ Accept: 'application/json' });
    const token = getToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    if (options.body !== undefined) headers.set('Content-Type', 'application/json');

    let response: Response;
    try {
      response = await fetchFn(url, {
        method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: options.signal ?? null,
      });
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (isRead && transientRetries < MAX_TRANSIENT_RETRIES) {
        transientRetries += 1;
        await sleep(backoffMs(transientRetries), options.signal);
        continue;
      }
      throw new ApiError({
        status: 0,
        code: 'network.error',
        message: `Could not reach ${new URL(url).host}${error instanceof Error && error.message ? ` (${error.message})` : ''}.`,
        method,
        path,
      });
    }

    if (response.ok) {
      return { body: (await readBody(response, method)) as T, correlationId: response.headers.get('ININ-Correlation-Id') ?? undefined };
    }

    const error = await toApiError(response, method, path);
    if (response.status === 429 && rateLimitRetries < MAX_RATE_LIMIT_RETRIES) {
      rateLimitRetries += 1;
      const waitSeconds = Math.min(error.retryAfterSeconds ?? 2 ** rateLimitRetries, MAX_RETRY_AFTER_SECONDS);
      // Published so the page can say why it waits and count down.
      const endWait = startRateLimitWait(method, path, waitSeconds);
      try {
        await sleep(waitSeconds * 1000, options.signal);
      } finally {
        endWait();
      }
      continue;
    }
    if (isRead && response.status >= 500 && transientRetries < MAX_TRANSIENT_RETRIES) {
      transientRetries += 1;
      await sleep(backoffMs(transientRetries), options.signal);
      continue;
    }
    throw error;
  }
}

function buildUrl(baseUrl: string, path: string, query: RequestOptions['query']): string {
  const url = new URL(`${baseUrl}${path}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, String(item));
    else url.searchParams.set(key, String(value));
  }
  return url.toString();
}

async function readBody(response: Response, method: string): Promise<unknown> {
  if (method === 'HEAD' || response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  return isJson(response) ? (JSON.parse(text) as unknown) : text;
}

function isJson(response: Response): boolean {
  return /[/+]json\b/i.test(response.headers.get('Content-Type') ?? '');
}

interface ErrorBody {
  message?: unknown;
  messageWithParams?: unknown;
  messageParams?: unknown;
  code?: unknown;
  contextId?: unknown;
  details?: unknown;
}

async function toApiError(response: Response, method: string, path: string): Promise<ApiError> {
  const retryAfterHeader = response.headers.get('Retry-After');
  const retryAfter = retryAfterHeader === null || retryAfterHeader.trim() === '' ? Number.NaN : Number(retryAfterHeader);
  const headerCorrelation = response.headers.get('ININ-Correlation-Id') ?? undefined;
  let body: ErrorBody = {};
  if (method !== 'HEAD' && isJson(response)) {
    try {
      body = ((await response.json()) as ErrorBody | null) ?? {};
    } catch {
      body = {};
    }
  }
  const message =
    readableMessage(body) ??
    `Genesys Cloud answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} without an explanation.`;
  return new ApiError({
    status: response.status,
    code: typeof body.code === 'string' ? body.code : fallbackCode(response.status),
    message,
    method,
    path,
    correlationId: typeof body.contextId === 'string' ? body.contextId : headerCorrelation,
    retryAfterSeconds:
      Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : retryAfterFromMessage(typeof body.message === 'string' ? body.message : ''),
    details: Array.isArray(body.details) ? (body.details as ErrorDetail[]) : [],
  });
}

/**
 * Genesys' message with its parameters filled in: `messageWithParams` names them in braces
 * (`Retry the request in [{retryAfter}] seconds`), and `message` carries the values in
 * brackets. Brackets around a filled-in value are dropped, so no placeholder reaches the page.
 */
function readableMessage(body: ErrorBody): string | undefined {
  const params = body.messageParams;
  if (typeof body.messageWithParams === 'string' && body.messageWithParams.trim() && typeof params === 'object' && params !== null) {
    const values = params as Record<string, unknown>;
    const filled = body.messageWithParams.replace(/\[?\{(\w+)\}\]?/g, (whole, key: string) => {
      const value = values[key];
      return typeof value === 'string' || typeof value === 'number' ? String(value) : whole;
    });
    if (!/\{\w+\}/.test(filled)) return filled;
  }
  if (typeof body.message !== 'string' || !body.message.trim()) return undefined;
  // Values Genesys filled in stand in brackets ("in [42] seconds", "[oauth:token:delete]"); a
  // placeholder it did not fill ("{user}") means nothing to the admin.
  return body.message
    .replace(/\[([^[\]]+)\]/g, '$1')
    .replace(/\{\w+\}/g, '…');
}

/** Older 429s only say "Retry the request in [42] seconds". */
function retryAfterFromMessage(message: string): number | undefined {
  const match = /retry the request in \[(\d+)\] seconds/i.exec(message);
  return match ? Number(match[1]) : undefined;
}

function fallbackCode(status: number): string {
  if (status === 401) return 'authentication.required';
  if (status === 403) return 'not.authorized';
  if (status === 404) return 'not.found';
  if (status === 429) return 'too.many.requests';
  if (status === 503) return 'service.unavailable';
  if (status === 504) return 'request.timeout';
  return status >= 500 ? 'internal.server.error' : 'bad.request';
}

function backoffMs(attempt: number): number {
  return 500 * 3 ** (attempt - 1);
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
