/**
 * Every bad input a user or a deployer can give the app, with what the app must answer: one list,
 * grouped by where the input goes. src/bad-inputs.test.ts runs each item. To add a case, add a row
 * to its group; to cover a new field, add a group with a check that returns what the person sees.
 */
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import { createElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { TimeoutUnit } from '../src/api/tokens.ts';
import { safeReturnPath } from '../src/auth/returnPath.ts';
import { ConfigError, parseConfig } from '../src/config/config.ts';
import { regionFromSearch } from '../src/config/regions.ts';
import { checkFileSize, checkFileText, parseUserList } from '../src/features/bulk-revoke/entries.ts';
import { bundleProblems, formProblems, type BundleValues, type IdleTimeoutValues } from '../src/features/idle-timeout/settingsForm.ts';
import { classifySearchInput } from '../src/features/users/classify.ts';
import { UserPage } from '../src/features/users/UserPage.tsx';
import { isUserId } from '../src/features/users/userId.ts';
import { paths } from '../src/paths.ts';

/** For a URL parameter that must simply not be used: no message, no effect. */
export const IGNORED: unique symbol = Symbol('ignored');

/** The whole message (a string), part of it (a RegExp), or IGNORED. */
export type Expected = string | RegExp | typeof IGNORED;

export interface BadInput {
  /** The field or parameter, as a person would name it. */
  where: string;
  input: unknown;
  /** The input in a test's name: short, on one line (a 100,000-line list is named, not printed). */
  label: string;
  expect: Expected;
  /**
   * What the app makes of the input: the message the person gets, or for a URL parameter what it
   * was used for; undefined when it is taken without a word (for a parameter: ignored).
   */
  check: () => string | undefined;
}

/** One row of a group: the input, what it must get, and a label when the input is too big to print. */
type Case<T> = readonly [input: T, expect: Expected, label?: string];

function group<T>(where: string, check: (input: T) => string | undefined, cases: readonly Case<T>[]): BadInput[] {
  return cases.map(([input, expected, label]) => ({ where, input, label: label ?? labelOf(input), expect: expected, check: () => check(input) }));
}

function labelOf(input: unknown): string {
  const text = input === undefined ? 'undefined' : JSON.stringify(input);
  return text.length <= 70 ? text : `${text.slice(0, 69)}…`;
}

// ---------------------------------------------------------------------------------------------
// config.json, as the page shown instead of the app lists its problems (app/ConfigErrorPage.tsx).

const CLIENT_ID = '5a3f8c2e-9d1b-4e6a-8f7c-2b4d6e8a0c13';
const CLIENT_ID_MESSAGE = 'must be the OAuth client id from Genesys Cloud Admin > OAuth (a UUID such as 5a3f8c2e-9d1b-4e6a-8f7c-2b4d6e8a0c13)';
const REGION_MESSAGE =
  'environment is not a known Genesys Cloud region; use a domain such as mypurecloud.com, mypurecloud.ie or usw2.pure.cloud, or remove it to let users pick one.';
const JSON_OBJECT = 'The file must be a JSON object with the settings described in the README';

/** Each problem on a line: "<key> <message>", or "The file <message>" for the file itself. */
function configProblems(raw: unknown): string | undefined {
  try {
    parseConfig(raw);
    return undefined;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((problem) => (problem.key ? `${problem.key} ${problem.message}` : `The file ${problem.message}`)).join('\n');
  }
}

/** One key's value in an otherwise valid config.json. */
const configValue = (key: string) => (value: unknown) => configProblems(key === 'clientId' ? { clientId: value } : { clientId: CLIENT_ID, [key]: value });

const httpsOnly = (key: string, https: string) =>
  `${key} must use https, as in ${https}: over plain http the admins' tokens would cross the network unencrypted (only a loopback host such as localhost, for the emulator, may use http)`;

const CONFIG: BadInput[] = [
  ...group('config.json', configProblems, [
    [[{ clientId: CLIENT_ID }], JSON_OBJECT],
    [42, JSON_OBJECT],
    [null, JSON_OBJECT],
    ['clientId', JSON_OBJECT],
    [{}, `clientId is required: it ${CLIENT_ID_MESSAGE}`],
    [{ clientId: CLIENT_ID, colour: 'blue' }, 'colour is not a setting this app knows; check the spelling or remove it'],
    [{ clientID: CLIENT_ID }, `clientId is required: it ${CLIENT_ID_MESSAGE}\nclientID is not a setting this app knows; check the spelling or remove it`],
  ]),
  ...group('config.json: clientId', configValue('clientId'), [
    ['', `clientId is empty: it ${CLIENT_ID_MESSAGE}`],
    [` ${CLIENT_ID}\n`, 'clientId has spaces or line breaks before or after it: remove them'],
    ['REPLACE-WITH-YOUR-OAUTH-CLIENT-ID', `clientId is still the template's placeholder: it ${CLIENT_ID_MESSAGE}`],
    ['my-oauth-client', `clientId ${CLIENT_ID_MESSAGE}`],
    [CLIENT_ID.replaceAll('-', ''), `clientId ${CLIENT_ID_MESSAGE}`],
    [12345, `clientId ${CLIENT_ID_MESSAGE}`],
    [null, `clientId ${CLIENT_ID_MESSAGE}`],
  ]),
  ...group('config.json: environment', configValue('environment'), [
    ['evil.example.com', REGION_MESSAGE],
    ['mypurecloud.ie.evil.example', REGION_MESSAGE],
    ['eu-west-1', REGION_MESSAGE],
    ['', REGION_MESSAGE],
    ['api.mypurecloud.ie', 'environment names a host, not a region: write the region domain "mypurecloud.ie"'],
    [42, 'environment must be a Genesys Cloud region domain such as mypurecloud.ie'],
  ]),
  ...group('config.json: apiBaseUrl', configValue('apiBaseUrl'), [
    ['http://gateway.example.com/genesys', httpsOnly('apiBaseUrl', 'https://gateway.example.com/genesys')],
    ['http://10.0.0.5:8080', httpsOnly('apiBaseUrl', 'https://10.0.0.5:8080')],
    ['http://localhost.evil.example', httpsOnly('apiBaseUrl', 'https://localhost.evil.example')],
    ['https://gateway.example.com/genesys?key=1', 'apiBaseUrl must not have a query (“?key=1”): the app adds its own to each call; remove it'],
    ['https://gateway.example.com/?', 'apiBaseUrl must not have a query (“?”): the app adds its own to each call; remove it'],
    ['https://api.mypurecloud.ie/#/', 'apiBaseUrl must not have a fragment (“#/”): every path the app adds would end up after the #; remove it'],
    ['https://user:secret@gateway.example.com', 'apiBaseUrl must not hold a user name or password: remove the part up to and including the @'],
    ['https://api.mypurecloud.ie/api/v2', 'apiBaseUrl must not end with /api/v2: the app adds that path itself; remove it'],
    ['javascript:alert(1)', 'apiBaseUrl must be a full http(s) URL, for example https://api.mypurecloud.ie'],
    ['data:text/html,<script>alert(1)</script>', 'apiBaseUrl must be a full http(s) URL, for example https://api.mypurecloud.ie'],
    ['ftp://api.mypurecloud.ie', 'apiBaseUrl must be a full http(s) URL, for example https://api.mypurecloud.ie'],
    ['api.mypurecloud.ie', 'apiBaseUrl must start with https://, as in https://api.mypurecloud.ie'],
    [' https://api.mypurecloud.ie', 'apiBaseUrl has spaces or line breaks before or after it: remove them'],
    ['https://gateway.example.com/my gateway', 'apiBaseUrl has a space in it: remove it (a space in a path is written %20)'],
    ['', "apiBaseUrl is empty: remove it to use the region's own host, or give a full https URL such as https://api.mypurecloud.ie"],
    [8787, 'apiBaseUrl must be a full http(s) URL, for example https://api.mypurecloud.ie'],
  ]),
  ...group('config.json: loginBaseUrl', configValue('loginBaseUrl'), [
    ['http://login.example.com', httpsOnly('loginBaseUrl', 'https://login.example.com')],
    ['https://login.mypurecloud.ie/oauth/authorize', 'loginBaseUrl must not end with /oauth/authorize: the app adds that path itself; remove it'],
    ['https://login.mypurecloud.ie?prompt=login', 'loginBaseUrl must not have a query (“?prompt=login”): the app adds its own to each call; remove it'],
    [true, 'loginBaseUrl must be a full http(s) URL, for example https://login.mypurecloud.ie'],
  ]),
  ...group('config.json: oauthFlow', configValue('oauthFlow'), [
    ['password', 'oauthFlow must be "pkce" or "implicit"'],
    ['PKCE', 'oauthFlow must be "pkce" or "implicit"'],
  ]),
  ...group('config.json: redirectPath', configValue('redirectPath'), [
    ['//evil.example/cb', 'redirectPath must be a path starting with a single "/", without query or hash, such as /auth/callback'],
    ['auth/callback', 'redirectPath must be a path starting with a single "/", without query or hash, such as /auth/callback'],
    ['/auth/callback?from=genesys', 'redirectPath must be a path starting with a single "/", without query or hash, such as /auth/callback'],
  ]),
  ...group('config.json: signOutOfGenesys', configValue('signOutOfGenesys'), [['true', 'signOutOfGenesys must be true or false, without quotes']]),
];

// ---------------------------------------------------------------------------------------------
// The idle timeout page's fields.

const FORM: IdleTimeoutValues = { enabled: true, timeout: 30, unit: 'Minutes', groupsEnabled: true, bundles: [] };
const DIGITS_ONLY = 'Enter 5 to 480 minutes, in digits only';

const organisationTimeout = (unit: TimeoutUnit) => (typed: string) => formProblems({ ...FORM, timeout: typed, unit }).timeout;

const bundle = (groups: string[], timeout: number | string = 15, unit: TimeoutUnit = 'Minutes'): BundleValues => ({ key: `k-${groups.join('-')}`, timeout, unit, groups });

/** Every problem of the form, one a line, by the field it is shown under. */
function bundleFormProblems(bundles: BundleValues[]): string | undefined {
  const problems = Object.entries(formProblems({ ...FORM, bundles }));
  return problems.length === 0 ? undefined : problems.map(([path, message]) => `${path}: ${message}`).join('\n');
}

/** Settings as saved (by this app or elsewhere), with their own priorities. */
function savedBundleProblems(bundles: { priority: number; groups: string[] }[]): string | undefined {
  const problems = bundleProblems(bundles.map((b) => ({ ...b, timeoutSeconds: 900 })));
  return problems.length === 0 ? undefined : problems.map(({ path, message }) => `${path}: ${message}`).join('\n');
}

const IDLE_TIMEOUT: BadInput[] = [
  ...group('Idle timeout: Timeout, in minutes', organisationTimeout('Minutes'), [
    ['0x10', DIGITS_ONLY],
    ['1e1', DIGITS_ONLY],
    ['+30', DIGITS_ONLY],
    ['30.0', DIGITS_ONLY],
    ['３０', DIGITS_ONLY],
    ['-30', DIGITS_ONLY],
    ['30 min', DIGITS_ONLY],
    ['', 'Enter 5 to 480 minutes'],
    ['   ', 'Enter 5 to 480 minutes'],
    ['0', 'Enter 5 to 480 minutes'],
    ['4', 'Enter 5 to 480 minutes'],
    ['481', 'Enter 5 to 480 minutes'],
    ['99999999999999999999', 'Enter 5 to 480 minutes'],
    ['7.5', 'Enter 5 to 480 whole minutes'],
  ]),
  ...group('Idle timeout: Timeout, in hours', organisationTimeout('Hours'), [
    ['1.5', 'Enter 1 to 8 whole hours, or choose minutes and enter 90'],
    ['1,5', 'Enter 1 to 8 whole hours, or choose minutes and enter 90'],
    ['0.5', 'Enter 1 to 8 whole hours, or choose minutes and enter 30'],
    ['9', 'Enter 1 to 8 hours'],
    ['0', 'Enter 1 to 8 hours'],
  ]),
  ...group('Idle timeout: group bundles', bundleFormProblems, [
    [[bundle(['sales', 'support']), bundle(['support'])], 'bundles.1.groups: A group may be in one bundle only; already in priority 1'],
    [[bundle([])], 'bundles.0.groups: Pick at least one group'],
    [[bundle(['night'], 10, 'Hours')], 'bundles.0.timeout: Enter 1 to 8 hours'],
    [['a', 'b', 'c', 'd', 'e', 'f'].map((g) => bundle([g])), 'bundles: At most 5 group bundles: remove one'],
  ]),
  ...group('Idle timeout: group bundles, as saved', savedBundleProblems, [
    [[{ priority: 1, groups: ['a'] }, { priority: 1, groups: ['b'] }], 'bundles.1.priority: Priority 1 is already used by another bundle'],
    [[{ priority: 0, groups: ['a'] }], 'bundles.0.priority: Priority must be 1 to 5'],
    [[{ priority: 3, groups: ['a'] }, { priority: 1, groups: ['a'] }], 'bundles.1.groups: A group may be in one bundle only; already in priority 3'],
  ]),
];

// ---------------------------------------------------------------------------------------------
// URL parameters: a bad one is not used at all.

/** Where sign-in returns to; the home page means the value was not used. */
function returnTo(value: string): string | undefined {
  const path = safeReturnPath(value);
  return path === '/token' ? undefined : `returns to ${path}`;
}

/** The region a link's query string names; none means it was ignored. */
function portalRegion(search: string): string | undefined {
  const region = regionFromSearch(new URLSearchParams(search));
  return region && `signs in to ${region.domain}`;
}

const URL_PARAMETERS: BadInput[] = [
  ...group('Sign-in link: returnTo', returnTo, [
    ['https://evil.example', IGNORED],
    ['//evil.example/x', IGNORED],
    ['/\\evil.example', IGNORED],
    ['/..//evil.example/phish', IGNORED],
    ['/%2e%2e//evil.example', IGNORED],
    ['javascript:alert(1)', IGNORED],
    ['/token\nSet-Cookie: x=1', IGNORED],
    [`/users?q=${'a'.repeat(5000)}`, IGNORED, '"/users?q=aaa…" (5,009 characters)'],
  ]),
  ...group('Portal link: environment, gcTargetEnv, pcEnvironment, gcHostOrigin', portalRegion, [
    ['environment=evil.example', IGNORED],
    ['environment=mypurecloud.ie.evil.example', IGNORED],
    ['environment=localhost', IGNORED],
    ['gcTargetEnv=prod-evil', IGNORED],
    ['gcTargetEnv=__proto__', IGNORED],
    ['pcEnvironment=mypurecloud.ie%00', IGNORED],
    ['gcHostOrigin=https://apps.mypurecloud.ie.evil.example', IGNORED],
    ['gcHostOrigin=http://apps.mypurecloud.ie', IGNORED],
    ['gcHostOrigin=https://evil.example/?apps.mypurecloud.ie', IGNORED],
    ['gcHostOrigin=https://apps.mypurecloud.ie@evil.example', IGNORED],
    ['gcHostOrigin=javascript:alert(1)//apps.mypurecloud.ie', IGNORED],
    ['gcHostOrigin=https://apps.inindca.com', IGNORED],
  ]),
];

// ---------------------------------------------------------------------------------------------
// Users.

const NO_LETTERS = 'Names and email addresses contain letters; this has none, so no user can match. Search by name or email, or paste a user id.';
const OTHER_CHARACTERS = 'Names contain only letters, spaces, apostrophes and hyphens. Remove the other characters, or search by the whole email address.';

function searchProblem(text: string): string | undefined {
  const input = classifySearchInput(text);
  return input.kind === 'unmatchable' ? input.reason : undefined;
}

/** The user page's text for an address whose id is not one (it asks Genesys for any real id). */
function userPageProblem(userId: string): string | undefined {
  if (isUserId(userId)) return undefined;
  const page = createElement(
    MantineProvider,
    null,
    createElement(MemoryRouter, { initialEntries: [paths.user.href(userId)] }, createElement(Routes, null, createElement(Route, { path: paths.user.path, element: createElement(UserPage) }))),
  );
  const { container, unmount } = render(page);
  const text = `${container.querySelector('h1')?.textContent ?? ''}: ${container.querySelector('p')?.textContent ?? ''}`;
  unmount();
  return text;
}

const notAUserId = (shown: string) =>
  `No such user: “${shown}” is not a user id. A Genesys Cloud user id has 36 characters, such as 1b4e28ba-2fa1-41d2-883f-0016d3cca427; the link may be cut short or mistyped.`;

const USERS: BadInput[] = [
  ...group('Users: the search box', searchProblem, [
    ['a'.repeat(300), 'That is 300 characters, longer than any name or email address (at most 254). Search by part of the name or the address.', '"aaa…" (300 characters)'],
    ['.*', NO_LETTERS],
    ['(', NO_LETTERS],
    ['\\', NO_LETTERS],
    ['😀', NO_LETTERS],
    ['!!!', NO_LETTERS],
    ['\u200b\u200b', NO_LETTERS],
    ['smith.*', OTHER_CHARACTERS],
    ['Mei (admin)', OTHER_CHARACTERS],
    ['Mei 😀', OTHER_CHARACTERS],
    ['smith\u202e', OTHER_CHARACTERS],
    ["Robert'); DROP TABLE users;--", OTHER_CHARACTERS],
    ['a', 'Type at least 2 letters of a name or an email address.'],
    ['@@@@', 'Type more of the email address: at least 2 letters or digits besides the @.'],
    ['a11ce000-0000', /^That looks like part of a user id\. Paste the whole id/],
  ]),
  ...group('User page address (/users/…)', userPageProblem, [
    ['abc', notAUserId('abc')],
    ['1b4e28ba-2fa1', notAUserId('1b4e28ba-2fa1')],
    ['1b4e28ba-2fa1-41d2-883f-0016d3cca427x', notAUserId('1b4e28ba-2fa1-41d2-883f-0016d3cca427x')],
    ['1b4e28ba-2fa1-41d2-883f-0016d3cca42g', notAUserId('1b4e28ba-2fa1-41d2-883f-0016d3cca42g')],
    [' 1b4e28ba-2fa1-41d2-883f-0016d3cca427', notAUserId(' 1b4e28ba-2fa1-41d2-883f-0016d3cca427')],
    ['<script>alert(1)</script>', notAUserId('<script>alert(1)</script>')],
  ]),
];

// ---------------------------------------------------------------------------------------------
// Bulk revoke.

/** What the preview rejects, one a line with its line number. */
function listProblems(text: string): string | undefined {
  const { rejected } = parseUserList(text);
  return rejected.length === 0 ? undefined : rejected.map((line) => `line ${line.line}: ${line.message}`).join('\n');
}

/** An uploaded file: its size, and its text when the size lets it be read. */
interface UploadedFile {
  bytes: number;
  text?: string;
}
function fileProblem({ bytes, text }: UploadedFile): string | undefined {
  return (text === undefined ? checkFileSize(bytes) : checkFileText(text, bytes))?.message;
}
/** A file as read: its text and its size in bytes. */
const file = (text: string): UploadedFile => ({ bytes: new TextEncoder().encode(text).length, text });
const SAVE_AS_CSV = 'In Excel, choose File › Save As › CSV UTF-8 (.csv), and upload that file.';
const WINDOWS_1252_CSV = new TextDecoder().decode(new Uint8Array([...new TextEncoder().encode('Email\nzo'), 0xeb, ...new TextEncoder().encode('@example.de\n')]));
const HUNDRED_THOUSAND_LINES = Array.from({ length: 100_000 }, (_, index) => `user${index}@example.com`).join('\n');
const EXAMPLE_ID = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';

const BULK_REVOKE: BadInput[] = [
  ...group('Bulk revoke: the list of emails and user ids', listProblems, [
    ['junk\nnot an address at all', 'line 1: No email address or user id on this line.\nline 2: No email address or user id on this line.'],
    ['ari@example', 'line 1: “ari@example” is not a complete email address: the part after the @ needs a dot, as in example.com.'],
    ['ari@@example.com', 'line 1: “ari@@example.com” is not a valid email address: it has more than one @.'],
    ['ari@example.com\nARI@example.com', 'line 2: Same as line 1.'],
    ['1b4e28ba-2fa1', `line 1: “1b4e28ba-2fa1” is not a whole user id: a Genesys Cloud user id has 36 characters such as ${EXAMPLE_ID}.`],
    [
      'Ari Agent ari@example.com',
      'line 1: “Ari Agent ari@example.com” holds more than an email address: put the name in a column of its own, or write it as Name <ari@example.com>.',
    ],
    [
      'Home Email,Other Email\nari@example.com,bo@example.com',
      'line 1: Several columns could hold the users: “Home Email”, “Other Email”. Keep only the one to revoke, or name it “Email”.\n' +
        'line 2: Not read: the header on line 1 does not say which column holds the users.',
    ],
    [
      HUNDRED_THOUSAND_LINES,
      'line 20001: A list can hold at most 20,000 users: the 80,000 more from line 20,001 on were left out. Split the list and revoke each part in turn.',
      '100,000 lines of addresses',
    ],
  ]),
  ...group('Bulk revoke: the uploaded CSV file', fileProblem, [
    [file(''), 'This file is empty.'],
    [file('\uFEFF\n \n'), 'This file is empty: it has only blank lines.'],
    [{ bytes: 50 * 1024 * 1024 }, 'This file is 50 MB; a list can be at most 10 MB. Split it into smaller files.', '50 MB (by its size alone)'],
    [file('PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml'), `This is an Excel workbook (or another zip file), not a CSV file. ${SAVE_AS_CSV}`],
    [file('Email\nari@example.com'.replace(/[^]/g, (c) => `${c}\u0000`)), `This file is saved as UTF-16 ("Unicode Text"), which cannot be read here. ${SAVE_AS_CSV}`],
    [file('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008'), `This file is not text: it looks like a spreadsheet or another binary file. ${SAVE_AS_CSV}`],
    [
      file(WINDOWS_1252_CSV),
      `This file is not saved as UTF-8: line 2 has characters that cannot be read (shown as �). ${SAVE_AS_CSV}`,
      'a CSV saved in Windows-1252 ("zoë" read as UTF-8)',
    ],
  ]),
];

export const BAD_INPUTS: readonly BadInput[] = [...CONFIG, ...IDLE_TIMEOUT, ...URL_PARAMETERS, ...USERS, ...BULK_REVOKE];
