import { z } from 'zod';
import type { PageParams, Parsed } from './validation.ts';
import { intIn, objectBody, parseWith } from './validation.ts';

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

/** The Genesys search body; each message reads after its field name (see describeZodError). */
function searchSchema(fields: readonly string[], maxPageSize: number) {
  const fieldList = fields.join(', ');
  const field = z.string({ error: `is not searchable; use one of: ${fieldList}.` }).refine((f) => fields.includes(f), { error: `is not searchable; use one of: ${fieldList}.` });
  const strings = (what: string) => z.array(z.string({ error: `must be ${what}.` }), { error: `must be ${what}.` });
  const item = z
    .object(
      {
        type: z.enum(QUERY_TYPES, { error: `must be one of ${QUERY_TYPES.join(', ')}.` }),
        fields: z.array(field, { error: `must be a non-empty array of: ${fieldList}.` }).optional(),
        value: z.string({ error: 'must be a string.' }).optional(),
        values: strings('an array of strings').optional(),
      },
      { error: 'must be an object.' },
    )
    .superRefine((q, ctx) => {
      if (q.type === 'MATCH_ALL') return;
      if (q.fields === undefined || q.fields.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['fields'], message: `must be a non-empty array of: ${fieldList}.` });
      }
      if (q.value === undefined && q.values === undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: 'is required: give a value or values.' });
    });
  return z.object(
    {
      pageSize: intIn(1, maxPageSize, `must be a whole number from 1 to ${String(maxPageSize)}.`).nullish(),
      pageNumber: intIn(1, Number.MAX_SAFE_INTEGER, 'must be a whole number of 1 or more.').nullish(),
      sortOrder: z.enum(SORT_ORDERS, { error: `must be one of ${SORT_ORDERS.join(', ')}.` }).nullish(),
      sortBy: field.nullish(),
      expand: strings('an array of strings').nullish(),
      query: z
        .array(item, { error: 'is required: give at least one search criterion.' })
        .min(1, { error: 'is required: give at least one search criterion.' }),
    },
    objectBody,
  );
}

/** Validates the Genesys search body shape; every problem is reported with its field path. */
export function parseSearchRequest(body: unknown, fields: readonly string[], maxPageSize = 100): Parsed<SearchRequest> {
  const parsed = parseWith(searchSchema(fields, maxPageSize), body);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  return {
    ok: true,
    value: {
      pageSize: v.pageSize ?? 25,
      pageNumber: v.pageNumber ?? 1,
      sortOrder: v.sortOrder ?? 'ASC',
      sortBy: v.sortBy ?? 'name',
      expand: v.expand ?? [],
      query: v.query.map((q) => ({ type: q.type, fields: q.fields ?? [], values: [...(q.value === undefined ? [] : [q.value]), ...(q.values ?? [])] })),
    },
  };
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

/** One page of a listing in Genesys' entity-listing shape. */
export function entityListing<T, R>(all: readonly T[], { pageNumber, pageSize }: PageParams, toJson: (item: T) => R) {
  const start = (pageNumber - 1) * pageSize;
  return {
    entities: all.slice(start, start + pageSize).map(toJson),
    pageSize,
    pageNumber,
    total: all.length,
    pageCount: Math.ceil(all.length / pageSize),
  };
}

/** expand=a,b&expand=c → lower-cased set */
export function expandSet(values: readonly string[] | undefined): Set<string> {
  return new Set((values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean));
}
