// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './app.ts';
import { avatarSvg, initials } from './avatars.ts';
import { ADMIN, AGENT, GROUPS, SUPERVISOR, SUPERVISORS_GROUP_ID } from './seed.ts';
import { callApi } from './testing.ts';

interface UserJson {
  id: string;
  name: string;
  groups?: { id: string; name: string; selfUri: string }[];
  images?: { resolution: string; imageUri: string }[];
}

function setup(): { emulator: Emulator; admin: string } {
  const emulator = createEmulator();
  return { emulator, admin: emulator.issueToken(ADMIN.email).access_token };
}

const get = async <T>(emulator: Emulator, token: string, path: string, origin = 'https://api.mypurecloud.com'): Promise<T> => {
  const res = await emulator.fetch(`${origin}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
};

const supervisorGroups = [{ id: SUPERVISORS_GROUP_ID, name: 'Supervisors', selfUri: `/api/v2/groups/${SUPERVISORS_GROUP_ID}` }];

describe('expand=groups', () => {
  it('lists the user’s groups with id, name and selfUri on GET /users/{id}, /users/me, /users?id= and /users/search', async () => {
    const { emulator, admin } = setup();
    const supervisor = emulator.issueToken(SUPERVISOR.email).access_token;
    expect((await get<UserJson>(emulator, admin, `/api/v2/users/${SUPERVISOR.id}?expand=groups`)).groups).toEqual(supervisorGroups);
    expect((await get<UserJson>(emulator, supervisor, '/api/v2/users/me?expand=groups,authorization')).groups).toEqual(supervisorGroups);
    const list = await get<{ entities: UserJson[] }>(emulator, admin, `/api/v2/users?id=${SUPERVISOR.id}&id=${ADMIN.id}&expand=groups`);
    expect(Object.fromEntries(list.entities.map((u) => [u.id, u.groups]))).toEqual({ [SUPERVISOR.id]: supervisorGroups, [ADMIN.id]: [] });
    const search = await callApi(emulator, admin, 'POST', '/api/v2/users/search', { expand: ['groups'], query: [{ type: 'EXACT', fields: ['id'], value: AGENT.id }] });
    const agentGroups = ((await search.json()) as { results: UserJson[] }).results[0]?.groups;
    expect(agentGroups).toEqual([{ id: GROUPS[1]?.id, name: 'Tier 1 Support', selfUri: `/api/v2/groups/${GROUPS[1]?.id ?? ''}` }]);
  });

  it('is left out unless asked for', async () => {
    const { emulator, admin } = setup();
    expect((await get<UserJson>(emulator, admin, `/api/v2/users/${SUPERVISOR.id}`)).groups).toBeUndefined();
    expect((await get<UserJson>(emulator, admin, `/api/v2/users/${SUPERVISOR.id}?expand=dateLastLogin`)).groups).toBeUndefined();
  });
});

describe('profile pictures', () => {
  it('about one in five generated users has images at x96 and x200, always listed, on the request’s origin', async () => {
    const { emulator, admin } = setup();
    const users = [...emulator.store.users.values()];
    const withPicture = users.filter((u) => u.hasPicture);
    expect(withPicture.length / users.length).toBeGreaterThan(0.15);
    expect(withPicture.length / users.length).toBeLessThan(0.25);
    expect(users.filter((u) => u.permissions.length > 0 && u.hasPicture)).toEqual([]);
    const someone = withPicture[0];
    if (!someone) throw new Error('no user with a picture');
    const json = await get<UserJson>(emulator, admin, `/api/v2/users/${someone.id}`, 'http://localhost:8787');
    expect(json.images).toEqual([
      { resolution: 'x96', imageUri: `http://localhost:8787/avatars/${someone.id}/x96.svg` },
      { resolution: 'x200', imageUri: `http://localhost:8787/avatars/${someone.id}/x200.svg` },
    ]);
    expect((await get<UserJson>(emulator, admin, `/api/v2/users/${ADMIN.id}`)).images).toBeUndefined();
  });

  it('are served as SVG initials on a coloured circle, without a token, to any origin', async () => {
    const { emulator } = setup();
    const someone = [...emulator.store.users.values()].find((u) => u.hasPicture);
    if (!someone) throw new Error('no user with a picture');
    const res = await emulator.fetch(`http://localhost:8787/avatars/${someone.id}/x200.svg`, { headers: { Origin: 'http://localhost:5173' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const svg = await res.text();
    expect(svg).toBe(avatarSvg(someone.id, someone.name, 200));
    expect(svg).toContain('width="200"');
    expect(svg).toContain(`>${initials(someone.name)}</text>`);
    const small = await emulator.fetch(`http://localhost:8787/avatars/${someone.id}/x96.svg`);
    expect(await small.text()).toContain('width="96"');
  });

  it('404 for users without a picture, unknown users and other sizes', async () => {
    const { emulator } = setup();
    const someone = [...emulator.store.users.values()].find((u) => u.hasPicture);
    for (const path of [`/avatars/${ADMIN.id}/x96.svg`, '/avatars/nobody/x96.svg', `/avatars/${someone?.id ?? ''}/x48.svg`]) {
      const res = await emulator.fetch(`http://localhost:8787${path}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    }
  });

  it.each([
    ['Avery Admin', 'AA'],
    ['Zoe Van der Berg', 'ZB'],
    ["Omar O'Brien", 'OO'],
    ['Élif Smith', 'ÉS'],
    ['Cher', 'C'],
    ['', '?'],
  ])('initials of %j: %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });

  it('escapes the name in the SVG', () => {
    expect(avatarSvg('x', '<script>alert(1)</script> & co', 96)).not.toContain('<script>');
  });
});
