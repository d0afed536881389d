import { describe, expect, it } from 'vitest';
import { PERMISSION_CASES } from '../../test/permission-cases.ts';
import { hasPermission } from './permissions.ts';

describe('hasPermission', () => {
  it.each(PERMISSION_CASES)('$granted grants $needed: $allowed', ({ granted, needed, allowed }) => {
    expect(hasPermission(granted, needed)).toBe(allowed);
  });

  it('grants nothing without a permission list', () => {
    expect(hasPermission(undefined, 'oauth:token:delete')).toBe(false);
  });
});
