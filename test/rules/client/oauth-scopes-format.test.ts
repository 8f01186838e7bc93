import { client, findingsOf, templateWith } from '../helpers';

const RULE = 'client-oauth-scopes-format';
const withScopes = (scopes: unknown) => templateWith({ Client: client({ AllowedOAuthScopes: scopes }) });

describe(RULE, () => {
  test('fails on a space, a quote, a backslash, an empty and a too long scope', () => {
    const findings = findingsOf(RULE, withScopes(['api/read write', 'api/"x"', 'api\\x', '', 'a'.repeat(257), 'openid']));
    expect(findings.map((f) => f.property)).toEqual([0, 1, 2, 3, 4].map((i) => `AllowedOAuthScopes[${i}]`));
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'error', logicalId: 'Client' });
    expect(findings[0].message).toBe('Property AllowedOAuthScopes[0]: value "api/read write" is not allowed because it must consist of printable ASCII characters other than space, " and \\ only. '
      + 'Fix: write the scope as a standard scope name or <resource-server-identifier>/<scope-name>, without spaces or quotes.');
    expect(findings[3].message).toContain('it must have at least 1 character(s)');
    expect(findings[4].message).toContain('it has 257 characters and the maximum is 256');
  });

  test('fails on more than 50 scopes', () => {
    const scopes = Array.from({ length: 51 }, (_, i) => `api/s${i}`);
    const findings = findingsOf(RULE, withScopes(scopes));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ property: 'AllowedOAuthScopes' });
    expect(findings[0].message).toContain('value "51 items" is not allowed because at most 50 are allowed');
  });

  test('passes with 50 well-formed scopes, URL identifiers included', () => {
    expect(findingsOf(RULE, withScopes(Array.from({ length: 50 }, (_, i) => `https://api.example.com/s${i}`)))).toEqual([]);
  });

  test('stays silent on intrinsics', () => {
    expect(findingsOf(RULE, withScopes({ Ref: 'Scopes' }))).toEqual([]);
    expect(findingsOf(RULE, withScopes([{ 'Fn::Sub': '${Prefix} read' }]))).toEqual([]);
  });
});
