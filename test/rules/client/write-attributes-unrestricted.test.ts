import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-write-attributes-unrestricted';
const lint = (properties: Record<string, unknown>) => findingsOf(RULE, templateWith({ Client: client(properties) }));

describe(RULE, () => {
  test('warns when WriteAttributes is absent (or AWS::NoValue)', () => {
    const findings = lint({});
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', property: 'WriteAttributes' });
    expect(findings[0].message).toMatch(/^Property WriteAttributes is not set, which is risky because without the list the client may write every writable attribute of the pool/);
    expect(lint({ WriteAttributes: { Ref: 'AWS::NoValue' } })).toHaveLength(1);
  });

  test('passes any explicit list, even an empty one', () => {
    expect(lint({ WriteAttributes: ['email'] })).toEqual([]);
    expect(lint({ WriteAttributes: [] })).toEqual([]);
  });

  test('stays silent when the list is a token', () => {
    expect(lint({ WriteAttributes: { Ref: 'Attrs' } })).toEqual([]);
  });
});

describe(`${RULE} for machine-to-machine clients`, () => {
  const m2m = { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], GenerateSecret: true };

  test('stays silent on a client that cannot sign users in', () => {
    expect(lint({ ...m2m, ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] })).toEqual([]);
  });

  test('still warns when a user sign-in flow is allowed too', () => {
    expect(lint({ ...m2m, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] })).toHaveLength(1);
  });
});
