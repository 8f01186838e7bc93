import { parseCloudFormationYaml } from '../../src/compliance/cli/cfn-yaml';
import { removeWorkspace, runCli, workspace } from '../compliance/cli/helpers';

// Regression: yaml resolves an unknown tag to the untagged value (with a warning the CLI silenced), so
// `- !Foo http://bad.example.com` was linted as the literal http://bad.example.com and drew an https error, while
// CloudFormation has no Fn::Foo and refuses the template. The file is now refused with one line naming the tag.

const TEMPLATE = (callback: string) => `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      CallbackURLs:
        - ${callback}
`;

test('an unknown short-form tag is a parse error with its position', () => {
  expect(() => parseCloudFormationYaml(TEMPLATE('!Foo http://bad.example.com'))).toThrow(
    "YAML parse error at line 9, column 11: unknown tag !Foo (CloudFormation's short forms are !Ref, !Sub, !GetAtt, !If and the other Fn:: names)");
  expect(() => parseCloudFormationYaml(TEMPLATE('!Foo [a, b]'))).toThrow(/unknown tag !Foo/);
});

test('known short forms and YAML core tags still parse', () => {
  const { data } = parseCloudFormationYaml(TEMPLATE('!Sub https://${Domain}/cb') + '      ClientName: !!str 123\n');
  const props = (data as { Resources: { Client: { Properties: Record<string, unknown> } } }).Resources.Client.Properties;

  expect(props.CallbackURLs).toEqual([{ 'Fn::Sub': 'https://${Domain}/cb' }]);
  expect(props.ClientName).toBe('123');
});

test('the CLI reports the file (exit 2) instead of a finding on the untagged value', async () => {
  const dir = workspace({ 'tagged.yaml': TEMPLATE('!Foo http://bad.example.com') });
  try {
    const result = await runCli(['tagged.yaml'], dir);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe('cognito-client-lint: tagged.yaml: YAML parse error at line 9, column 11: unknown tag !Foo '
      + "(CloudFormation's short forms are !Ref, !Sub, !GetAtt, !If and the other Fn:: names)\n");
    expect(result.stdout).not.toContain('client-redirect-url-https');
  } finally {
    removeWorkspace(dir);
  }
});
