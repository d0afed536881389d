/** The one fetch client: every call to Genesys Cloud goes through an HttpClient. */
import * as v from 'valibot';
import { ServerClock, abortReason, systemClock, type Clock } from './clock.ts';
import { responseOf, type EarlyAnswer, type EarlyReads } from './earlyReads.ts';
import { RateLimitGate } from './rateLimit.ts';
import { buildUrl, type Query } from './requests.ts';

export interface ErrorDetail {
  errorCode?: string;
  fieldName?: string;
  entityId?: string;
  entityName?: string;
}

export class ApiError extends Error {
  /** HTTP status; 0 when the request never got an answer (network failure, timeout). */
  readonly status: number;
  readonly code: string;
  readonly correlationId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly details: ErrorDetail[];
  readonly method: string;
  readonly path: string;
  /** The answer's headers, when there was an answer (rate-limit ones included). */
  readonly headers: Headers | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    method: string;
    path: string;
    correlationId?: string | undefined;
    retryAfterSeconds?: number | undefined;
    details?: ErrorDetail[] | undefined;
    headers?: Headers | undefined;
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
    this.headers = init.headers;
  }

  /** A write that got no answer: Genesys may or may not have carried it out. */
  get outcomeUnknown(): boolean {
    return this.status === 0 && !isReadMethod(this.method);
  }
}

/** The caller stopped a call while it waited or before it was sent. */
export class CancelledError extends Error {
  /** True when no attempt can have changed anything: none was sent, or Genesys refused each one. */
  readonly nothingChanged: boolean;
  constructor(nothingChanged: boolean, cause?: unknown) {
    super(nothingChanged ? 'Cancelled before anything was changed.' : 'Cancelled; an earlier attempt may have been carried out.', { cause });
    this.name = 'CancelledError';
    this.nothingChanged = nothingChanged;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isCancelled(error: unknown): error is CancelledError {
  return error instanceof CancelledError;
}

/** Genesys' answer for a token that is missing, expired, revoked or idled out. */
export function isUnauthorized(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const isReadMethod = (method: string) => method === 'GET' || method === 'HEAD';

export interface CallOptions<T = unknown> {
  method?: Method;
  query?: Query;
  body?: unknown;
  /**
   * Stops the call. It is honoured during every wait (a closed rate-limit gate, a back-off) and
   * before sending; a read is also abandoned in flight, while a write already sent is let finish
   * (it cannot be unsent) and its real outcome returned.
   */
  signal?: AbortSignal | undefined;
  /** A read can be abandoned in flight and is retried after 5xx, network errors and timeouts. Default: GET and HEAD. */
  read?: boolean;
  /** 'wait' (default): wait out a 429 and send again, up to 3 times. 'return': hand the 429 back at once, for a caller that paces itself. */
  onRateLimit?: 'wait' | 'return';
  /** Sends again after a 5xx, a network error or a timeout. Default 2 for reads, 0 for writes. */
  retries?: number;
  /** Per attempt; the call ends as "did not answer within N s". */
  timeoutMs?: number;
  /** Checks the answer's body at the boundary: a body of another shape is an ApiError, not a crash later. */
  schema?: v.GenericSchema<unknown, T>;
}

/** An answer with what the caller may need besides the body. */
export interface Answer<T> {
  body: T;
  status: number;
  headers: Headers;
  /** ININ-Correlation-Id, when the browser may read it (the contract leaves that open). */
  correlationId: string | undefined;
}

export interface HttpClientOptions {
  /** `https://api.{environment}` or the configured apiBaseUrl, without a trailing slash; undefined when signed out. */
  baseUrl: () => string | undefined;
  token: () => string | undefined;
  fetch?: typeof fetch;
  clock?: Clock;
  /** Default per-attempt timeout. */
  timeoutMs?: number;
  /** Answers the boot script asked for before the bundle loaded, adopted once each. */
  early?: EarlyReads;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_RATE_LIMIT_WAITS = 3;
const DEFAULT_READ_RETRIES = 2;
/** Never hold on a 429 longer than this at once; Genesys asks for up to about a minute. */
const MAX_RETRY_AFTER_SECONDS = 120;

class TimeoutSignal extends Error {}

export class HttpClient {
  /** The one rate-limit gate: a 429 holds every request of this app until its wait is over. */
  readonly gate: RateLimitGate;
  /** Genesys' clock, estimated from its answers. */
  readonly serverClock: ServerClock;
  private readonly clock: Clock;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: HttpClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.gate = new RateLimitGate(this.clock);
    this.serverClock = new ServerClock(this.clock);
    this.fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  async request<T = void>(path: string, options: CallOptions<T> = {}): Promise<T> {
    return (await this.send<T>(path, options)).body;
  }

  async send<T = void>(path: string, options: CallOptions<T> = {}): Promise<Answer<T>> {
    const method = options.method ?? 'GET';
    const read = options.read ?? isReadMethod(method);
    const retries = options.retries ?? (read ? DEFAULT_READ_RETRIES : 0);
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const baseUrl = this.options.baseUrl();
    if (!baseUrl) throw new ApiError({ status: 401, code: 'authentication.required', message: 'You are not signed in.', method, path });
    const url = buildUrl(baseUrl, path, options.query);
    const { signal } = options;

    let rateLimitWaits = 0;
    let transientRetries = 0;
    /** Whether an attempt may have changed something at Genesys: sent, and not refused. */
    let mayHaveChanged = false;
    const cancelled = (cause?: unknown) => new CancelledError(read || !mayHaveChanged, cause);
    const wait = async (during: Promise<void>) => {
      try {
        await during;
      } catch (error) {
        throw cancelled(error);
      }
    };

    for (;;) {
      await wait(this.gate.pass(signal));
      if (signal?.aborted) throw cancelled(abortReason(signal));

      let response: Response;
      let failure: ApiError | undefined;
      let sentAt = this.clock.now();
      let receivedAt: number | undefined;
      try {
        const attempted = await this.attempt(url, method, options.body, read ? signal : undefined, timeoutMs);
        response = attempted.response;
        if (attempted.early) ({ sentAt, receivedAt } = attempted.early);
      } catch (error) {
        if (read && signal?.aborted) throw cancelled(abortReason(signal));
        mayHaveChanged = true;
        failure =
          error instanceof TimeoutSignal
            ? new ApiError({
                status: 0,
                code: 'request.timeout',
                message: `Genesys Cloud did not answer within ${formatSeconds(timeoutMs)}.`,
                method,
                path,
              })
            : new ApiError({
                status: 0,
                code: 'network.error',
                message: `Could not reach ${new URL(url).host}${error instanceof Error && error.message ? ` (${error.message})` : ''}.`,
                method,
                path,
              });
        if (transientRetries < retries && !signal?.aborted) {
          transientRetries += 1;
          await wait(this.clock.sleep(backoffMs(transientRetries), signal));
          continue;
        }
        throw failure;
      }
      this.serverClock.observe(response.headers.get('Date'), sentAt, receivedAt ?? this.clock.now());
      const correlationId = response.headers.get('ININ-Correlation-Id') ?? undefined;

      if (response.ok) {
        const body = await readBody(response, method, path, correlationId);
        return { body: checkShape(body, options.schema, method, path, correlationId), status: response.status, headers: response.headers, correlationId };
      }

      const error = await toApiError(response, method, path);
      if (response.status === 429) {
        const seconds = Math.min(error.retryAfterSeconds ?? 2 ** (rateLimitWaits + 1), MAX_RETRY_AFTER_SECONDS);
        this.gate.close(seconds, { method, path });
        if (options.onRateLimit !== 'return' && rateLimitWaits < MAX_RATE_LIMIT_WAITS && !signal?.aborted) {
          rateLimitWaits += 1;
          continue;
        }
        if (signal?.aborted) throw cancelled(error);
        throw error;
      }
      if (response.status >= 500) {
        mayHaveChanged = true;
        if (transientRetries < retries && !signal?.aborted) {
          transientRetries += 1;
          await wait(this.clock.sleep(backoffMs(transientRetries), signal));
          continue;
        }
      }
      throw error;
    }
  }

  /** One fetch, cut off after `timeoutMs` (body included, so a stalled body cannot hang the call). */
  private async attempt(
    url: string,
    method: Method,
    body: unknown,
    signal: AbortSignal | undefined,
    timeoutMs: number,
  ): Promise<{ response: Response; early?: EarlyAnswer }> {
    const token = this.options.token();
    // The boot script may have asked this already, before the bundle had loaded.
    const early = method === 'GET' ? this.options.early?.take(url, token) : undefined;
    const controller = new AbortController();
    const onAbort = () => {
      // Given up before the answer came (a cancelled query): the next ask may adopt it.
      early?.release();
      controller.abort(abortReason(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = new AbortController();
    void this.clock.sleep(timeoutMs, timer.signal).then(
      () => {
        timedOut = true;
        controller.abort(new TimeoutSignal());
      },
      () => undefined,
    );
    // Settles on abort even when a fetch (or a body) ignores its signal.
    const aborted = new Promise<never>((_resolve, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true });
    });
    aborted.catch(() => undefined);
    const headers = new Headers({ Accept: 'application/json' });
    if (token) headers.set('Authorization', `Bearer ${token}`);
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    try {
      if (early) {
        const answer = await Promise.race([early.answer, aborted]);
        return { response: responseOf(answer.body, answer), early: answer };
      }
      const fetching = this.fetchFn(url, { method, headers, body: body === undefined ? null : JSON.stringify(body), signal: controller.signal });
      fetching.catch(() => undefined);
      const response = await Promise.race([fetching, aborted]);
      // The body is read inside the timeout too; a copy is handed on.
      const text = method === 'HEAD' ? '' : await Promise.race([response.text(), aborted]);
      return { response: responseOf(text, response) };
    } catch (error) {
      // Set by the timer's callback, which TypeScript cannot see run.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      if (timedOut) throw new TimeoutSignal();
      throw error;
    } finally {
      timer.abort();
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}


function isJson(response: Response): boolean {
  return /[/+]json\b/i.test(response.headers.get('Content-Type') ?? '');
}

function isHtml(response: Response): boolean {
  return /^\s*text\/html\b/i.test(response.headers.get('Content-Type') ?? '');
}

/**
 * A 2xx body: nothing for HEAD and 204, JSON when labelled so, else the text (which a schema then
 * refuses). A web page is never Genesys' answer, even where no body is expected (HEAD, DELETE): a
 * captive portal or a proxy's sign-in page answers 200 with one, and nothing was done.
 */
async function readBody(response: Response, method: string, path: string, correlationId: string | undefined): Promise<unknown> {
  if (isHtml(response)) throw unexpectedAnswer(method, path, correlationId, 'a web page (HTML) instead of data');
  if (method === 'HEAD' || response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  if (!isJson(response)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw unexpectedAnswer(method, path, correlationId, 'its answer was labelled JSON but was not valid JSON');
  }
}

function unexpectedAnswer(method: string, path: string, correlationId: string | undefined, why: string): ApiError {
  return new ApiError({
    status: 200,
    code: 'unexpected.response',
    message: `Genesys Cloud answered, but not with what Token Admin expected: ${why}.`,
    method,
    path,
    correlationId,
  });
}

function checkShape<T>(body: unknown, schema: v.GenericSchema<unknown, T> | undefined, method: string, path: string, correlationId: string | undefined): T {
  if (!schema) return body as T;
  // valibot's object schemas take an array (whose fields are all missing), and Genesys' fields are
  // mostly optional: `[]` would pass for a record.
  if (Array.isArray(body) && schema.type !== 'array') throw unexpectedAnswer(method, path, correlationId, 'a list where one record was expected');
  const result = v.safeParse(schema, body);
  if (result.success) return result.output;
  if (typeof body === 'string') {
    const page = /^\s*</.test(body) ? 'a web page (HTML) instead of data' : 'text instead of data';
    throw unexpectedAnswer(method, path, correlationId, page);
  }
  const [issue] = result.issues;
  const where = v.getDotPath(issue);
  throw unexpectedAnswer(method, path, correlationId, where ? `the field "${where}" ${issue.message}` : issue.message);
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
      const parsed: unknown = await response.json();
      body = typeof parsed === 'object' && parsed !== null ? parsed : {};
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
    headers: response.headers,
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
  return body.message.replace(/\[([^[\]]+)\]/g, '$1').replace(/\{\w+\}/g, '…');
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
