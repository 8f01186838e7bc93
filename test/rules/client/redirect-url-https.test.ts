import { client, findingsOf, templateWith } from '../helpers';

const RULE = 'client-redirect-url-https';
const withUrls = (props: Record<string, unknown>) => templateWith({
  Client: client({ AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], ...props }),
});

describe(RULE, () => {
  test('fails on plain http callback and logout URLs (both measured)', () => {
    const findings = findingsOf(RULE, withUrls({ CallbackURLs: ['http://example.com/cb'], LogoutURLs: ['https://example.com/ok', 'http://example.com/out'] }));
    expect(findings.map((f) => f.property)).toEqual(['CallbackURLs[0]', 'LogoutURLs[1]']);
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'error', logicalId: 'Client' });
    expect(findings[0].message).toBe('Property CallbackURLs[0]: value "http://example.com/cb" is not allowed because it uses plain http for host example.com, '
      + 'and Cognito allows http only for localhost, 127.0.0.1 and [::1]. Fix: use https://, or http://localhost (any port) for local development.');
  });

  test('compares the parsed host, so look-alike hosts are not loopback', () => {
    const findings = findingsOf(RULE, withUrls({ CallbackURLs: ['http://localhost.evil.com/cb', 'http://127.0.0.1@evil.com/cb', 'http://127.0.0.2/cb'] }));
    expect(findings.map((f) => f.property)).toEqual(['CallbackURLs[0]', 'CallbackURLs[1]', 'CallbackURLs[2]']);
    expect(findings[1].message).toContain('for host evil.com');
  });

  test('passes with https, loopback http on any port, and app schemes', () => {
    const urls = ['https://example.com/cb', 'http://localhost', 'http://localhost:3000/cb', 'http://127.0.0.1:8080/cb', 'http://[::1]:5173/', 'myapp://callback'];
    expect(findingsOf(RULE, withUrls({ CallbackURLs: urls, LogoutURLs: urls }))).toEqual([]);
  });

  test('stays silent on intrinsics', () => {
    expect(findingsOf(RULE, withUrls({ CallbackURLs: [{ 'Fn::Sub': 'http://${Host}/cb' }], LogoutURLs: { Ref: 'Out' } }))).toEqual([]);
  });
});
