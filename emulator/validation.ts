import type { Context } from 'hono';
import { z } from 'zod';
import type { Env } from './env.ts';
import type { ErrorDetail } from './errors.ts';
import { badRequest } from './errors.ts';

/** A parsed value, or what was wrong with it in Genesys terms (a message and field details). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; details: ErrorDetail[] };

type PathKey = PropertyKey;

/** `['bundles', 0, 'groups', 1]` → `bundles[0].groups[1]`, the way Genesys names fields; the root is `body`. */
export function fieldPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${String(key)}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? 'body' : out;
}

interface Problem {
  path: PathKey[];
  message: string;
  entityId?: string;
}

/** Each issue as one problem per field; an unknown-keys issue becomes one problem per key, listed first. */
function problemsOf(error: z.ZodError, schema: z.core.$ZodType | undefined): Problem[] {
  const unknown: Problem[] = [];
  const rest: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) unknown.push({ path: [...issue.path, key], message: 'is not a known field.' });
      continue;
    }
    const params: unknown = issue.code === 'custom' ? issue.params : undefined;
    const entityId = typeof params === 'object' && params !== null && 'entityId' in params && typeof params.entityId === 'string' ? params.entityId : undefined;
    rest.push({ path: [...issue.path], message: issue.message, ...(entityId === undefined ? {} : { entityId }) });
  }
  return [...unknown, ...inDocumentOrder(rest, schema)];
}

/** The schema that parses the value at `path` inside `schema`, looking through wrappers; undefined when unknown. */
function schemaAt(schema: z.core.$ZodType | undefined, path: readonly PathKey[]): z.core.$ZodType | undefined {
  let node = schema;
  for (let i = 0; node !== undefined; ) {
    const def = node._zod.def as unknown as Record<string, unknown> & { type: string };
    const inner = (def.innerType ?? (def.type === 'pipe' ? def.in : undefined)) as z.core.$ZodType | undefined;
    if (inner !== undefined) {
      node = inner;
      continue;
    }
    if (i === path.length) return node;
    const key = path[i++];
    if (def.type === 'object' && typeof key === 'string') node = (def.shape as Record<string, z.core.$ZodType>)[key];
    else if (def.type === 'array' && typeof key === 'number') node = def.element as z.core.$ZodType;
    else return undefined;
  }
  return undefined;
}

/**
 * Orders problems as the fields sit in a document: a container before what it holds, array items
 * by index, an object's fields in the schema's order (unknown ones last). Zod itself reports an
 * array's own checks and cross-item checks after the items.
 */
function inDocumentOrder(problems: Problem[], schema: z.core.$ZodType | undefined): Problem[] {
  const rank = (parent: readonly PathKey[], key: PathKey): number => {
    if (typeof key === 'number') return key;
    const container = schemaAt(schema, parent);
    const shape = container?._zod.def.type === 'object' ? Object.keys((container._zod.def as unknown as { shape: object }).shape) : [];
    const at = shape.indexOf(String(key));
    return at >= 0 ? at : Number.MAX_SAFE_INTEGER;
  };
  const compare = (a: PathKey[], b: PathKey[]): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const x = a[i];
      const y = b[i];
      if (x === y || x === undefined || y === undefined) continue;
      return rank(a.slice(0, i), x) - rank(a.slice(0, i), y);
    }
    return a.length - b.length;
  };
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((p, q) => compare(p.problem.path, q.problem.path) || p.index - q.index)
    .map(({ problem }) => problem);
}

/**
 * A ZodError as a Genesys 400: one `invalid.value` detail per field (`inactivityTimeoutGroupBundles[1].priority`)
 * and a message that joins each field's own message, prefixed with its path. Give the schema to list
 * them in its field order. Schemas therefore word their
 * messages to follow a field name: "must be a whole number of seconds from 300 (5 minutes) to 28800 (8 hours)."
 */
export function describeZodError(error: z.ZodError, schema?: z.core.$ZodType): { message: string; details: ErrorDetail[] } {
  const problems = problemsOf(error, schema);
  return {
    message: problems.map((p) => `${p.path.length === 0 ? 'The request body' : fieldPath(p.path)} ${p.message}`).join(' '),
    details: problems.map((p) => ({ errorCode: 'invalid.value', fieldName: fieldPath(p.path), ...(p.entityId === undefined ? {} : { entityId: p.entityId }) })),
  };
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, ...describeZodError(result.error, schema) };
}

/** The 400 bad.request for a failed parse. */
export function invalid(c: Context<Env>, parsed: { message: string; details: ErrorDetail[] }): Response {
  return badRequest(c, parsed.message, parsed.details);
}

// --- schema pieces with messages that read after a field name ---

/** A whole number in [min, max], one message for every way of missing it. */
export function intIn(min: number, max: number, message: string) {
  return z.int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

export const bool = () => z.boolean({ error: 'must be true or false.' });

export const objectBody = { error: 'must be a JSON object.' } as const;

// --- paging of GET listings ---

export interface PageParams {
  pageSize: number;
  pageNumber: number;
}

const digits = (min: number, max: number, fallback: number, message: string) =>
  z
    .string({ error: message })
    .regex(/^\d+$/, { error: message })
    .transform(Number)
    .pipe(intIn(min, max, message))
    .optional()
    .transform((v) => v ?? fallback);

/**
 * pageSize and pageNumber of a GET listing (query string); an empty value counts as absent.
 * Returns the values, or the 400 naming each bad parameter.
 */
export function pageParams(c: Context<Env>, { maxPageSize, defaultPageSize = 25 }: { maxPageSize: number; defaultPageSize?: number }): PageParams | Response {
  const schema = z.object({
    pageSize: digits(1, maxPageSize, defaultPageSize, `must be a whole number from 1 to ${String(maxPageSize)}.`),
    pageNumber: digits(1, Number.MAX_SAFE_INTEGER, 1, 'must be a whole number of 1 or more.'),
  });
  const raw = (name: string) => {
    const value = c.req.query(name);
    return value === '' ? undefined : value;
  };
  const parsed = parseWith(schema, { pageSize: raw('pageSize'), pageNumber: raw('pageNumber') });
  return parsed.ok ? parsed.value : invalid(c, parsed);
}
