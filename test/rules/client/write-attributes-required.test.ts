import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-write-attributes-required';
const REQUIRED = { Schema: [{ Name: 'email', Required: true }, { Name: 'tenant', Required: 'true' }, { Name: 'name' }] };
const write = (WriteAttributes: unknown, pool: Record<string, unknown> = REQUIRED) =>
  findingsOf(RULE, templateWith({ Client: client({ WriteAttributes }) }, pool));

describe(RULE, () => {
  test('warns when an explicit list misses required attributes, marked as reported and unconfirmed', () => {
    const findings = write(['name']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', property: 'WriteAttributes' });
    expect(findings[0].message).toContain('user pool Pool marks email, custom:tenant as required');
    expect(findings[0].message).toContain('users report "Invalid write attributes specified while creating a client"; unconfirmed');
    expect(findings[0].message).toContain('Fix: add email, custom:tenant to WriteAttributes.');
  });

  test('passes when every required attribute is writable, or the list is absent', () => {
    expect(write(['email', 'custom:tenant'])).toEqual([]);
    expect(findingsOf(RULE, templateWith({ Client: client({}) }, REQUIRED))).toEqual([]);
    expect(write(['name'], {})).toEqual([]);
  });

  test('stays silent when an entry is a token (it may be the required one)', () => {
    expect(write(['name', { Ref: 'Attr' }])).toEqual([]);
    expect(write({ Ref: 'Attrs' })).toEqual([]);
  });
});
