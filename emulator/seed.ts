import type { Division, GroupRecord, IdleTokenTimeout, OAuthClientRecord, SeedData, SeedToken, UserRecord } from './model.ts';

export const ORG = { id: 'c7f2a4e1-5b8d-4f3a-9e2c-1a6b3d8f0e57', name: 'Example Org' } as const;
export const PARTNER_ORG = { id: '9b1e6d3a-2c4f-4a8e-b7d5-3f0c9e1a2b64', name: 'Partner Support Ltd' } as const;

export const APP_CLIENT_ID = '5a3f8c2e-9d1b-4e6a-8f7c-2b4d6e8a0c13';
export const IMPLICIT_CLIENT_ID = '8e2d4b6f-1a3c-4d5e-9f7a-0b2c4d6e8f91';
export const SCRIPT_CLIENT = { id: '3c9e7a5b-2d4f-4b1e-8a6c-9f0d2e4b6a78', secret: 'local-emulator-secret' } as const;

/** Redirect URIs registered for both browser clients unless the emulator is given others. */
export const DEFAULT_REDIRECT_URIS: readonly string[] = ['http://localhost:5173/auth/callback', 'http://127.0.0.1:5173/auth/callback'];

/** Lifetime of every seeded client's access tokens, in seconds. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 86400;

export const ADMIN_PERMISSIONS = [
  'oauth:token:delete',
  'directory:organization:admin',
  'directory:user:view',
  'directory:group:view',
] as const;

export interface DemoAccount {
  email: string;
  name: string;
  id: string;
  description: string;
  permissions: readonly string[];
}

export const ADMIN: DemoAccount = {
  email: 'admin@example.com',
  name: 'Avery Admin',
  id: 'a11ce000-0000-4000-8000-000000000001',
  description: 'Org admin: views users and groups, revokes tokens, changes the idle token timeout.',
  permissions: ADMIN_PERMISSIONS,
};
export const SUPERVISOR: DemoAccount = {
  email: 'supervisor@example.com',
  name: 'Sam Supervisor',
  id: 'a11ce000-0000-4000-8000-000000000002',
  description: 'Supervisor: views users and groups and revokes tokens; may not change the idle token timeout.',
  permissions: ['directory:user:view', 'directory:group:view', 'oauth:token:delete'],
};
export const AGENT: DemoAccount = {
  email: 'agent@example.com',
  name: 'Ari Agent',
  id: 'a11ce000-0000-4000-8000-000000000003',
  description: 'Agent: no admin permissions (sees only their own token).',
  permissions: ['conversation:call:add'],
};
export const TRUSTEE: DemoAccount = {
  email: 'trustee@partner.example.com',
  name: 'Taylor Trustee',
  id: 'a11ce000-0000-4000-8000-000000000004',
  description: 'Trustee from Partner Support Ltd acting in Example Org, with wildcard permissions (directory:*:*, oauth:token:*).',
  permissions: ['directory:*:*', 'oauth:token:*'],
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [ADMIN, SUPERVISOR, AGENT, TRUSTEE];

/** The trustee's own user id in its home org (PARTNER_ORG). */
export const TRUSTEE_HOME_USER_ID = 'b22de000-0000-4000-8000-000000000004';

export interface SeedGroup {
  id: string;
  name: string;
  description: string;
}

export const GROUPS: readonly SeedGroup[] = [
  { id: '6e000000-0000-4000-8000-000000000001', name: 'Supervisors', description: 'Team leads and supervisors.' },
  { id: '6e000000-0000-4000-8000-000000000002', name: 'Tier 1 Support', description: 'First-line customer support agents.' },
  { id: '6e000000-0000-4000-8000-000000000003', name: 'Tier 2 Support', description: 'Escalations and technical support.' },
  { id: '6e000000-0000-4000-8000-000000000004', name: 'Billing Team', description: 'Invoices, refunds and payment questions.' },
  { id: '6e000000-0000-4000-8000-000000000005', name: 'Sales EMEA', description: 'Inside sales for Europe, Middle East and Africa.' },
  { id: '6e000000-0000-4000-8000-000000000006', name: 'Engineering On-Call', description: 'Engineers on the on-call rota.' },
  { id: '6e000000-0000-4000-8000-000000000007', name: 'Contractors', description: 'External contractors with limited access.' },
  { id: '6e000000-0000-4000-8000-000000000008', name: 'Night Shift', description: 'Agents working the overnight shift.' },
];

export const SUPERVISORS_GROUP_ID = '6e000000-0000-4000-8000-000000000001';

const division = (n: number, name: string): Division => {
  const id = `d1000000-0000-4000-8000-00000000000${String(n)}`;
  return { id, name, selfUri: `/api/v2/authorization/divisions/${id}` };
};

const HOME_DIVISION = division(1, 'Home');

export const DIVISIONS: readonly Division[] = [
  HOME_DIVISION,
  division(2, 'North America'),
  division(3, 'EMEA'),
  division(4, 'APAC'),
];

export const SEED_IDLE_TIMEOUT: IdleTokenTimeout = {
  enableIdleTokenTimeout: true,
  idleTokenTimeoutSeconds: 1800,
  inactivityTimeoutUnit: 'Minutes',
  inactivityTimeoutGroupsEnabled: true,
  inactivityTimeoutGroupBundles: [
    { priority: 1, timeoutSeconds: 7200, inactivityTimeoutUnit: 'Hours', groups: [SUPERVISORS_GROUP_ID] },
  ],
};

/** Number of generated users drawn from the main PRNG (the first batch after the demo accounts). */
export const GENERATED_USER_COUNT = 500;

/**
 * The Smiths, appended after everything the main PRNG draws (their own PRNG), so the users before
 * them keep their ids and data: enough people named Smith, Smithson or Goldsmith that a search for
 * "smith" needs more than one page of 25.
 */
export const SMITH_LAST_NAMES: readonly { name: string; count: number }[] = [
  { name: 'Smith', count: 26 },
  { name: 'Smithson', count: 4 },
  { name: 'Goldsmith', count: 4 },
];
/** Every seeded user: the demo accounts, the generated ones, the Smiths. */
export const SEEDED_USER_COUNT = 4 + GENERATED_USER_COUNT + SMITH_LAST_NAMES.reduce((sum, s) => sum + s.count, 0);

/** Of the Smiths, these (by position) are inactive; the rest are active. */
const INACTIVE_SMITHS = new Set([5, 19]);

const FIRST_NAMES = [
  'Aaliyah', 'Abdul', 'Adaeze', 'Aditi', 'Ahmed', 'Aiko', 'Alejandro', 'Alice', 'Amara', 'Amir',
  'Ana', 'Andrei', 'Anjali', 'Arjun', 'Astrid', 'Ayesha', 'Bao', 'Beatriz', 'Ben', 'Bilal',
  'Carlos', 'Catherine', 'Chen', 'Chiara', 'Chidi', 'Chloe', 'Daniel', 'Dario', 'Deepa', 'Diego',
  'Dmitri', 'Elena', 'Elif', 'Emeka', 'Emily', 'Emma', 'Esther', 'Fatima', 'Felix', 'Fernanda',
  'Gabriel', 'Grace', 'Hana', 'Hannah', 'Hassan', 'Hiroshi', 'Ibrahim', 'Ifeoma', 'Ingrid', 'Isabel',
  'Ivan', 'Jamal', 'James', 'Javier', 'Jia', 'Jin', 'Joao', 'Jonas', 'Kai', 'Kavya',
  'Kemal', 'Kenji', 'Kofi', 'Lars', 'Layla', 'Leila', 'Liam', 'Lina', 'Luca', 'Lucia',
  'Maria', 'Mateo', 'Mei', 'Mohammed', 'Nadia', 'Naomi', 'Nia', 'Nikhil', 'Noah', 'Nour',
  'Olga', 'Oliver', 'Omar', 'Oluwaseun', 'Pablo', 'Priya', 'Rafael', 'Rahul', 'Rania', 'Ravi',
  'Rosa', 'Sakura', 'Samira', 'Santiago', 'Sara', 'Sean', 'Sofia', 'Sven', 'Tariq', 'Thandiwe',
  'Tomas', 'Valentina', 'Wei', 'Wanjiru', 'Yara', 'Yusuf', 'Zainab', 'Zanele', 'Zoe', 'Zhang',
];

const LAST_NAMES = [
  'Abara', 'Adeyemi', 'Ahmed', 'Alvarez', 'Andersson', 'Anand', 'Baker', 'Banerjee', 'Bauer', 'Bianchi',
  'Boateng', 'Brown', 'Castillo', 'Chen', 'Cohen', 'Costa', 'Dang', 'Das', 'Dubois', 'Eze',
  'Fernandes', 'Fischer', 'Garcia', 'Gomez', 'Gupta', 'Haddad', 'Hansen', 'Hernandez', 'Hoang', 'Hughes',
  'Ibrahim', 'Ito', 'Jansen', 'Johnson', 'Kaur', 'Khan', 'Kim', 'Kowalski', 'Kumar', 'Larsen',
  'Lee', 'Lopez', 'Mahlangu', 'Martin', 'Mendes', 'Mensah', 'Moreau', 'Morales', 'Murphy', 'Nakamura',
  'Nguyen', 'Novak', 'Nowak', 'Nunez', 'Obi', 'Okafor', 'Okonkwo', "O'Brien", 'Olsen', 'Ortiz',
  'Patel', 'Perez', 'Petrov', 'Popescu', 'Qureshi', 'Ramirez', 'Rao', 'Reyes', 'Rossi', 'Sato',
  'Schmidt', 'Silva', 'Singh', 'Smith', 'Sokolova', 'Suzuki', 'Tanaka', 'Taylor', 'Tran', 'Van der Berg',
  'Vargas', 'Wang', 'Williams', 'Wilson', 'Wong', 'Yamamoto', 'Yilmaz', 'Yusuf', 'Zhang', 'Zulu',
];

const DEPARTMENTS: readonly { name: string; titles: readonly string[]; weight: number }[] = [
  { name: 'Support', titles: ['Customer Service Agent', 'Senior Support Agent', 'Technical Support Specialist', 'Support Team Lead'], weight: 30 },
  { name: 'Sales', titles: ['Sales Representative', 'Account Executive', 'Sales Development Representative', 'Sales Manager'], weight: 18 },
  { name: 'Billing', titles: ['Billing Specialist', 'Collections Agent', 'Billing Analyst'], weight: 12 },
  { name: 'Engineering', titles: ['Software Engineer', 'Senior Software Engineer', 'Site Reliability Engineer', 'QA Engineer'], weight: 12 },
  { name: 'Operations', titles: ['Workforce Planner', 'Operations Analyst', 'Quality Analyst', 'Operations Manager'], weight: 10 },
  { name: 'HR', titles: ['HR Generalist', 'Recruiter', 'People Partner'], weight: 5 },
  { name: 'Finance', titles: ['Accountant', 'Financial Analyst', 'Payroll Specialist'], weight: 5 },
  { name: 'Marketing', titles: ['Marketing Specialist', 'Content Writer', 'Campaign Manager'], weight: 5 },
  { name: 'IT', titles: ['IT Administrator', 'Service Desk Analyst', 'Systems Engineer'], weight: 3 },
];

/** Deterministic PRNG (mulberry32), so every reset yields the same directory. */
export function createPrng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function randomInt(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

function prngUuid(rand: () => number): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(rand() * 256));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function emailPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function sample<T>(rand: () => number, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) {
    const [item] = pool.splice(Math.floor(rand() * pool.length), 1);
    if (item !== undefined) out.push(item);
  }
  return out;
}

/** About one generated user in five has a profile picture: decided by the id, so no PRNG draw changes. */
export function hasPictureFor(id: string): boolean {
  return Number.parseInt(id.slice(-2), 16) % 5 === 0;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The Smiths (see SMITH_LAST_NAMES), with their own PRNG; adds their live tokens to `tokens`. */
function buildSmiths(now: number, usedEmails: Set<string>, tokens: SeedToken[]): UserRecord[] {
  const rand = createPrng(19410707);
  const users: UserRecord[] = [];
  const lastNames = SMITH_LAST_NAMES.flatMap(({ name, count }) => Array.from({ length: count }, () => name));
  lastNames.forEach((last, index) => {
    const first = pick(rand, FIRST_NAMES);
    const base = `${emailPart(first)}.${emailPart(last)}`;
    let email = `${base}@example.com`;
    for (let n = 2; usedEmails.has(email); n++) email = `${base}${String(n)}@example.com`;
    usedEmails.add(email);
    const dept = pick(rand, DEPARTMENTS);
    const inactive = INACTIVE_SMITHS.has(index);
    const lastLogin = inactive ? now - randomInt(rand, 60, 300) * DAY : now - randomInt(rand, 1, 21 * 24 * 60) * MINUTE;
    const id = prngUuid(rand);
    const user: UserRecord = {
      id,
      name: `${first} ${last}`,
      email,
      username: email,
      state: inactive ? 'inactive' : 'active',
      department: dept.name,
      title: pick(rand, dept.titles),
      division: pick(rand, DIVISIONS),
      version: randomInt(rand, 1, 9),
      dateLastLogin: lastLogin,
      lastTokenIssued: lastLogin,
      permissions: [],
      hasPicture: hasPictureFor(id),
    };
    if (!inactive && rand() < 0.6) {
      const lastUsedAt = now - randomInt(rand, 0, 20 * 60) * 1000;
      const issuedAt = lastUsedAt - randomInt(rand, 0, 8 * 60) * MINUTE;
      tokens.push({ userId: id, clientId: APP_CLIENT_ID, issuedAt, lastUsedAt });
      user.lastTokenIssued = Math.max(lastLogin, issuedAt);
      user.dateLastLogin = user.lastTokenIssued;
    }
    users.push(user);
  });
  return users;
}

/** Builds the whole seeded state; dates are relative to `now` so they always look recent. */
export function buildSeed(now: number, redirectUris: readonly string[] = DEFAULT_REDIRECT_URIS): SeedData {
  const rand = createPrng(20240611);
  const adminRef = { id: ADMIN.id, name: ADMIN.name, selfUri: `/api/v2/users/${ADMIN.id}` };
  const created = new Date(now - 400 * DAY).toISOString();
  const modified = new Date(now - 30 * DAY).toISOString();
  const browserScope = ['oauth', 'directory', 'users', 'groups'];

  const clients: OAuthClientRecord[] = [
    {
      id: APP_CLIENT_ID,
      name: 'Token Admin (local)',
      authorizedGrantType: 'CODE',
      accessTokenValiditySeconds: DEFAULT_TOKEN_LIFETIME_SECONDS,
      dateCreated: created,
      dateModified: modified,
      createdBy: adminRef,
      scope: browserScope,
      permissions: [],
      redirectUris: [...redirectUris],
    },
    {
      id: IMPLICIT_CLIENT_ID,
      name: 'Token Admin implicit (local)',
      authorizedGrantType: 'TOKEN',
      accessTokenValiditySeconds: DEFAULT_TOKEN_LIFETIME_SECONDS,
      dateCreated: created,
      dateModified: modified,
      createdBy: adminRef,
      scope: browserScope,
      permissions: [],
      redirectUris: [...redirectUris],
    },
    {
      id: SCRIPT_CLIENT.id,
      name: 'Token Admin scripts (local)',
      authorizedGrantType: 'CLIENT-CREDENTIALS',
      secret: SCRIPT_CLIENT.secret,
      accessTokenValiditySeconds: DEFAULT_TOKEN_LIFETIME_SECONDS,
      dateCreated: created,
      dateModified: modified,
      createdBy: adminRef,
      scope: [],
      permissions: [...ADMIN_PERMISSIONS],
      redirectUris: [],
    },
  ];

  const demoDetails: Record<string, { department: string; title: string }> = {
    [ADMIN.id]: { department: 'IT', title: 'Contact Center Administrator' },
    [SUPERVISOR.id]: { department: 'Support', title: 'Support Supervisor' },
    [AGENT.id]: { department: 'Support', title: 'Customer Service Agent' },
    [TRUSTEE.id]: { department: 'Partner Support', title: 'Partner Support Engineer' },
  };
  const users: UserRecord[] = DEMO_ACCOUNTS.map((account, index) => {
    const details = demoDetails[account.id] ?? { department: 'Support', title: 'Agent' };
    const lastLogin = now - (index + 1) * 5 * HOUR;
    const user: UserRecord = {
      id: account.id,
      name: account.name,
      email: account.email,
      username: account.email,
      state: 'active',
      department: details.department,
      title: details.title,
      division: HOME_DIVISION,
      version: 3,
      dateLastLogin: lastLogin,
      lastTokenIssued: lastLogin,
      permissions: [...account.permissions],
    };
    if (account.id === TRUSTEE.id) {
      user.homeOrg = { id: PARTNER_ORG.id, name: PARTNER_ORG.name };
      user.clonedUser = { id: TRUSTEE_HOME_USER_ID, organization: { id: PARTNER_ORG.id } };
    }
    return user;
  });

  const usedEmails = new Set(users.map((u) => u.email));
  const totalWeight = DEPARTMENTS.reduce((sum, d) => sum + d.weight, 0);
  for (let i = 0; i < GENERATED_USER_COUNT; i++) {
    const first = pick(rand, FIRST_NAMES);
    const last = pick(rand, LAST_NAMES);
    const base = `${emailPart(first)}.${emailPart(last)}`;
    let email = `${base}@example.com`;
    for (let n = 2; usedEmails.has(email); n++) email = `${base}${String(n)}@example.com`;
    usedEmails.add(email);
    let roll = rand() * totalWeight;
    let department = DEPARTMENTS[0];
    for (const d of DEPARTMENTS) {
      roll -= d.weight;
      if (roll < 0) {
        department = d;
        break;
      }
    }
    const dept = department ?? { name: 'Support', titles: ['Agent'] };
    const inactive = rand() < 0.03;
    const lastLogin = inactive ? now - randomInt(rand, 60, 300) * DAY : now - randomInt(rand, 1, 21 * 24 * 60) * MINUTE;
    users.push({
      id: prngUuid(rand),
      name: `${first} ${last}`,
      email,
      username: email,
      state: inactive ? 'inactive' : 'active',
      department: dept.name,
      title: pick(rand, dept.titles),
      division: pick(rand, DIVISIONS),
      version: randomInt(rand, 1, 9),
      dateLastLogin: lastLogin,
      lastTokenIssued: lastLogin + randomInt(rand, 0, 5) * 1000,
      permissions: [],
    });
  }
  for (const user of users.slice(DEMO_ACCOUNTS.length)) user.hasPicture = hasPictureFor(user.id);

  const generated = users.slice(DEMO_ACCOUNTS.length);
  const active = generated.filter((u) => u.state === 'active');
  const byDept = (name: string) => active.filter((u) => u.department === name);
  const ids = (list: readonly UserRecord[]) => list.map((u) => u.id);
  const membersByGroup: Record<string, string[]> = {
    [GROUPS[0]?.id ?? '']: [SUPERVISOR.id, ...ids(sample(rand, active, 15))],
    [GROUPS[1]?.id ?? '']: [AGENT.id, ...ids(sample(rand, byDept('Support'), 40))],
    [GROUPS[2]?.id ?? '']: ids(sample(rand, byDept('Support'), 20)),
    [GROUPS[3]?.id ?? '']: ids(sample(rand, byDept('Billing'), 25)),
    [GROUPS[4]?.id ?? '']: ids(sample(rand, byDept('Sales').filter((u) => u.division.name === 'EMEA'), 30)),
    [GROUPS[5]?.id ?? '']: ids(sample(rand, byDept('Engineering'), 12)),
    [GROUPS[6]?.id ?? '']: ids(sample(rand, generated, 25)),
    [GROUPS[7]?.id ?? '']: ids(sample(rand, [...byDept('Support'), ...byDept('Billing')], 18)),
  };
  const groups: GroupRecord[] = GROUPS.map((g, index) => ({
    id: g.id,
    name: g.name,
    description: g.description,
    memberIds: membersByGroup[g.id] ?? [],
    version: index + 2,
    dateModified: now - (index + 3) * 7 * DAY,
  }));

  // Live tokens so that revoking has something to revoke; last used well within the idle timeout.
  const tokens: SeedToken[] = [];
  for (const user of active) {
    const count = pick(rand, [0, 0, 1, 1, 1, 2, 2, 3]);
    for (let t = 0; t < count; t++) {
      const lastUsedAt = now - randomInt(rand, 0, 20 * 60) * 1000;
      const issuedAt = lastUsedAt - randomInt(rand, 0, 8 * 60) * MINUTE;
      tokens.push({ userId: user.id, clientId: rand() < 0.8 ? APP_CLIENT_ID : IMPLICIT_CLIENT_ID, issuedAt, lastUsedAt });
      user.lastTokenIssued = Math.max(user.lastTokenIssued ?? 0, issuedAt);
      user.dateLastLogin = Math.max(user.dateLastLogin ?? 0, issuedAt);
    }
  }

  users.push(...buildSmiths(now, usedEmails, tokens));

  return {
    org: { id: ORG.id, name: ORG.name, hipaa: false },
    partnerOrg: { id: PARTNER_ORG.id, name: PARTNER_ORG.name, hipaa: false },
    users,
    groups,
    clients,
    idleTimeout: structuredClone(SEED_IDLE_TIMEOUT),
    tokens,
  };
}

/** Plain-text summary for the console: who can sign in and with what rights. */
export function describeDemoAccounts(baseUrl: string, redirectUris: readonly string[] = DEFAULT_REDIRECT_URIS): string {
  const base = baseUrl.replace(/\/+$/, '');
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  const lines = [
    `Demo accounts (sign in through the app, or at ${base}/oauth/authorize; no password needed):`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(width)}  ${a.name}: ${a.description}`),
    `  Any other active seeded user (first.last@example.com) may sign in too, without admin permissions.`,
    '',
    'OAuth clients:',
    `  PKCE app (authorization code):  ${APP_CLIENT_ID}`,
    `  Implicit app (token):           ${IMPLICIT_CLIENT_ID}`,
    `  Scripts (client credentials):   client id ${SCRIPT_CLIENT.id}`,
    `                                  secret    ${SCRIPT_CLIENT.secret}`,
    `  Registered redirect URIs (browser clients; exact match, no extra query):`,
    ...redirectUris.map((uri) => `    ${uri}`),
    '',
    'Get a script token:',
    `  curl -s -u ${SCRIPT_CLIENT.id}:${SCRIPT_CLIENT.secret} -d grant_type=client_credentials ${base}/oauth/token`,
  ];
  return lines.join('\n');
}
