import type { UserSearch } from '../../api/users.ts';
import { isUserId } from './userId.ts';

/** What the text in the search box asks for: a user by id, a search, or nothing that can match. */
export type SearchInput =
  | { kind: 'empty' }
  | { kind: 'id'; id: string }
  | { kind: 'email'; text: string }
  | { kind: 'name'; text: string }
  | { kind: 'unmatchable'; reason: string };

/** Part of an id: hex digits and dashes, with at least one digit. */
const PARTIAL_ID = /^(?=.*\d)[0-9a-f-]{6,}$/i;
const HAS_LETTER = /\p{L}/u;
/** Letters (any script, accented), apostrophes, hyphens and spaces, and what else a name or the start of an email may hold. */
const NAME = /^[\p{L}\p{M}\p{N}'’.\-_+ ]+$/u;

export const MIN_SEARCH_LENGTH = 2;
/** No name or email address is longer (an address has at most 254 characters): a longer text cannot match. */
export const MAX_SEARCH_LENGTH = 254;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;
/** `Ari Agent <ari@example.com>` or `mailto:ari@example.com`, as copied from a mail program: the address in it. */
const WRAPPED_ADDRESS = /^(?:[^<>]*<\s*(?:mailto:)?([^<>\s]+@[^<>\s]*)\s*>|mailto:(\S+@\S*))$/i;

export function classifySearchInput(raw: string): SearchInput {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return { kind: 'empty' };
  if (text.length > MAX_SEARCH_LENGTH) {
    return {
      kind: 'unmatchable',
      reason: `That is ${text.length.toLocaleString('en-US')} characters, longer than any name or email address (at most ${MAX_SEARCH_LENGTH}). Search by part of the name or the address.`,
    };
  }
  // A pasted id may bring stray spaces, or follow a "/" typed to reach the box.
  const asId = text.replace(/^[/\s]+/, '').replace(/\s+/g, '');
  if (isUserId(asId)) return { kind: 'id', id: asId.toLowerCase() };
  if (text.includes('@')) {
    const wrapped = WRAPPED_ADDRESS.exec(text);
    const address = wrapped?.[1] ?? wrapped?.[2] ?? text;
    // Punctuation alone ("@@@", ".@.") is in no address: it would search for nothing.
    if ((address.replace('@', '').match(LETTER_OR_DIGIT) ?? []).length < MIN_SEARCH_LENGTH) {
      return { kind: 'unmatchable', reason: 'Type more of the email address: at least 2 letters or digits besides the @.' };
    }
    return { kind: 'email', text: address };
  }
  if (PARTIAL_ID.test(text)) {
    return {
      kind: 'unmatchable',
      reason: 'That looks like part of a user id. Paste the whole id (36 characters, such as 1b4e28ba-2fa1-41d2-883f-0016d3cca427) to open the user.',
    };
  }
  if (!HAS_LETTER.test(text)) {
    return {
      kind: 'unmatchable',
      reason: 'Names and email addresses contain letters; this has none, so no user can match. Search by name or email, or paste a user id.',
    };
  }
  if (text.length < MIN_SEARCH_LENGTH) {
    return { kind: 'unmatchable', reason: 'Type at least 2 letters of a name or an email address.' };
  }
  if (!NAME.test(text)) {
    return {
      kind: 'unmatchable',
      reason: 'Names contain only letters, spaces, apostrophes and hyphens. Remove the other characters, or search by the whole email address.',
    };
  }
  return { kind: 'name', text };
}

/** The Genesys search for a name or an email; nothing for an id, junk or an empty box. */
export function searchFor(input: SearchInput, page: number, pageSize: number): UserSearch | undefined {
  if (input.kind === 'name') return { text: input.text, page, pageSize };
  if (input.kind === 'email') return { text: input.text, page, pageSize, by: 'email' };
  return undefined;
}
