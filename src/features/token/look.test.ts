import { describe, expect, it } from 'vitest';
import { tokenLook } from './look.ts';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const text = (parts: ReturnType<typeof tokenLook>['lead']) => parts.map((part) => (typeof part === 'string' ? part : `<${String((part.at - NOW) / 60_000)} min>`)).join('');

describe("the token page's heading", () => {
  it('says who, where, through which client, and when the token idles out and expires', () => {
    const look = tokenLook({ organization: { id: 'o', name: 'Example Org' }, OAuthClient: { id: 'c', name: 'Token Admin', authorizedGrantType: 'CODE' } }, { name: 'Avery Admin' }, NOW + 30 * 60_000, NOW + 24 * 60 * 60_000);
    expect(look.title).toBe('My token');
    expect(text(look.lead)).toBe('The token this tab uses: Avery Admin in Example Org, through Token Admin. It idles out <30 min> unless it is used, and expires <1440 min>.');
  });

  it('names a trustee for what they are, and says when Genesys reports no idle time', () => {
    const look = tokenLook(
      { organization: { id: 'o', name: 'Customer Org' }, homeOrganization: { id: 'h', name: 'Partner Org' }, clonedUser: { id: 'u', organization: { id: 'h' } } },
      { name: 'Pat Partner' },
      undefined,
      undefined,
    );
    expect(text(look.lead)).toBe('The token this tab uses: Pat Partner, a trustee from Partner Org, in Customer Org. Genesys Cloud reports no idle timeout for it.');
  });
});
