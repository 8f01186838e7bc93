import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-write-attributes-immutable';
const write = (WriteAttributes: unknown) => findingsOf(RULE, templateWith({ Client: client({ WriteAttributes }) }));

describe(RULE, () => {
  test('warns on phone_number_verified and sub, marked unconfirmed', () => {
    const findings = write(['phone_number', 'phone_number_verified', 'sub']);
    expect(findings.map((f) => [f.property, f.severity])).toEqual([['WriteAttributes[1]', 'warning'], ['WriteAttributes[2]', 'warning']]);
    expect(findings[0].message).toContain('unconfirmed');
    expect(findings[1].message).toContain('Fix: remove sub from WriteAttributes.');
  });

  test('passes ordinary attributes (email_verified is the error rule\'s job)', () => {
    expect(write(['phone_number', 'email_verified'])).toEqual([]);
  });

  test('stays silent for tokens', () => {
    expect(write({ Ref: 'Attrs' })).toEqual([]);
  });
});
