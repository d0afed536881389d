/**
 * The list of users an admin pastes or uploads for Bulk revoke: emails and Genesys user ids in any
 * layout, turned into entries to resolve and lines to show back as rejected. No network, no React.
 */
import Papa from 'papaparse';

export type EntryKind = 'email' | 'id';
export type Delimiter = ',' | ';' | '\t' | '|';

/** One user to revoke, as the list names them. */
export interface ListEntry {
  /** 1-based line of the input where the value is. */
  line: number;
  /** The value as written, trimmed: an address, `Ari Agent <ari@example.com>`, an id. */
  text: string;
  kind: EntryKind;
  /** What duplicates are found by and resolution looks up: the address or the id, in lower case. */
  key: string;
  /** A row giving both an id and an email: the id is used, this email (as written) is for the preview. */
  alsoEmail?: string;
}

interface Rejection {
  /** 1-based line of the input. */
  line: number;
  /** The line as written for a malformed one; the value as written for a duplicate or the first one left out. */
  text: string;
  /** In the admin's words: what is wrong and, where it is not plain, what to do. */
  message: string;
}
export interface MalformedLine extends Rejection {
  reason: 'malformed';
}
export interface DuplicateEntry extends Rejection {
  reason: 'duplicate';
  duplicateOfLine: number;
}
export interface TooManyEntries extends Rejection {
  reason: 'too-many';
  /** How many users past the limit were not kept. */
  leftOut: number;
}
export type RejectedLine = MalformedLine | DuplicateEntry | TooManyEntries;

/** A first row that names columns; the names are as written, for the preview ("using the E-mail column"). */
export interface HeaderRow {
  line: number;
  idColumn?: string;
  emailColumn?: string;
}

export interface ParsedList {
  entries: ListEntry[];
  /** In line order. */
  rejected: RejectedLine[];
  header?: HeaderRow;
  /** Absent for a single-column list. */
  delimiter?: Delimiter;
  /** Lines in the input, blank ones included. */
  lineCount: number;
}

export interface ParseOptions {
  maxEntries?: number;
}

export const DEFAULT_MAX_ENTRIES = 20_000;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The longest excerpt of the input a message quotes, and the longest rejected text kept. */
const MAX_QUOTED_CHARACTERS = 80;
const MAX_REJECTED_TEXT = 200;

const EXAMPLE_ID = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
/** A Genesys user id is a UUID (as features/users/userId.ts has it; features do not share code). */
const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * A cut-short or mistyped id: starts like one, or is one without its dashes, or is hex groups with
 * dashes holding a letter and a digit (phone numbers and dates have no letters).
 */
const ID_LIKE = /^(?:[0-9a-f]{8}-[0-9a-z-]*|[0-9a-f]{32}|(?=[^a-f]*[a-f])(?=\D*\d)[0-9a-f]+(?:-[0-9a-f]*)+)$/i;
/** Only text with an @ or a run of hex digits can hold a value: anything else is not split further. */
const MAY_HOLD_VALUE = /@|[0-9a-f]{8}/i;

const MAX_EMAIL_LENGTH = 254;
/** Printable, without the characters that separate, bracket or quote addresses in a list. */
const LOCAL_PART = /^[^\s@<>()[\]\\,;:"]+$/u;
/** One part of a domain: letters of any script, digits, and hyphens inside. */
const DOMAIN_LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;
const TOP_LEVEL_DOMAIN = /^(?:[\p{L}\p{M}]{2,}|xn--[a-z0-9-]+)$/iu;
/** Most addresses in a list: plain ASCII, checked in one go before the thorough check. */
const PLAIN_EMAIL = /^[a-z0-9_%+'-]+(?:\.[a-z0-9_%+'-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i;
/** Anything but printable ASCII: only such keys need Unicode normalising. */
const NOT_PLAIN_ASCII = /[^ -~]/;
/**
 * `Ari Agent <ari@example.com>`, `"Agent, Ari" <ari@example.com>`, and what is left of the latter
 * after a CSV split (`Ari" <ari@example.com>`). An unquoted name with an @ is a list, not a name.
 */
const DISPLAY_NAME = /^(?:"[^"]*"\s*|'[^']*'\s*|[^<>@]*)<\s*([^<>\s]*)\s*>$/u;

/** `"Agent, Ari" <`: a name in quotes, then an address. */
const QUOTED_NAME = /"[^"]*"\s*</;
const MAILTO = /^mailto:/i;

/** Header names, compared in lower case without spaces or punctuation: "E-mail Address" is `emailaddress`. */
const EMAIL_COLUMN = /^(?:(?:user|primary|work|business)?e?mail(?:address|id)?|emails)$/;
const ID_COLUMN = /^(?:genesys(?:cloud)?|purecloud)?(?:user)?(?:id|uuid|guid)$/;
const OTHER_COLUMNS = new Set([
  'name', 'fullname', 'displayname', 'firstname', 'lastname', 'givenname', 'surname', 'familyname',
  'username', 'user', 'login', 'agent', 'department', 'dept', 'title', 'jobtitle', 'division', 'state',
  'status', 'manager', 'location', 'site', 'phone', 'team', 'group', 'groups', 'role', 'roles',
  'note', 'notes', 'comment', 'comments', 'reason', 'date', 'employeeid', 'employeenumber',
]);
const ID_WORDS = new Set(['id', 'uuid', 'guid']);
const EMAIL_WORDS = new Set(['email', 'mail', 'emailaddress']);
/** Whose id or email a qualified column holds, in order of preference: the target of an action first. */
const PERSON_WORDS = ['target', 'user', 'agent', 'member', 'person', 'genesys', 'purecloud'];
const MAX_COLUMN_NAME = 60;
const MAX_COLUMN_WORDS = 4;
/** An empty cell, or a ruled line of a pasted table (`---`, `+====+`): a row of only these is skipped like a blank one. */
const RULE = /^[-=_:+\s]*$/;

/** Tie-break order when two delimiters are on as many lines: tabs and semicolons are rarer in names than commas. */
const DELIMITERS: readonly Delimiter[] = ['\t', ';', '|', ','];
const DELIMITER_SAMPLE_LINES = 50;
const QUOTED_IN_LINE = /"[^"\n]*"/g;

const numbers = new Intl.NumberFormat('en-US');

/** Something in a cell that is, or tries to be, an email or an id. Names, numbers and the like give none. */
interface Found {
  kind: EntryKind;
  /** As written, trimmed. */
  text: string;
  /** The address or id within `text`. */
  address: string;
  /** Why it is not a usable value; absent when it is one. */
  problem?: string;
}

interface Header {
  row: HeaderRow;
  /**
   * The cells to read on later rows: the id column, then the email column; `all` when the header
   * mentions neither; none when it mentions them but cannot say which holds the users.
   */
  columns: number[] | 'all';
  /** How many cells the header has: a row with more has likely been shifted by an unquoted comma in a name. */
  width: number;
  /** What is wrong with the header itself, reported on its line. */
  problem?: string;
}

export function parseUserList(input: string, options: ParseOptions = {}): ParsedList {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be a whole number above 0, not ${String(maxEntries)}`);

  // One kind of line break, so that papaparse splits pasted text with mixed breaks the same way as we count lines.
  const text = withoutBom(input).replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  const rowDelimiter = delimiter ?? ',';

  const entries: ListEntry[] = [];
  const rejected: RejectedLine[] = [];
  const firstLineOf = new Map<string, number>();
  let leftOut = 0;
  let firstLeftOut: { line: number; text: string } | undefined;
  let header: Header | undefined;
  let valueSeen = false;

  function reject(line: number, rowText: string, message: string): void {
    // Past the limit, nothing more is reported: that part of the list is left out as a whole.
    if (leftOut === 0) rejected.push({ reason: 'malformed', line, text: clip(rowText, MAX_REJECTED_TEXT), message });
  }

  function add(found: Found, line: number, alsoEmail?: string): void {
    // The same accented address may come composed or decomposed; NFC makes them one key.
    const lowerCase = found.address.toLowerCase();
    const key = found.kind === 'email' && NOT_PLAIN_ASCII.test(lowerCase) ? lowerCase.normalize('NFC') : lowerCase;
    const firstLine = firstLineOf.get(key);
    if (firstLine !== undefined) {
      if (leftOut === 0) {
        const message = firstLine === line ? 'Listed twice on this line.' : `Same as line ${firstLine}.`;
        rejected.push({ reason: 'duplicate', line, text: found.text, duplicateOfLine: firstLine, message });
      }
      return;
    }
    firstLineOf.set(key, line);
    if (entries.length < maxEntries) {
      entries.push(alsoEmail === undefined ? { line, text: found.text, kind: found.kind, key } : { line, text: found.text, kind: found.kind, key, alsoEmail });
      return;
    }
    leftOut++;
    firstLeftOut ??= { line, text: found.text };
  }

  function readRow(cells: readonly string[], start: number, end: number, line: number): void {
    if (cells.every((cell) => RULE.test(cell))) return;
    const contentEnd = text[end - 1] === '\n' ? end - 1 : end;
    const spansLines = text.lastIndexOf('\n', contentEnd - 1) >= start;
    if (header?.columns.length === 0) {
      reject(line, text.slice(start, contentEnd), `Not read: the header on line ${header.row.line} does not say which column holds the users.`);
      return;
    }
    const found = header === undefined || header.columns === 'all' ? inspectAll(cells) : inspectColumns(cells, header.columns, header.width);
    // Most rows: one value on one line, and nothing else.
    const [only] = found;
    if (found.length === 1 && only !== undefined && only.problem === undefined && !spansLines) {
      valueSeen = true;
      add(only, line);
      return;
    }
    const rowText = text.slice(start, contentEnd);
    const lineOf = spansLines ? lineFinder(rowText, line) : () => line;
    const values = found.filter((item) => item.problem === undefined);

    if (values.length === 0) {
      if (header === undefined && !valueSeen && found.length === 0) {
        header = headerOf(cells, line);
        if (header?.problem !== undefined) reject(line, rowText, header.problem);
        if (header !== undefined) return;
      }
      const problems = found.filter((item) => item.problem !== undefined);
      if (problems.length === 0) reject(line, rowText, nothingFoundMessage(header));
      for (const problem of problems) reject(lineOf(problem.address), rowText, problem.problem ?? '');
      return;
    }
    valueSeen = true;

    // One id with one email is one user (an `id,email,name` row); any other mix is one user per value.
    const ids = values.filter((item) => item.kind === 'id');
    const emails = values.filter((item) => item.kind === 'email');
    const pair = ids.length === 1 && emails.length === 1 ? { id: ids[0], email: emails[0] } : undefined;
    const problems = found.filter((item) => item.problem !== undefined);
    // A broken email beside a good id (or the other way round) is the spare half of a pair: not worth a rejection.
    const spareHalf = values.length === 1 && problems.length === 1 && problems[0]?.kind !== values[0]?.kind;

    for (const item of found) {
      const itemLine = lineOf(item.address);
      if (item.problem !== undefined) {
        if (!spareHalf) reject(itemLine, rowText, item.problem);
      } else if (item === pair?.id) {
        add(item, itemLine, pair.email?.address);
      } else if (item !== pair?.email) {
        add(item, itemLine);
      }
    }
  }

  // Row by row, knowing where each row starts: the line numbers come from those positions.
  let rowStart = 0;
  let rowLine = 1;
  Papa.parse<string[]>(text, {
    delimiter: rowDelimiter,
    newline: '\n',
    step: (result) => {
      const rowEnd = result.meta.cursor;
      if (result.errors.some((error) => error.type === 'Quotes')) {
        // A quote that does not close where CSV says (`"Agent, Ari" <ari@example.com>`) can swallow the
        // lines after it: read each of those lines on its own, taking such quotes as plain characters.
        forEachLine(text, rowStart, rowEnd, (start, end, line) => {
          readRow(splitCells(text.slice(start, end), rowDelimiter), start, end, rowLine + line);
        });
      } else {
        readRow(result.data, rowStart, rowEnd, rowLine);
      }
      rowLine += countLineBreaks(text, rowStart, rowEnd);
      rowStart = rowEnd;
    },
  });

  if (firstLeftOut !== undefined) {
    const message =
      `A list can hold at most ${numbers.format(maxEntries)} users: the ${numbers.format(leftOut)} more from line ` +
      `${numbers.format(firstLeftOut.line)} on were left out. Split the list and revoke each part in turn.`;
    rejected.push({ reason: 'too-many', line: firstLeftOut.line, text: firstLeftOut.text, leftOut, message });
  }

  const parsed: ParsedList = { entries, rejected, lineCount: countLines(text) };
  if (header !== undefined) parsed.header = header.row;
  if (delimiter !== undefined) parsed.delimiter = delimiter;
  return parsed;
}

function inspectAll(cells: readonly string[]): Found[] {
  const found: Found[] = [];
  for (const cell of cells) inspect(cell, DELIMITERS, found);
  return found;
}

/**
 * The values in the columns the header names. `Agent, Ari,ari@example.com` under `Name,Email` has one
 * cell too many: when the named columns give no value, they are read again that many cells further on.
 */
function inspectColumns(cells: readonly string[], columns: readonly number[], headerWidth: number): Found[] {
  // A row too short to reach the named columns does not follow the header: all of it is read.
  if (columns.some((column) => column >= cells.length)) return inspectAll(cells);
  const read = (shift: number): Found[] => inspectAll(columns.map((column) => cells[column + shift] ?? ''));
  const found = read(0);
  const extraCells = cells.length - headerWidth;
  if (extraCells <= 0 || found.some((item) => item.problem === undefined)) return found;
  const shifted = read(extraCells);
  return shifted.some((item) => item.problem === undefined) ? shifted : found;
}

/** Adds to `found` what one cell holds: the cell itself, or the list in it (`a@x.com; b@x.com`, one per line, or spaced). */
function inspect(cell: string, splitters: readonly Delimiter[], found: Found[]): void {
  const text = cell.trim();
  if (text === '') return;
  const whole = classify(text);
  if ((whole !== undefined && whole.problem === undefined) || !MAY_HOLD_VALUE.test(text)) {
    if (whole !== undefined) found.push(whole);
    return;
  }

  for (const [index, splitter] of splitters.entries()) {
    if (!text.includes(splitter)) continue;
    const before = found.length;
    for (const part of splitCells(text, splitter)) inspect(part, splitters.slice(index + 1), found);
    if (found.length > before) return;
    break;
  }
  // Words that are all emails or ids, some perhaps broken, are a list; a name beside an address is not
  // taken apart (in a note, "replaced by bo@example.com" does not name the user to revoke).
  if (/\s/u.test(text)) {
    const words = text.split(/\s+/u).map(classify);
    if (words.every((word) => word !== undefined)) {
      found.push(...words);
      return;
    }
    const address = words.find((word) => word?.kind === 'email' && word.problem === undefined)?.address;
    if (address !== undefined) {
      const problem = `${quote(text)} holds more than an email address: put the name in a column of its own, or write it as Name <${address}>.`;
      found.push({ kind: 'email', text, address, problem });
      return;
    }
  }
  if (whole !== undefined) found.push(whole);
}

/** One piece of text as an email, an id, a broken one of either, or nothing of interest. */
function classify(written: string): Found | undefined {
  const displayName = written.endsWith('>') ? DISPLAY_NAME.exec(written) : null;
  const address = displayName?.[1] ?? (MAILTO.test(written) ? written.slice('mailto:'.length) : written);
  if (USER_ID.test(address)) return { kind: 'id', text: written, address };
  if (address.includes('@')) {
    // A name that lost its opening quote to a CSV split (`Ari" <ari@example.com>`) would show garbled: show the address.
    const text = displayName !== null && oddQuotes(written.slice(0, written.lastIndexOf('<'))) ? address : written;
    const problem = emailProblem(address);
    return problem === undefined ? { kind: 'email', text, address } : { kind: 'email', text, address, problem };
  }
  if (ID_LIKE.test(address)) return { kind: 'id', text: written, address, problem: idProblem(address) };
  return undefined;
}

function oddQuotes(text: string): boolean {
  return text.split('"').length % 2 === 0;
}

/** A practical check, not RFC 5322: what a Genesys user's address looks like, with the reason when it does not. */
function emailProblem(address: string): string | undefined {
  if (address.length <= MAX_EMAIL_LENGTH && PLAIN_EMAIL.test(address) && !address.includes('..')) return undefined;
  const quoted = quote(address);
  const at = address.indexOf('@');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (/\s/u.test(address)) return `${quoted} is not a valid email address: it has a space in it.`;
  if (domain.includes('@')) return `${quoted} is not a valid email address: it has more than one @.`;
  if (local === '' || domain === '' || domain.endsWith('.')) return `${quoted} is not a complete email address.`;
  if (!domain.includes('.')) return `${quoted} is not a complete email address: the part after the @ needs a dot, as in example.com.`;
  if (address.length > MAX_EMAIL_LENGTH) return `${quoted} is too long for an email address: the most is ${MAX_EMAIL_LENGTH} characters.`;
  if (address.includes('..')) return `${quoted} is not a valid email address: it has two dots in a row.`;
  const labels = domain.split('.');
  const valid =
    LOCAL_PART.test(local) &&
    !local.startsWith('.') &&
    !local.endsWith('.') &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL_DOMAIN.test(labels[labels.length - 1] ?? '');
  return valid ? undefined : `${quoted} is not a valid email address.`;
}

function idProblem(text: string): string {
  return text.length === 36
    ? `${quote(text)} is not a valid user id: a Genesys Cloud user id has 0–9, a–f and dashes, as in ${EXAMPLE_ID}.`
    : `${quote(text)} is not a whole user id: a Genesys Cloud user id has 36 characters such as ${EXAMPLE_ID}.`;
}

interface Column {
  index: number;
  /** As written, trimmed. */
  name: string;
  /** In lower case, split at spaces, punctuation and camelCase: "targetEmail" is `target email`. */
  words: string[];
}

type ColumnPick = { column?: Column; mentioned: boolean } | { ambiguous: Column[]; mentioned: true };

/**
 * A row before the first value whose cells are all column names, one of them known. Besides the
 * plain names (Email, User ID), a column such as "Agent Email" or "targetId" is taken when it is
 * the only one of its kind, or the only one about the target, user, agent, member or person
 * (this app's own Activity export has actorEmail beside targetEmail: the admin is not to be revoked).
 */
function headerOf(cells: readonly string[], line: number): Header | undefined {
  const columns: Column[] = [];
  for (const [index, cell] of cells.entries()) {
    const name = cell.trim();
    if (name === '') continue;
    const words = columnWords(name);
    if (name.length > MAX_COLUMN_NAME || words.length > MAX_COLUMN_WORDS) return undefined;
    columns.push({ index, name, words });
  }
  const id = pickColumn(columns, 'id');
  const email = pickColumn(columns, 'email');
  if (!id.mentioned && !email.mentioned && !columns.some((column) => OTHER_COLUMNS.has(column.words.join('')))) return undefined;

  const header: Header = { row: { line }, columns: [], width: cells.length };
  if (!id.mentioned && !email.mentioned) header.columns = 'all';
  // The id column first: when it holds a valid id, that is the one used.
  if ('column' in id && id.column !== undefined) {
    header.row.idColumn = id.column.name;
    header.columns = [id.column.index];
  }
  if ('column' in email && email.column !== undefined && Array.isArray(header.columns)) {
    header.row.emailColumn = email.column.name;
    header.columns.push(email.column.index);
  }
  const ambiguous = 'ambiguous' in email ? email : 'ambiguous' in id ? id : undefined;
  if (ambiguous !== undefined) {
    const names = ambiguous.ambiguous.map((column) => `“${column.name}”`).join(', ');
    const plainName = ambiguous === email ? 'Email' : 'User ID';
    header.problem = `Several columns could hold the users: ${names}. Keep only the one to revoke, or name it “${plainName}”.`;
  } else if (header.columns.length === 0) {
    header.problem = 'No column of this header holds users: name the column of email addresses “Email”, or that of user ids “User ID”.';
  }
  return header;
}

function pickColumn(columns: readonly Column[], kind: EntryKind): ColumnPick {
  const plainName = kind === 'id' ? ID_COLUMN : EMAIL_COLUMN;
  const mentions = columns.filter((column) =>
    kind === 'id' ? ID_WORDS.has(column.words[column.words.length - 1] ?? '') : column.words.some((word) => EMAIL_WORDS.has(word)),
  );
  const plain = mentions.find((column) => plainName.test(column.words.join('')));
  if (plain !== undefined) return { column: plain, mentioned: true };
  // Ids of other things (organizationId, correlationId) are no user's.
  const candidates = kind === 'id' ? mentions.filter((column) => PERSON_WORDS.includes(column.words[0] ?? '')) : mentions;
  if (candidates.length <= 1) return { column: candidates[0], mentioned: mentions.length > 0 };
  for (const word of PERSON_WORDS) {
    const [preferred, ...others] = candidates.filter((column) => column.words[0] === word);
    if (preferred !== undefined && others.length === 0) return { column: preferred, mentioned: true };
  }
  return { ambiguous: candidates, mentioned: true };
}

function columnWords(name: string): string[] {
  return name
    .normalize('NFKC')
    .replace(/e-mail/giu, 'email')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

function nothingFoundMessage(header: Header | undefined): string {
  const names = [header?.row.idColumn, header?.row.emailColumn].filter((name) => name !== undefined).map((name) => `“${name}”`);
  if (names.length === 0) return 'No email address or user id on this line.';
  return `No email address or user id in the ${names.join(' or ')} column.`;
}

/** The delimiter on the most of the first non-blank lines, quoted text aside; none for a single column. */
function detectDelimiter(text: string): Delimiter | undefined {
  const linesWith = new Map<Delimiter, number>();
  let sampled = 0;
  for (let start = 0; start < text.length && sampled < DELIMITER_SAMPLE_LINES; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end).replace(QUOTED_IN_LINE, '');
    start = end + 1;
    if (line.trim() === '') continue;
    sampled++;
    for (const delimiter of DELIMITERS) if (line.includes(delimiter)) linesWith.set(delimiter, (linesWith.get(delimiter) ?? 0) + 1);
  }
  let best: Delimiter | undefined;
  let bestLines = 0;
  for (const delimiter of DELIMITERS) {
    const lines = linesWith.get(delimiter) ?? 0;
    if (lines > bestLines) {
      best = delimiter;
      bestLines = lines;
    }
  }
  return best;
}

/** CSV cells of a line or a cell; when its quotes do not make sense as CSV, quotes are taken as plain characters. */
function splitCells(text: string, delimiter: Delimiter): string[] {
  const plain = (): string[][] => Papa.parse<string[]>(text, { delimiter, newline: '\n', fastMode: true }).data;
  // A quoted display name is never valid CSV: no need to try.
  if (QUOTED_NAME.test(text)) return plain().flat();
  const csv = Papa.parse<string[]>(text, { delimiter, newline: '\n' });
  return (csv.errors.length === 0 ? csv.data : plain()).flat();
}

/** Finds the line of each value in a row that spans lines (a quoted cell with line breaks), in order. */
function lineFinder(rowText: string, firstLine: number): (address: string) => number {
  let searchFrom = 0;
  let line = firstLine;
  return (address) => {
    const at = rowText.indexOf(address, searchFrom);
    if (at === -1) {
      // Out of order (the id column after the email column): look from the start, and keep the place.
      const earlier = rowText.indexOf(address);
      return earlier === -1 ? line : firstLine + countLineBreaks(rowText, 0, earlier);
    }
    const lineOfAddress = line + countLineBreaks(rowText, searchFrom, at);
    searchFrom = at + address.length;
    line = lineOfAddress + countLineBreaks(rowText, at, searchFrom);
    return lineOfAddress;
  };
}

/** Calls back with each line of text[start, end) and its offset in lines from the first; blank lines too. */
function forEachLine(text: string, start: number, end: number, read: (lineStart: number, lineEnd: number, offset: number) => void): void {
  let offset = 0;
  for (let lineStart = start; lineStart < end; offset++) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 || newline >= end ? end : newline;
    read(lineStart, lineEnd, offset);
    lineStart = lineEnd + 1;
  }
}

function countLineBreaks(text: string, start: number, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', start); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function countLines(text: string): number {
  if (text === '') return 0;
  return countLineBreaks(text, 0, text.length) + (text.endsWith('\n') ? 0 : 1);
}

function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** An excerpt of the input for a message: on one line, and short. */
function quote(text: string): string {
  return `“${clip(text.replace(/\s+/gu, ' '), MAX_QUOTED_CHARACTERS)}”`;
}

export type FileProblem = 'empty' | 'too-large' | 'not-text';
export interface FileRefusal {
  problem: FileProblem;
  message: string;
}

/** In tenths of a megabyte, rounded up: a file just over the limit must not read as the limit itself. */
const megabytes = (bytes: number): string => `${String(Math.ceil(bytes / 1024 / 1024 * 10) / 10)} MB`;
/** Tab, line feed, vertical tab, form feed, carriage return: control characters that text files do hold. */
const TEXT_CONTROLS = new Set([9, 10, 11, 12, 13]);
const BINARY_SAMPLE = 64 * 1024;
const SAVE_AS_CSV = 'In Excel, choose File › Save As › CSV UTF-8 (.csv), and upload that file.';

/** Before reading a file: refuse one too big to read as text at all. */
export function checkFileSize(byteLength: number): FileRefusal | undefined {
  if (byteLength === 0) return { problem: 'empty', message: 'This file is empty.' };
  if (byteLength > MAX_FILE_BYTES) {
    return {
      problem: 'too-large',
      message: `This file is ${megabytes(byteLength)}; a list can be at most ${megabytes(MAX_FILE_BYTES)}. Split it into smaller files.`,
    };
  }
  return undefined;
}

/** After reading a file as UTF-8: refuse one that is too big, empty, or not text (a workbook saved by mistake). */
export function checkFileText(text: string, byteLength: number): FileRefusal | undefined {
  const bySize = checkFileSize(byteLength);
  if (bySize !== undefined) return bySize;
  const content = withoutBom(text);
  if (content.trim() === '') return { problem: 'empty', message: 'This file is empty: it has only blank lines.' };

  if (content.startsWith('PK\u0003\u0004')) {
    return { problem: 'not-text', message: `This is an Excel workbook (or another zip file), not a CSV file. ${SAVE_AS_CSV}` };
  }
  const sample = content.slice(0, BINARY_SAMPLE);
  const nulsAt = [0, 0];
  let controls = 0;
  for (let at = 0; at < sample.length; at++) {
    const code = sample.charCodeAt(at);
    if (code === 0) nulsAt[at % 2] = (nulsAt[at % 2] ?? 0) + 1;
    else if ((code < 32 && !TEXT_CONTROLS.has(code)) || code === 127) controls++;
  }
  const [nulsAtEven = 0, nulsAtOdd = 0] = nulsAt;
  // UTF-16 (Excel's "Unicode Text") read as UTF-8: every other character of plain text is a NUL.
  if (Math.max(nulsAtEven, nulsAtOdd) > sample.length * 0.4) {
    return { problem: 'not-text', message: `This file is saved as UTF-16 ("Unicode Text"), which cannot be read here. ${SAVE_AS_CSV}` };
  }
  if (nulsAtEven + nulsAtOdd > 0 || controls > sample.length / 100) {
    return { problem: 'not-text', message: `This file is not text: it looks like a spreadsheet or another binary file. ${SAVE_AS_CSV}` };
  }
  // Excel's plain "CSV (Comma delimited)" is saved in the Windows code page: read as UTF-8, an
  // accented letter becomes U+FFFD, and "zoë@example.com" would be looked up as "zo�@example.com".
  const unreadable = content.indexOf('\uFFFD');
  if (unreadable !== -1) {
    const line = countLineBreaks(content, 0, unreadable) + 1;
    return {
      problem: 'not-text',
      message: `This file is not saved as UTF-8: line ${numbers.format(line)} has characters that cannot be read (shown as �). ${SAVE_AS_CSV}`,
    };
  }
  return undefined;
}
