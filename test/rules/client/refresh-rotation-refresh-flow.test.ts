import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-refresh-rotation-refresh-flow';
const lint = (properties: Record<string, unknown>) => findingsOf(RULE, templateWith({ Client: client(properties) }));
const ROTATION = { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 } };

describe(RULE, () => {
  test('warns when rotation is on and ALLOW_REFRESH_TOKEN_AUTH is listed', () => {
    const findings = lint({ ...ROTATION, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', property: 'ExplicitAuthFlows[1]' });
    expect(findings[0].message).toContain('unconfirmed');
    expect(findings[0].message).toContain('Fix: remove ALLOW_REFRESH_TOKEN_AUTH');
  });

  test('warns when rotation is on and ExplicitAuthFlows is omitted (the default set includes the flow)', () => {
    const findings = lint(ROTATION);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toMatch(/^Property ExplicitAuthFlows is not set, which is risky because without a list Cognito enables its default flows/);
  });

  test('passes without rotation, with rotation disabled, and with rotation and no refresh flow', () => {
    expect(lint({ ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] })).toEqual([]);
    expect(lint({ RefreshTokenRotation: { Feature: 'DISABLED' } })).toEqual([]);
    expect(lint({ ...ROTATION, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] })).toEqual([]);
  });

  test('stays silent when the feature or the list is a token', () => {
    expect(lint({ RefreshTokenRotation: { Feature: { Ref: 'F' } } })).toEqual([]);
    expect(lint({ RefreshTokenRotation: { Ref: 'Rotation' } })).toEqual([]);
    expect(lint({ ...ROTATION, ExplicitAuthFlows: { Ref: 'Flows' } })).toEqual([]);
  });
});
