import type { ErrorDetail } from './errors.ts';
import { isRecord } from './errors.ts';

export const QUERY_TYPES = ['EXACT', 'STARTS_WITH', 'CONTAINS', 'TERM', 'QUERY_STRING', 'MATCH_ALL'] as const;
export type QueryType = (typeof QUERY_TYPES)[number];
export const SORT_ORDERS = ['ASC', 'DESC', 'SCORE'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface SearchQueryItem {
  type: QueryType;
  fields: string[];
  values: string[];
}

export interface SearchRequest {
  pageSize: number;
  pageNumber: number;
  sortOrder: SortOrder;
  sortBy: string;
  expand: string[];
  query: SearchQueryItem[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; details: ErrorDetail[] };

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Validates the Genesys search body shape; every problem is reported with its field path. */
export function parseSearchRequest(body: unknown, fields: readonly string[], maxPageSize = 100): Parsed<SearchRequest> {
  const problems: { fieldName: string; message: string }[] = [];
  const bad = (fieldName: string, message: string) => problems.push({ fieldName, message });
  if (!isRecord(body)) {
    return { ok: false, message: 'The request body must be a JSON object.', details: [{ errorCode: 'invalid.value', fieldName: 'body' }] };
  }
  const pageSize = body.pageSize ?? 25;
  if (!isIntegerIn(pageSize, 1, maxPageSize)) bad('pageSize', `pageSize must be an integer from 1 to ${String(maxPageSize)}.`);
  const pageNumber = body.pageNumber ?? 1;
  if (!isIntegerIn(pageNumber, 1, Number.MAX_SAFE_INTEGER)) bad('pageNumber', 'pageNumber must be an integer of 1 or more.');
  const sortOrder = body.sortOrder ?? 'ASC';
  if (!isOneOf(SORT_ORDERS, sortOrder)) bad('sortOrder', `sortOrder must be one of ${SORT_ORDERS.join(', ')}.`);
  const rawSortBy = body.sortBy ?? 'name';
  const sortBy = isOneOf(fields, rawSortBy) ? rawSortBy : 'name';
  if (!isOneOf(fields, rawSortBy)) bad('sortBy', `sortBy must be one of ${fields.join(', ')}.`);
  const expand = body.expand ?? [];
  if (!Array.isArray(expand) || !expand.every((e) => typeof e === 'string')) bad('expand', 'expand must be an array of strings.');

  const query: SearchQueryItem[] = [];
  if (!Array.isArray(body.query) || body.query.length === 0) {
    bad('query', 'query is required: give at least one search criterion.');
  } else {
    body.query.forEach((item: unknown, i) => {
      const at = `query[${String(i)}]`;
      if (!isRecord(item)) {
        bad(at, `${at} must be an object.`);
        return;
      }
      const type = item.type;
      if (!isOneOf(QUERY_TYPES, type)) {
        bad(`${at}.type`, `${at}.type must be one of ${QUERY_TYPES.join(', ')}.`);
        return;
      }
      const itemFields: string[] = [];
      const rawFields = item.fields ?? (type === 'MATCH_ALL' ? [] : undefined);
      if (!Array.isArray(rawFields) || (type !== 'MATCH_ALL' && rawFields.length === 0)) {
        bad(`${at}.fields`, `${at}.fields must be a non-empty array of: ${fields.join(', ')}.`);
      } else {
        rawFields.forEach((f: unknown, j) => {
          if (isOneOf(fields, f)) itemFields.push(f);
          else bad(`${at}.fields[${String(j)}]`, `${at}.fields[${String(j)}] is not searchable; use one of: ${fields.join(', ')}.`);
        });
      }
      const values: string[] = [];
      if (item.value !== undefined) {
        if (typeof item.value === 'string') values.push(item.value);
        else bad(`${at}.value`, `${at}.value must be a string.`);
      }
      if (item.values !== undefined) {
        if (Array.isArray(item.values) && item.values.every((v) => typeof v === 'string')) values.push(...item.values);
        else bad(`${at}.values`, `${at}.values must be an array of strings.`);
      }
      if (type !== 'MATCH_ALL' && item.value === undefined && item.values === undefined) {
        bad(`${at}.value`, `${at} needs a value or values.`);
      }
      query.push({ type, fields: itemFields, values });
    });
  }

  if (problems.length > 0 || !isOneOf(SORT_ORDERS, sortOrder) || typeof pageSize !== 'number' || typeof pageNumber !== 'number') {
    return {
      ok: false,
      message: problems.map((p) => p.message).join(' ') || 'The search request is invalid.',
      details: problems.map((p) => ({ errorCode: 'invalid.value', fieldName: p.fieldName })),
    };
  }
  return { ok: true, value: { pageSize, pageNumber, sortOrder, sortBy, expand: expand as string[], query } };
}

const words = (text: string) => text.split(/[\s@._-]+/).filter(Boolean);

/** Score of one field value against one query value (0 = no match), case-insensitive. */
function score(type: QueryType, fieldText: string, rawValue: string): number {
  const text = fieldText.toLowerCase();
  const value = rawValue.trim().toLowerCase();
  switch (type) {
    case 'MATCH_ALL':
      return 1;
    case 'EXACT':
      return text === value ? 3 : 0;
    case 'STARTS_WITH':
      if (text.startsWith(value)) return 2;
      return words(text).some((w) => w.startsWith(value)) ? 1 : 0;
    case 'CONTAINS':
      if (text === value) return 3;
      return text.includes(value) ? 1 : 0;
    case 'TERM':
      if (text === value) return 3;
      return words(text).includes(value) ? 2 : 0;
    case 'QUERY_STRING': {
      const terms = value
        .split(/\s+/)
        .map((t) => t.replace(/["*?]/g, ''))
        .filter(Boolean);
      return terms.every((t) => text.includes(t)) ? 1 : 0;
    }
  }
}

/** Items match when every query item matches (any field, any value); returns one sorted page. */
export function runSearch<T>(
  items: readonly T[],
  request: SearchRequest,
  fieldText: (item: T, field: string) => string,
): { total: number; pageCount: number; page: T[] } {
  const scored: { item: T; score: number }[] = [];
  for (const item of items) {
    let total = 0;
    let matchesAll = true;
    for (const q of request.query) {
      let best = 0;
      if (q.type === 'MATCH_ALL') best = 1;
      for (const field of q.fields) {
        for (const value of q.values) best = Math.max(best, score(q.type, fieldText(item, field), value));
      }
      if (best === 0) {
        matchesAll = false;
        break;
      }
      total += best;
    }
    if (matchesAll) scored.push({ item, score: total });
  }
  const by = request.sortOrder === 'SCORE' ? 'name' : request.sortBy;
  const direction = request.sortOrder === 'DESC' ? -1 : 1;
  scored.sort((a, b) => {
    if (request.sortOrder === 'SCORE' && a.score !== b.score) return b.score - a.score;
    const primary = fieldText(a.item, by).localeCompare(fieldText(b.item, by), 'en', { sensitivity: 'base' });
    return primary !== 0 ? primary * direction : fieldText(a.item, 'id').localeCompare(fieldText(b.item, 'id'));
  });
  const start = (request.pageNumber - 1) * request.pageSize;
  return {
    total: scored.length,
    pageCount: Math.ceil(scored.length / request.pageSize),
    page: scored.slice(start, start + request.pageSize).map((s) => s.item),
  };
}

/** Parses an integer query parameter; null when present but invalid or out of range. */
/** One page of a listing in Genesys' entity-listing shape. */
export function entityListing<T, R>(all: readonly T[], pageNumber: number, pageSize: number, toJson: (item: T) => R) {
  const start = (pageNumber - 1) * pageSize;
  return {
    entities: all.slice(start, start + pageSize).map(toJson),
    pageSize,
    pageNumber,
    total: all.length,
    pageCount: Math.ceil(all.length / pageSize),
  };
}

export function intParam(raw: string | undefined, fallback: number, min: number, max: number): number | null {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

/** expand=a,b&expand=c → lower-cased set */
export function expandSet(values: readonly string[] | undefined): Set<string> {
  return new Set((values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean));
}
