import { client, findingsOf, templateWith } from '../helpers';

const RULE = 'client-redirect-url-absolute';
const withUrls = (props: Record<string, unknown>) => templateWith({ Client: client({ AllowedOAuthFlowsUserPoolClient: true, ...props }) });

describe(RULE, () => {
  test('warns on relative URLs in both lists', () => {
    const findings = findingsOf(RULE, withUrls({ CallbackURLs: ['/callback', 'https://example.com/cb'], LogoutURLs: ['example.com/out'] }));
    expect(findings.map((f) => f.property)).toEqual(['CallbackURLs[0]', 'LogoutURLs[0]']);
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'warning', logicalId: 'Client' });
    expect(findings[0].message).toBe('Property CallbackURLs[0]: value "/callback" is risky because it is not an absolute URL (no scheme such as https://), '
      + 'so Cognito cannot redirect to it and may reject it (unconfirmed). Fix: write the full URL including the scheme, e.g. https://app.example.com/callback or myapp://callback.');
  });

  test('passes with https, loopback http and app schemes', () => {
    expect(findingsOf(RULE, withUrls({ CallbackURLs: ['https://example.com/cb', 'http://localhost:3000', 'myapp://callback', 'com.example.app:/oauth'] }))).toEqual([]);
  });

  test('leaves malformed values to the format rule', () => {
    expect(findingsOf(RULE, withUrls({ CallbackURLs: ['not a url'] }))).toEqual([]);
  });

  test('stays silent on intrinsics', () => {
    expect(findingsOf(RULE, withUrls({ CallbackURLs: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': ['Dist', 'DomainName'] }]] }] }))).toEqual([]);
  });
});
