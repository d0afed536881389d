import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from './config.ts';
import { findRegion, regionFromSearch } from './regions.ts';

const CLIENT_ID = '5a3f8c2e-9d1b-4e6a-8f7c-2b4d6e8a0c13';

function problemsOf(raw: unknown) {
  try {
    parseConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('accepts a minimal config and fills the defaults', () => {
    expect(parseConfig({ clientId: CLIENT_ID, environment: 'mypurecloud.ie' })).toEqual({
      clientId: CLIENT_ID,
      environment: 'mypurecloud.ie',
      oauthFlow: 'pkce',
      redirectPath: '/auth/callback',
      signOutOfGenesys: false,
    });
  });

  it('trims trailing slashes from base URLs', () => {
    const config = parseConfig({ clientId: CLIENT_ID, apiBaseUrl: 'http://localhost:8787/', loginBaseUrl: 'http://localhost:8787' });
    expect(config.apiBaseUrl).toBe('http://localhost:8787');
  });

  it('lists every problem with the key it belongs to', () => {
    const problems = problemsOf({
      clientId: 'REPLACE-ME',
      environment: 'evil.example.com',
      oauthFlow: 'password',
      apiBaseUrl: 'ftp://x',
      redirectPath: '//evil.com/cb',
      colour: 'blue',
    });
    const byKey = Object.fromEntries(problems.map((p) => [p.key, p.message]));
    expect(byKey.clientId).toMatch(/OAuth client id/);
    expect(byKey.environment).toMatch(/not a known Genesys Cloud region/);
    expect(byKey.oauthFlow).toBe('must be "pkce" or "implicit"');
    expect(byKey.apiBaseUrl).toMatch(/full http\(s\) URL/);
    expect(byKey.redirectPath).toMatch(/single "\/"/);
    expect(byKey.colour).toMatch(/not a setting this app knows/);
  });

  it('says a missing clientId is required', () => {
    expect(problemsOf({})).toEqual([expect.objectContaining({ key: 'clientId', message: expect.stringMatching(/^is required/) as unknown })]);
  });

  it('refuses a non-object', () => {
    expect(problemsOf([1, 2])[0]?.message).toMatch(/JSON object/);
  });
});

describe('loadConfig', () => {
  it('explains a missing file', async () => {
    const fetch404 = () => Promise.resolve(new Response('nope', { status: 404 }));
    await expect(loadConfig('/config.json', fetch404)).rejects.toMatchObject({
      problems: [{ key: '', message: expect.stringContaining('HTTP 404') as unknown }],
    });
  });

  it('explains broken JSON', async () => {
    const fetchBad = () => Promise.resolve(new Response('{ "clientId": ', { status: 200 }));
    await expect(loadConfig('/config.json', fetchBad)).rejects.toMatchObject({
      problems: [{ message: expect.stringContaining('not valid JSON') as unknown }],
    });
  });

  it('returns the validated config', async () => {
    const fetchOk = () => Promise.resolve(Response.json({ clientId: CLIENT_ID }));
    await expect(loadConfig('/config.json', fetchOk)).resolves.toMatchObject({ clientId: CLIENT_ID, oauthFlow: 'pkce' });
  });
});

describe('regions', () => {
  it('knows regions by domain, deployment name and Genesys URL', () => {
    expect(findRegion('mypurecloud.ie')?.name).toBe('prod-euw1');
    expect(findRegion('prod-euw1')?.domain).toBe('mypurecloud.ie');
    expect(findRegion('https://apps.mypurecloud.ie')?.domain).toBe('mypurecloud.ie');
    expect(findRegion('usw2.pure.cloud')?.label).toBe('Americas (US West)');
    expect(findRegion('edee1.eusc-pure.cloud')).toBeDefined();
  });

  it('refuses anything that is not a Genesys region', () => {
    for (const value of ['evil.com', 'https://evil.com', 'mypurecloud.ie.evil.com', 'https://apps.mypurecloud.ie.evil.com', 'localhost', '', null]) {
      expect(findRegion(value)).toBeUndefined();
    }
  });

  it('reads the portal link parameters', () => {
    expect(regionFromSearch(new URLSearchParams('gcHostOrigin=https://apps.mypurecloud.de&gcTargetEnv=prod-euc1'))?.domain).toBe('mypurecloud.de');
    expect(regionFromSearch(new URLSearchParams('pcEnvironment=mypurecloud.com.au'))?.domain).toBe('mypurecloud.com.au');
    expect(regionFromSearch(new URLSearchParams('environment=attacker.example'))).toBeUndefined();
  });
});
