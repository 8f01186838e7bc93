import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-read-attributes-exist';
const SCHEMA = { Schema: [{ Name: 'tenant', AttributeDataType: 'String' }, { Name: 'email', Required: true }] };
const read = (ReadAttributes: unknown, pool: Record<string, unknown> = SCHEMA) =>
  findingsOf(RULE, templateWith({ Client: client({ ReadAttributes }) }, pool));

describe(RULE, () => {
  test('fails on a custom attribute the pool lacks (the measured deploy failure)', () => {
    const findings = read(['custom:nosuch'], {});
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', property: 'ReadAttributes[0]' });
    expect(findings[0].message).toBe('Property ReadAttributes[0]: value "custom:nosuch" is not allowed because user pool Pool has no attribute of that name (custom attributes there: none); Cognito refuses the client with "Invalid read attributes specified while creating a client". Fix: add the attribute to the Schema of Pool, or remove it from ReadAttributes.');
  });

  test('reports every unknown name, and suggests the custom: prefix when it is missing', () => {
    const findings = read(['email', 'nosuch', 'tenant']);
    expect(findings.map((f) => f.property)).toEqual(['ReadAttributes[1]', 'ReadAttributes[2]']);
    expect(findings[0].message).toContain('(custom attributes there: custom:tenant)');
    expect(findings[1].message).toContain('Fix: write custom:tenant');
  });

  test('passes standard attributes, verification flags, pool custom attributes and sub', () => {
    expect(read(['email', 'email_verified', 'phone_number_verified', 'custom:tenant', 'address', 'sub'])).toEqual([]);
  });

  test('stays silent when the pool schema or the list is unknown, or the pool is imported', () => {
    expect(read(['custom:nosuch'], { Schema: [{ Name: { Ref: 'AttrName' } }] })).toEqual([]);
    expect(read(['custom:nosuch'], { Schema: { Ref: 'Schema' } })).toEqual([]);
    expect(read({ Ref: 'Attrs' })).toEqual([]);
    expect(read([{ Ref: 'Attr' }])).toEqual([]);
    const imported = { Resources: { C: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { 'Fn::ImportValue': 'Pool' }, ReadAttributes: ['custom:nosuch'] } } } };
    expect(findingsOf(RULE, imported)).toEqual([]);
  });
});
