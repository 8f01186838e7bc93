import { client, findingsOf, templateWith } from '../helpers';

const RULE = 'client-oauth-settings-without-flag';
const settings = {
  AllowedOAuthFlows: ['code'],
  AllowedOAuthScopes: ['openid'],
  CallbackURLs: ['https://example.com/cb'],
  LogoutURLs: ['https://example.com/out'],
};

describe(RULE, () => {
  test('warns on every OAuth setting when the flag is absent', () => {
    const findings = findingsOf(RULE, templateWith({ Client: client(settings) }));
    expect(findings.map((f) => f.property)).toEqual(['AllowedOAuthFlows', 'AllowedOAuthScopes', 'CallbackURLs', 'LogoutURLs']);
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'warning', logicalId: 'Client' });
    expect(findings[0].message).toBe('Property AllowedOAuthFlows: value ["code"] is risky because AllowedOAuthFlowsUserPoolClient is not set (it defaults to false), '
      + 'so the client cannot use OAuth and this setting is ignored or refused (unconfirmed which). '
      + 'Fix: set AllowedOAuthFlowsUserPoolClient to true if the client signs in through OAuth, or remove AllowedOAuthFlows.');
  });

  test('warns when the flag is false', () => {
    const findings = findingsOf(RULE, templateWith({ Client: client({ AllowedOAuthFlowsUserPoolClient: false, CallbackURLs: ['https://example.com/cb'] }) }));
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('AllowedOAuthFlowsUserPoolClient is false');
  });

  test('passes with the flag on, or without OAuth settings (empty lists included)', () => {
    expect(findingsOf(RULE, templateWith({ Client: client({ AllowedOAuthFlowsUserPoolClient: true, ...settings }) }))).toEqual([]);
    expect(findingsOf(RULE, templateWith({ Client: client({ AllowedOAuthFlowsUserPoolClient: false, CallbackURLs: [] }) }))).toEqual([]);
  });

  test('stays silent when the flag or the lists are intrinsics', () => {
    expect(findingsOf(RULE, templateWith({ Client: client({ AllowedOAuthFlowsUserPoolClient: { Ref: 'UseOAuth' }, ...settings }) }))).toEqual([]);
    expect(findingsOf(RULE, templateWith({ Client: client({ CallbackURLs: { Ref: 'Urls' } }) }))).toEqual([]);
  });
});
