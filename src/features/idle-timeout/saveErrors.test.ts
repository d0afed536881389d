import { describe, expect, it } from 'vitest';
import { formPathOf, saveProblems } from './saveErrors.ts';

describe('a refused save', () => {
  it('maps Genesys field names to the form’s fields', () => {
    expect(formPathOf('idleTokenTimeoutSeconds')).toBe('timeout');
    expect(formPathOf('inactivityTimeoutGroupBundles[2].timeoutSeconds')).toBe('bundles.2.timeout');
    expect(formPathOf('inactivityTimeoutGroupBundles[0].groups[1]')).toBe('bundles.0.groups');
    expect(formPathOf('inactivityTimeoutGroupBundles[0].priority')).toBeUndefined();
    expect(formPathOf('somethingElse')).toBeUndefined();
  });

  it('puts each part of the message by the field it names, the rest at the top', () => {
    const problems = saveProblems(
      'idleTokenTimeoutSeconds must be a whole number. inactivityTimeoutGroupBundles[0].priority 1 is already used.',
      [
        { errorCode: 'invalid.value', fieldName: 'idleTokenTimeoutSeconds' },
        { errorCode: 'invalid.value', fieldName: 'inactivityTimeoutGroupBundles[0].priority' },
      ],
      () => 100,
    );
    expect(problems).toEqual({
      fields: { timeout: 'Genesys Cloud refused this: idleTokenTimeoutSeconds must be a whole number.' },
      general: ['inactivityTimeoutGroupBundles[0].priority 1 is already used.'],
    });
  });

  it('says when the HIPAA cap refused a value', () => {
    const named = saveProblems('idleTokenTimeoutSeconds must be from 300 to 900, the limit for a HIPAA-compliant organization.', [{ fieldName: 'idleTokenTimeoutSeconds' }], () => 1800);
    expect(named.fields.timeout).toMatch(/^Your organisation has HIPAA compliance on, which caps every idle timeout at 15 minutes\. Enter 5 to 15 minutes$/);
    // A value in the documented range can only have met the cap, whatever the message says.
    const unnamed = saveProblems('idleTokenTimeoutSeconds is invalid.', [{ fieldName: 'idleTokenTimeoutSeconds' }], () => 2700);
    expect(unnamed.fields.timeout).toMatch(/HIPAA/);
  });

  it('puts a message that names no field at the top', () => {
    expect(saveProblems('The request body must be a JSON object.', [], () => undefined)).toEqual({ fields: {}, general: ['The request body must be a JSON object.'] });
  });
});
