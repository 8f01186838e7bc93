import * as fc from 'fast-check';
import { mentions, referencedNames } from '../../src/rules/rule';

const RUNS = Number(process.env.FUZZ_RUNS ?? 700);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

// ResourceView.references looks an alphanumeric logical id up in referencedNames() (collected once per resource)
// instead of walking the properties with mentions() per id: the two must agree on every id.
describe('referencedNames agrees with mentions on alphanumeric logical ids', () => {
  const ids = ['Api', 'Api2', 'Pool', 'A'];
  const id = fc.constantFrom(...ids);
  const subText = fc.array(fc.oneof(
    fc.constantFrom('${', '}', '.', '!', '$', '{', 'x', '/', ' '),
    id,
    id.chain((name) => fc.constantFrom(`\${${name}}`, `\${${name}.Arn}`, `\${!${name}}`, `\${${name}x}`)),
  ), { maxLength: 8 }).map((parts) => parts.join(''));
  const value = fc.letrec((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      fc.jsonValue({ maxDepth: 1 }),
      id.map((target) => ({ Ref: target })),
      fc.oneof(id.map((target) => [target, 'Arn']), id.map((target) => `${target}.Arn`), fc.constant([7, 'Arn'])).map((arg) => ({ 'Fn::GetAtt': arg })),
      fc.oneof(subText, fc.tuple(subText, fc.dictionary(id, tie('v'), { maxKeys: 2 }))).map((arg) => ({ 'Fn::Sub': arg })),
      fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('A', 'Ref', 'Fn::Join', 'Fn::Sub'), tie('v'), { maxKeys: 3 }),
    ),
  }));

  test('on random property values', () => {
    fc.assert(fc.property(value.v, id, (properties, logicalId) => {
      expect(referencedNames(properties).has(logicalId)).toBe(mentions(properties, logicalId));
    }), { numRuns: RUNS * 3, seed: SEED });
  });

  test('on the spellings CloudFormation reads', () => {
    const properties = { A: { 'Fn::Sub': ['${Api.Arn}/${!Pool}', { X: { Ref: 'A' } }] }, B: [{ 'Fn::GetAtt': 'Api2.Arn' }] };
    expect([...referencedNames(properties)].sort()).toEqual(['A', 'Api', 'Api2']);
    expect(['Api', 'Api2', 'A', 'Pool'].map((name) => mentions(properties, name))).toEqual([true, true, true, false]);
  });
});
