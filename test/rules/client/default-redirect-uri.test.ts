import { client, findingsOf, templateWith } from '../helpers';

const RULE = 'client-default-redirect-uri';
const withDefault = (uri: unknown, callbacks?: unknown) => templateWith({
  Client: client({
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid'],
    DefaultRedirectURI: uri,
    ...(callbacks === undefined ? {} : { CallbackURLs: callbacks }),
  }),
});

describe(RULE, () => {
  test('fails when the URI is not a callback URL (the measured deploy failure)', () => {
    const findings = findingsOf(RULE, withDefault('https://other.example.com/cb', ['https://example.com/cb']));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'error', logicalId: 'Client', property: 'DefaultRedirectURI' });
    expect(findings[0].message).toBe('Property DefaultRedirectURI: value "https://other.example.com/cb" is not allowed because it is not in CallbackURLs (https://example.com/cb); '
      + 'Cognito compares the strings exactly. Fix: set DefaultRedirectURI to one of the CallbackURLs, or add https://other.example.com/cb to CallbackURLs.');
  });

  test('compares exactly: a trailing slash is a different URL', () => {
    expect(findingsOf(RULE, withDefault('https://example.com/cb/', ['https://example.com/cb']))).toHaveLength(1);
  });

  test('fails when there are no callback URLs', () => {
    for (const callbacks of [undefined, []]) {
      const findings = findingsOf(RULE, withDefault('https://example.com/cb', callbacks));
      expect(findings).toHaveLength(1);
      expect(findings[0].message).toContain('because CallbackURLs is empty');
    }
  });

  test('fails on a malformed URI before comparing', () => {
    const findings = findingsOf(RULE, withDefault('https://example.com/my cb', ['https://example.com/my cb']));
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('it must consist of letters, digits, marks, symbols and punctuation');
  });

  test('passes when the URI is one of the callbacks', () => {
    expect(findingsOf(RULE, withDefault('https://example.com/cb', ['https://a.example.com/cb', 'https://example.com/cb']))).toEqual([]);
  });

  test('stays silent when membership cannot be decided', () => {
    expect(findingsOf(RULE, withDefault({ Ref: 'Uri' }, ['https://example.com/cb']))).toEqual([]);
    expect(findingsOf(RULE, withDefault('https://other.example.com/cb', { Ref: 'Callbacks' }))).toEqual([]);
    expect(findingsOf(RULE, withDefault('https://other.example.com/cb', ['https://example.com/cb', { 'Fn::Sub': 'https://${Host}/cb' }]))).toEqual([]);
  });
});
