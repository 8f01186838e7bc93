import { cfnBoolean, cfnInteger, cfnList, cfnObject, cfnProperties, cfnString, checkPropertyTypes } from '../../src/rules/cfn-types';

const SCHEMA = cfnProperties({
  Name: cfnString(),
  Count: cfnInteger().optional(),
  Enabled: cfnBoolean().optional(),
  Items: cfnList(cfnObject({ Key: cfnString() })),
});

describe('checkPropertyTypes', () => {
  test('accepts CloudFormation spellings of numbers and booleans, and intrinsics anywhere', () => {
    expect(checkPropertyTypes(SCHEMA, { Name: 'n', Count: '3', Enabled: 'True', Items: [{ Key: 'k' }, { 'Fn::If': ['C', {}, {}] }] })).toEqual([]);
    expect(checkPropertyTypes(SCHEMA, { Name: { Ref: 'P' }, Count: { Ref: 'C' }, Enabled: { Condition: 'X' }, Items: { 'Fn::Split': [',', 'a'] } })).toEqual([]);
  });

  test('reports each problem with a CloudFormation path, the value and a fix', () => {
    const violations = checkPropertyTypes(SCHEMA, { Count: 1.5, Enabled: 'yes', Items: [{ Key: 1 }, {}], Extra: true });
    expect(violations).toEqual([
      { property: 'Name', because: 'Name is required', fix: 'add Name' },
      { property: 'Count', value: 1.5, because: 'it must be a whole number', fix: 'give a whole number, or an intrinsic function such as Ref' },
      { property: 'Enabled', value: 'yes', because: 'it must be true or false', fix: 'give true or false, or an intrinsic function such as Ref' },
      { property: 'Items[0].Key', value: 1, because: 'it must be a string', fix: 'give a string, or an intrinsic function such as Ref' },
      { property: 'Items[1].Key', because: 'Key is required', fix: 'add Key' },
      {
        property: 'Extra',
        value: true,
        because: 'CloudFormation does not know this property name',
        fix: 'remove Extra or correct its spelling (allowed here: Name, Count, Enabled, Items)',
      },
    ]);
  });
});
