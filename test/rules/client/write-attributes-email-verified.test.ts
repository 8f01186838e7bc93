import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-write-attributes-email-verified';
const write = (WriteAttributes: unknown) => findingsOf(RULE, templateWith({ Client: client({ WriteAttributes }) }));

describe(RULE, () => {
  test('fails on email_verified (the measured deploy failure)', () => {
    const findings = write(['email', 'email_verified']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', property: 'WriteAttributes[1]' });
    expect(findings[0].message).toMatch(/^Property WriteAttributes\[1\]: value "email_verified" is not allowed because an app client may not write the verification status.* Fix: remove email_verified from WriteAttributes/);
  });

  test('passes email itself and lists without email_verified', () => {
    expect(write(['email'])).toEqual([]);
    expect(write([])).toEqual([]);
  });

  test('stays silent for tokens', () => {
    expect(write({ Ref: 'Attrs' })).toEqual([]);
    expect(write([{ Ref: 'Attr' }])).toEqual([]);
  });
});
