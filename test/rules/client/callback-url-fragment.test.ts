import { client, findingsOf, templateWith } from '../helpers';

const RULE = 'client-callback-url-fragment';
const withUrls = (props: Record<string, unknown>) => templateWith({
  Client: client({ AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], ...props }),
});

describe(RULE, () => {
  test('fails on a callback with a fragment (the measured deploy failure), empty fragments included', () => {
    const findings = findingsOf(RULE, withUrls({ CallbackURLs: ['https://example.com/cb#frag', 'https://example.com/ok', 'https://example.com/#'] }));
    expect(findings.map((f) => f.property)).toEqual(['CallbackURLs[0]', 'CallbackURLs[2]']);
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'error', logicalId: 'Client' });
    expect(findings[0].message).toBe('Property CallbackURLs[0]: value "https://example.com/cb#frag" is not allowed because it has a fragment (#...), '
      + 'and Cognito adds the sign-in response to the callback URL itself. Fix: remove the fragment; with hash routing, register the page URL and route after sign-in (for example from the state parameter).');
  });

  test('passes with query strings, and leaves logout URLs alone (unconfirmed there)', () => {
    expect(findingsOf(RULE, withUrls({ CallbackURLs: ['https://example.com/cb?x=1', 'myapp://cb'], LogoutURLs: ['https://example.com/#/signed-out'] }))).toEqual([]);
  });

  test('stays silent on intrinsics', () => {
    expect(findingsOf(RULE, withUrls({ CallbackURLs: [{ 'Fn::Sub': 'https://${Host}/#/cb' }] }))).toEqual([]);
  });
});
