import { parseCloudFormationYaml } from '../../../src/compliance/cli/cfn-yaml';

const valueOf = (yaml: string) => (parseCloudFormationYaml(`Value: ${yaml}\n`).data as { Value: unknown }).Value;

describe('CloudFormation short-form tags', () => {
  test.each([
    ['!Ref Pool', { Ref: 'Pool' }],
    ['!Condition IsProd', { Condition: 'IsProd' }],
    ["!Sub 'arn:${AWS::Partition}:x'", { 'Fn::Sub': 'arn:${AWS::Partition}:x' }],
    ["!Sub ['${A}-b', { A: !Ref X }]", { 'Fn::Sub': ['${A}-b', { A: { Ref: 'X' } }] }],
    ['!GetAtt Pool.Arn', { 'Fn::GetAtt': ['Pool', 'Arn'] }],
    ['!GetAtt Stack.Outputs.Url', { 'Fn::GetAtt': ['Stack', 'Outputs.Url'] }],
    ['!GetAtt [Pool, ProviderURL]', { 'Fn::GetAtt': ['Pool', 'ProviderURL'] }],
    ['!If [IsProd, a, !Ref AWS::NoValue]', { 'Fn::If': ['IsProd', 'a', { Ref: 'AWS::NoValue' }] }],
    ["!Join ['', [a, !Ref B]]", { 'Fn::Join': ['', ['a', { Ref: 'B' }]] }],
    ["!Select [0, !Split [',', !ImportValue Shared-List]]",
      { 'Fn::Select': [0, { 'Fn::Split': [',', { 'Fn::ImportValue': 'Shared-List' }] }] }],
    ['!FindInMap [Map, !Ref AWS::Region, Key]', { 'Fn::FindInMap': ['Map', { Ref: 'AWS::Region' }, 'Key'] }],
    ['!Base64 text', { 'Fn::Base64': 'text' }],
    ['!Cidr [!GetAtt Vpc.CidrBlock, 6, 5]', { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 6, 5] }],
    ["!GetAZs ''", { 'Fn::GetAZs': '' }],
    ['!Equals [!Ref Stage, prod]', { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] }],
    ['!And [!Condition A, !Not [!Condition B]]', { 'Fn::And': [{ Condition: 'A' }, { 'Fn::Not': [{ Condition: 'B' }] }] }],
    ['!Or [!Condition A, !Condition B]', { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!Transform { Name: AWS::Include, Parameters: { Location: s3://b/k } }',
      { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } }],
    ['!Length [a, b]', { 'Fn::Length': ['a', 'b'] }],
    ['!ToJsonString { a: 1 }', { 'Fn::ToJsonString': { a: 1 } }],
  ])('%s', (yaml, expected) => {
    expect(valueOf(yaml)).toEqual(expected);
  });

  test('block-style sequences under a tag, as people write !Sub with variables', () => {
    const yaml = "!Sub\n  - 'https://${Domain}/callback'\n  - Domain: !ImportValue web-domain\n";
    expect(valueOf(yaml)).toEqual({ 'Fn::Sub': ['https://${Domain}/callback', { Domain: { 'Fn::ImportValue': 'web-domain' } }] });
  });

  test('anchors and aliases inside tagged collections resolve', () => {
    const { data } = parseCloudFormationYaml('A: &urls [https://a.example.com]\nB: !If [C, *urls, []]\n');
    expect(data).toEqual({ A: ['https://a.example.com'], B: { 'Fn::If': ['C', ['https://a.example.com'], []] } });
  });

  test('records the line of every resource', () => {
    const { resourceLines } = parseCloudFormationYaml('Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n\n  Client:\n    Type: X\n');
    expect([...resourceLines]).toEqual([['Pool', 2], ['Client', 5]]);
  });

  test('a repeated logical id is recorded with its lines, and the last resource is kept (as CloudFormation deploys it)', () => {
    const { data, duplicateKeys, resourceLines } = parseCloudFormationYaml('Resources:\n  A:\n    Type: X\n  A:\n    Type: Y\n');
    expect(duplicateKeys).toEqual([{ path: ['Resources', 'A'], lines: [2, 4] }]);
    expect(data).toEqual({ Resources: { A: { Type: 'Y' } } });
    expect(resourceLines.get('A')).toBe(4);
  });

  test('repeated keys are found in nested maps too, while the same key in different maps is fine', () => {
    const nested = parseCloudFormationYaml('Resources:\n  A:\n    Type: X\n    Properties:\n      Name: a\n      Name: b\n      Name: c\n');
    expect(nested.duplicateKeys).toEqual([{ path: ['Resources', 'A', 'Properties', 'Name'], lines: [5, 6, 7] }]);
    expect(nested.data).toEqual({ Resources: { A: { Type: 'X', Properties: { Name: 'c' } } } });
    expect(parseCloudFormationYaml('Resources:\n  A:\n    Type: X\n  B:\n    Type: X\n').duplicateKeys).toEqual([]);
  });
});
