import { client, findingsOf, templateWith } from '../helpers';

const RULE = 'client-redirect-url-scheme';
const withUrls = (props: Record<string, unknown>) => templateWith({ Client: client({ AllowedOAuthFlowsUserPoolClient: true, ...props }) });

describe(RULE, () => {
  test('warns on javascript:, data:, vbscript: and file: URLs, in both lists', () => {
    const findings = findingsOf(RULE, withUrls({
      CallbackURLs: ['javascript:alert(document.cookie)', 'https://example.com/cb', 'DATA:text/html,<script>x</script>'],
      LogoutURLs: ['vbscript:msgbox(1)', 'file:///etc/passwd'],
    }));
    expect(findings.map((f) => f.property)).toEqual(['CallbackURLs[0]', 'CallbackURLs[2]', 'LogoutURLs[0]', 'LogoutURLs[1]']);
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'warning', logicalId: 'Client' });
    expect(findings[0].message).toMatch(/^Property CallbackURLs\[0\]: value "javascript:alert\(document.cookie\)" is risky because the javascript: scheme does not point to an app.* Fix: redirect only to https:\/\/ URLs you control/);
  });

  test('passes with web and app schemes', () => {
    expect(findingsOf(RULE, withUrls({ CallbackURLs: ['https://example.com/cb', 'myapp://callback', 'http://localhost:3000'] }))).toEqual([]);
  });

  test('stays silent on intrinsics', () => {
    expect(findingsOf(RULE, withUrls({ CallbackURLs: [{ 'Fn::Sub': '${Scheme}:alert(1)' }] }))).toEqual([]);
  });
});
