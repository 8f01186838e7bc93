import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-name-format';
const named = (ClientName: unknown) => findingsOf(RULE, templateWith({ Client: client({ ClientName }) }));

describe(RULE, () => {
  test('fails on a Japanese name (the measured deploy failure)', () => {
    const findings = named('テスト用');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'Client', property: 'ClientName' });
    expect(findings[0].message).toMatch(/^Property ClientName: value "テスト用" is not allowed because it must consist of ASCII letters, digits, underscores, whitespace/);
  });

  test('fails on non-ASCII letters that a Unicode \\w or \\s would accept', () => {
    expect(named('café')).toHaveLength(1);
    expect(named('a\u3000b')).toHaveLength(1);
  });

  test('fails on characters outside the set, an empty name and a name over 128 characters', () => {
    expect(named('my/client')).toHaveLength(1);
    expect(named('')[0].message).toContain('at least 1 character');
    expect(named('a'.repeat(129))[0].message).toContain('has 129 characters and the maximum is 128');
  });

  test('passes names made of the allowed characters, at the length limit', () => {
    expect(named('cdkpf-client')).toEqual([]);
    expect(named('Web client_1 +=,.@-')).toEqual([]);
    expect(named('a'.repeat(128))).toEqual([]);
  });

  test('stays silent for an absent name and for tokens', () => {
    expect(findingsOf(RULE, templateWith({ Client: client({}) }))).toEqual([]);
    expect(named({ 'Fn::Sub': '${AWS::StackName}-クライアント' })).toEqual([]);
    expect(named({ Ref: 'Name' })).toEqual([]);
  });
});
