import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_LENGTH, classifySearchInput, searchFor } from './classify.ts';

describe('what the user search box is asked', () => {
  it.each([
    ['smith', 'smith'],
    ['  Mei   Smith ', 'Mei Smith'],
    ['Zoë', 'Zoë'],
    ["O'Brien", "O'Brien"],
    ['Van der Berg', 'Van der Berg'],
    ['Jean-Luc', 'Jean-Luc'],
    ['mei.smith', 'mei.smith'],
    ['李', undefined],
    ['李明', '李明'],
  ])('%j is a name search', (input, text) => {
    const result = classifySearchInput(input);
    if (text === undefined) expect(result.kind).toBe('unmatchable');
    else expect(result).toEqual({ kind: 'name', text });
  });

  it.each(['mei.smith@example.com', '@example.com', 'mei@'])('%j is an email search', (input) => {
    expect(classifySearchInput(input)).toEqual({ kind: 'email', text: input });
  });

  it('a whole user id opens that user, in lower case, whatever the spaces around it', () => {
    expect(classifySearchInput(' A11CE000-0000-4000-8000-000000000003\n')).toEqual({ kind: 'id', id: 'a11ce000-0000-4000-8000-000000000003' });
  });

  it.each([
    ['12345', /none/],
    ['!!!', /none/],
    ['a', /at least 2/],
    ['@', /at least 2/],
    ['a11ce000-0000', /part of a user id/],
    ['a11ce000-0000-4000-8000-00000000000', /part of a user id/],
    ['smith; drop', /Remove the other characters/],
  ])('%j cannot match anyone and says why', (input, reason) => {
    const result = classifySearchInput(input);
    expect(result.kind).toBe('unmatchable');
    if (result.kind === 'unmatchable') expect(result.reason).toMatch(reason);
  });

  it('text longer than any name or address is not sent to Genesys, and says how long it is', () => {
    expect(classifySearchInput('a'.repeat(MAX_SEARCH_LENGTH)).kind).toBe('name');
    expect(classifySearchInput('a'.repeat(MAX_SEARCH_LENGTH + 1))).toEqual({
      kind: 'unmatchable',
      reason: 'That is 255 characters, longer than any name or email address (at most 254). Search by part of the name or the address.',
    });
  });

  it.each(['@@@@', '.@.', '-@_', '@ @'])('%j, punctuation around an @, searches for nothing', (input) => {
    expect(classifySearchInput(input)).toEqual({ kind: 'unmatchable', reason: 'Type more of the email address: at least 2 letters or digits besides the @.' });
  });

  it.each([
    ['Ari Agent <ari@example.com>', 'ari@example.com'],
    ['"Agent, Ari" <ari@example.com>', 'ari@example.com'],
    ['<mailto:ari@example.com>', 'ari@example.com'],
    ['mailto:ari@example.com', 'ari@example.com'],
  ])('%j, as copied from a mail program, searches for the address in it', (input, text) => {
    expect(classifySearchInput(input)).toEqual({ kind: 'email', text });
  });

  it('an empty box asks for nothing', () => {
    expect(classifySearchInput('   ')).toEqual({ kind: 'empty' });
  });

  it('turns names and emails into searches, and nothing else', () => {
    expect(searchFor(classifySearchInput('smith'), 2, 25)).toEqual({ text: 'smith', page: 2, pageSize: 25 });
    expect(searchFor(classifySearchInput('mei@ex'), 1, 25)).toEqual({ text: 'mei@ex', page: 1, pageSize: 25, by: 'email' });
    expect(searchFor(classifySearchInput('12'), 1, 25)).toBeUndefined();
    expect(searchFor(classifySearchInput('a11ce000-0000-4000-8000-000000000003'), 1, 25)).toBeUndefined();
  });
});
