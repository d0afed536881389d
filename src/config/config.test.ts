import { describe, expect, it } from 'vitest';
import { ConfigError, endpointsFor, loadConfig, parseConfig } from './config.ts';
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

describe('apiBaseUrl and loginBaseUrl', () => {
  const messageFor = (url: string) => problemsOf({ clientId: CLIENT_ID, apiBaseUrl: url })[0]?.message;

  it.each([
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['http://127.1.2.3', 'http://127.1.2.3'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
    // The in-process tests' emulator: .test names are never in public DNS.
    ['http://emulator.test', 'http://emulator.test'],
    // A company gateway's path prefix is kept, without its trailing slashes.
    ['https://gateway.example.com/genesys/', 'https://gateway.example.com/genesys'],
    ['https://gateway.example.com/genesys//', 'https://gateway.example.com/genesys'],
    ['https://gateway.example.com/a/../genesys', 'https://gateway.example.com/genesys'],
    ['HTTPS://API.MyPureCloud.IE:443/', 'https://api.mypurecloud.ie'],
  ])('takes %s as %s', (url, used) => {
    expect(parseConfig({ clientId: CLIENT_ID, apiBaseUrl: url, loginBaseUrl: url })).toMatchObject({ apiBaseUrl: used, loginBaseUrl: used });
  });

  it('joins the API paths after a gateway path prefix', () => {
    const config = parseConfig({ clientId: CLIENT_ID, environment: 'mypurecloud.ie', apiBaseUrl: 'https://gateway.example.com/genesys/' });
    const region = findRegion('mypurecloud.ie');
    if (!region) throw new Error('the region list lacks mypurecloud.ie');
    expect(`${endpointsFor(config, region).apiBaseUrl}/api/v2/tokens/me`).toBe('https://gateway.example.com/genesys/api/v2/tokens/me');
  });

  it.each(['http://gateway.example.com', 'http://192.168.1.10:8787', 'http://0.0.0.0:8787', 'http://127.0.0.1.nip.io', 'http://localhost.evil.example', 'http://[::ffff:127.0.0.1]'])(
    'refuses plain http to %s, which is not a loopback host',
    (url) => {
      expect(messageFor(url)).toMatch(/^must use https, as in https:\/\/.*the admins' tokens would cross the network unencrypted/);
    },
  );

  it('names the https URL to write instead', () => {
    expect(messageFor('http://gateway.example.com:8443/genesys/')).toMatch(/^must use https, as in https:\/\/gateway\.example\.com:8443\/genesys:/);
  });

  it('refuses a query, a fragment or credentials, naming what to remove', () => {
    expect(messageFor('https://gateway.example.com/genesys?key=1#x')).toMatch(/must not have a query \(“\?key=1”\).*remove it/);
    expect(messageFor('https://gateway.example.com#/api')).toMatch(/must not have a fragment \(“#\/api”\).*after the #/);
    expect(messageFor('https://gateway.example.com/#')).toMatch(/must not have a fragment \(“#”\)/);
    expect(messageFor('https://admin@gateway.example.com')).toMatch(/must not hold a user name or password/);
    // The password is not repeated on the error page.
    expect(messageFor('https://admin:hunter2@gateway.example.com')).not.toMatch(/hunter2/);
  });

  it('refuses other schemes, and says what to add to a bare host', () => {
    for (const url of ['javascript:alert(1)', 'data:text/plain,x', 'ftp://x', 'file:///etc/passwd', 'https://']) {
      expect(messageFor(url)).toBe('must be a full http(s) URL, for example https://api.mypurecloud.ie');
    }
    expect(messageFor('localhost:8787')).toBe('must start with https://, as in https://localhost:8787');
  });

  it('refuses the paths the app adds itself', () => {
    expect(messageFor('https://gateway.example.com/genesys/api/v2/')).toBe('must not end with /api/v2: the app adds that path itself; remove it');
    expect(problemsOf({ clientId: CLIENT_ID, loginBaseUrl: 'https://login.mypurecloud.ie/oauth' })[0]?.message).toMatch(/^must not end with \/oauth:/);
  });
});

describe('clientId and environment', () => {
  it('says what is wrong with a clientId that is empty, padded or the template placeholder', () => {
    expect(problemsOf({ clientId: '' })[0]?.message).toMatch(/^is empty: it must be the OAuth client id/);
    expect(problemsOf({ clientId: ` ${CLIENT_ID}` })[0]?.message).toBe('has spaces or line breaks before or after it: remove them');
    expect(problemsOf({ clientId: 'REPLACE-WITH-YOUR-OAUTH-CLIENT-ID' })[0]?.message).toMatch(/^is still the template's placeholder/);
    expect(parseConfig({ clientId: CLIENT_ID.toUpperCase() }).clientId).toBe(CLIENT_ID.toUpperCase());
  });

  it('stores a region however it is written as its domain, which the security headers build host names from', () => {
    for (const environment of ['mypurecloud.ie', 'prod-euw1', 'https://apps.mypurecloud.ie', ' MyPureCloud.IE ']) {
      expect(parseConfig({ clientId: CLIENT_ID, environment }).environment).toBe('mypurecloud.ie');
    }
  });

  it('names the domain to write for a region given as one of its hosts', () => {
    expect(problemsOf({ clientId: CLIENT_ID, environment: 'login.usw2.pure.cloud' })[0]?.message).toBe(
      'names a host, not a region: write the region domain "usw2.pure.cloud"',
    );
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
