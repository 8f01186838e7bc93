import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-explicit-auth-flows-refresh-token';
const lint = (properties: Record<string, unknown>) => findingsOf(RULE, templateWith({ Client: client(properties) }));

describe(RULE, () => {
  test('warns when an explicit list lacks ALLOW_REFRESH_TOKEN_AUTH', () => {
    const findings = lint({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', property: 'ExplicitAuthFlows' });
    expect(findings[0].message).toContain('it lacks ALLOW_REFRESH_TOKEN_AUTH');
    expect(findings[0].message).toContain('current behaviour unconfirmed');
    expect(findings[0].message).toContain('Fix: add ALLOW_REFRESH_TOKEN_AUTH');
  });

  test('warns on an empty list and when rotation is explicitly DISABLED', () => {
    expect(lint({ ExplicitAuthFlows: [] })).toHaveLength(1);
    expect(lint({ ExplicitAuthFlows: ['ALLOW_USER_AUTH'], RefreshTokenRotation: { Feature: 'DISABLED' } })).toHaveLength(1);
  });

  test('passes with the flow, without a list (default includes it), with rotation on, and for legacy-only lists', () => {
    expect(lint({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] })).toEqual([]);
    expect(lint({})).toEqual([]);
    expect(lint({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'], RefreshTokenRotation: { Feature: 'ENABLED' } })).toEqual([]);
    expect(lint({ ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH'] })).toEqual([]);
  });

  test('stays silent when an item or the rotation setting is a token', () => {
    expect(lint({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', { Ref: 'Extra' }] })).toEqual([]);
    expect(lint({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'], RefreshTokenRotation: { Feature: { Ref: 'Rotation' } } })).toEqual([]);
    expect(lint({ ExplicitAuthFlows: { Ref: 'Flows' } })).toEqual([]);
  });
});
