import { describe, expect, it } from 'vitest';
import { isUserId } from './userId.ts';

describe('isUserId', () => {
  it('takes a UUID in either case', () => {
    expect(isUserId('1b4e28ba-2fa1-41d2-883f-0016d3cca427')).toBe(true);
    expect(isUserId('1B4E28BA-2FA1-41D2-883F-0016D3CCA427')).toBe(true);
  });

  // The user page asks Genesys for the text as given: " <id>" would come back as "no such user".
  it.each([' 1b4e28ba-2fa1-41d2-883f-0016d3cca427', '1b4e28ba-2fa1-41d2-883f-0016d3cca427\n', '1b4e28ba-2fa1', '1b4e28ba2fa141d2883f0016d3cca427'])('refuses %j', (text) => {
    expect(isUserId(text)).toBe(false);
  });
});
