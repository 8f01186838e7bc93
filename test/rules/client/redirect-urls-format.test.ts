import { client, findingsOf, templateWith } from '../helpers';

const RULE = 'client-redirect-urls-format';
const withUrls = (props: Record<string, unknown>) => templateWith({ Client: client({ AllowedOAuthFlowsUserPoolClient: true, ...props }) });
const many = (n: number, path: string) => Array.from({ length: n }, (_, i) => `https://example.com/${path}${i}`);

describe(RULE, () => {
  test('fails on 101 callback URLs (the measured deploy failure) and on 101 logout URLs', () => {
    const findings = findingsOf(RULE, withUrls({ CallbackURLs: many(101, 'cb'), LogoutURLs: many(101, 'out') }));
    expect(findings.map((f) => f.property)).toEqual(['CallbackURLs', 'LogoutURLs']);
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'error', logicalId: 'Client' });
    expect(findings[0].message).toBe('Property CallbackURLs: value "101 items" is not allowed because at most 100 are allowed. '
      + 'Fix: keep at most 100 URLs per app client; split apps across several clients if needed.');
  });

  test('fails on whitespace, control characters, empty and too long URLs, in both lists', () => {
    const long = `https://example.com/${'a'.repeat(1005)}`;
    const findings = findingsOf(RULE, withUrls({
      CallbackURLs: ['https://example.com/my page', 'https://example.com/cb\t', '', long],
      LogoutURLs: ['https://example.com/out\u0000', 'https://example.com/out'],
    }));
    expect(findings.map((f) => f.property)).toEqual(['CallbackURLs[0]', 'CallbackURLs[1]', 'CallbackURLs[2]', 'CallbackURLs[3]', 'LogoutURLs[0]']);
    expect(findings[0].message).toMatch(/value "https:\/\/example.com\/my page" is not allowed because it must consist of letters, digits, marks, symbols and punctuation \(no spaces or control characters\) only/);
    expect(findings[3].message).toContain('it has 1025 characters and the maximum is 1024');
  });

  test('passes with 100 URLs, non-ASCII characters and app schemes', () => {
    expect(findingsOf(RULE, withUrls({ CallbackURLs: many(100, 'cb'), LogoutURLs: ['https://例え.jp/ログアウト', 'myapp://signout'] }))).toEqual([]);
  });

  test('stays silent on intrinsics', () => {
    expect(findingsOf(RULE, withUrls({ CallbackURLs: { Ref: 'Urls' }, LogoutURLs: [{ 'Fn::Sub': 'https://${Domain}/out' }] }))).toEqual([]);
  });
});
