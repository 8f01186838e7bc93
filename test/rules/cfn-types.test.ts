import * as fc from 'fast-check';
import {
  CfnList, CfnScalar, CfnShape, cfnBoolean, cfnInteger, cfnList, cfnObject, cfnProperties, cfnString, checkPropertyTypes, conforms, zodSchemaOf,
} from '../../src/rules/cfn-types';
import { userPoolClientPropertiesSchema } from '../../src/rules/client/property-schema';
import { DOMAIN_PROPERTIES } from '../../src/rules/domain/property-types';
import { ATTACHMENT_PROPERTIES } from '../../src/rules/domain/ui-customization-property-types';
import { RESOURCE_SERVER_PROPERTIES } from '../../src/rules/resource-server/property-types';

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

/**
 * `conforms` is the fast path: when it says a value is well formed, zod is never asked. It must agree with zod's
 * verdict on the same shape, or a malformed resource would pass unreported. Checked on the four shapes the rules use
 * and on random shapes, with values built near each shape (valid ones, then broken in the ways templates break).
 */
describe('conforms agrees with the zod schema of the same shape', () => {
  const RUNS = Number(process.env.FUZZ_RUNS ?? 700);
  const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  const ABSENT = Symbol('absent');

  const junk = fc.oneof(
    fc.constantFrom<unknown>(null, 1.5, -3, 0, 'yes', 'TRUE', ' 42 ', '', [], {}, true),
    fc.constantFrom<unknown>({ Ref: 'P' }, { 'Fn::If': ['C', 1, 2] }, { Condition: 'C' }, { Ref: 'P', Extra: 1 }, { 'Fn::Foo': 1 }),
    fc.jsonValue({ maxDepth: 2 }),
  );
  const oddNames = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'Fn::If', 'Ref', 'Extra', 'name');

  function valueNear(shape: CfnShape, depth = 0): fc.Arbitrary<unknown> {
    if (shape instanceof CfnScalar) {
      return fc.oneof(fc.constantFrom<unknown>('text', 7, '7', 'false', false, { Ref: 'P' }, ABSENT), junk);
    }
    if (shape instanceof CfnList) {
      return fc.oneof(fc.array(valueNear(shape.item, depth + 1), { maxLength: 3 }), fc.constantFrom<unknown>(ABSENT, null, { 'Fn::Split': [',', 'a'] }), junk);
    }
    const names = Object.keys(shape.shape);
    const entries = fc.tuple(
      ...names.map((name) => fc.tuple(fc.constant(name), fc.oneof(valueNear(shape.shape[name], depth + 1), fc.constantFrom<unknown>(ABSENT, null)))),
      fc.array(fc.tuple(fc.oneof(oddNames, fc.constantFrom(...names.map((n) => n.toLowerCase()), 'X')), junk), { maxLength: depth === 0 ? 2 : 1 }),
    );
    const objects = entries.map((parts) => {
      const extras = parts.pop() as Array<[string, unknown]>;
      const object: Record<string, unknown> = {};
      for (const [name, value] of [...(parts as Array<[string, unknown]>), ...extras]) {
        if (value !== ABSENT) Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
      }
      return object;
    });
    return fc.oneof({ weight: 4, arbitrary: objects }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom<unknown>(ABSENT, null), junk) });
  }

  const agree = (shape: CfnShape) => fc.property(valueNear(shape), (raw) => {
    const value = raw === ABSENT ? undefined : raw;
    expect(conforms(shape, value)).toBe(zodSchemaOf(shape).safeParse(value).success);
  });

  test.each([
    ['AWS::Cognito::UserPoolClient', userPoolClientPropertiesSchema],
    ['AWS::Cognito::UserPoolResourceServer', RESOURCE_SERVER_PROPERTIES],
    ['AWS::Cognito::UserPoolDomain', DOMAIN_PROPERTIES],
    ['AWS::Cognito::UserPoolUICustomizationAttachment', ATTACHMENT_PROPERTIES],
  ])('on the Properties shape of %s', (_type, shape) => {
    fc.assert(agree(shape), { numRuns: RUNS, seed: SEED });
  });

  test('on random shapes', () => {
    const { shape: randomShape } = fc.letrec<{ shape: CfnShape }>((tie) => ({
      shape: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom<CfnShape>(cfnString(), cfnString().optional(), cfnInteger(), cfnInteger().optional(), cfnBoolean().optional()),
        tie('shape').map((item) => cfnList(item)),
        fc.tuple(fc.dictionary(fc.constantFrom('A', 'B', 'C', 'name'), tie('shape'), { maxKeys: 3 }), fc.boolean())
          .map(([inner, open]) => cfnObject(inner, { open })),
      ),
    }));
    const shapes = fc.dictionary(fc.constantFrom('A', 'B', 'C'), randomShape, { maxKeys: 3 }).map((inner) => cfnProperties(inner));
    fc.assert(fc.property(shapes.chain((shape) => fc.tuple(fc.constant(shape), valueNear(shape))), ([shape, raw]) => {
      const value = raw === ABSENT ? undefined : raw;
      expect(conforms(shape, value)).toBe(zodSchemaOf(shape).safeParse(value).success);
    }), { numRuns: RUNS, seed: SEED });
  });

  test('well-formed resources never load zod', () => {
    jest.isolateModules(() => {
      const loaded = () => Object.keys(require.cache).some((file) => /[\\/]node_modules[\\/]zod[\\/]/.test(file));
      for (const file of Object.keys(require.cache)) if (/[\\/]node_modules[\\/]zod[\\/]/.test(file)) delete require.cache[file];
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const isolated = require('../../src/rules/cfn-types') as typeof import('../../src/rules/cfn-types');
      const shape = isolated.cfnProperties({ Name: isolated.cfnString(), Items: isolated.cfnList(isolated.cfnInteger()) });
      expect(isolated.checkPropertyTypes(shape, { Name: 'n', Items: [1, '2', { Ref: 'P' }] })).toEqual([]);
      expect(loaded()).toBe(false);
      expect(isolated.checkPropertyTypes(shape, { Items: [1.5] })).toHaveLength(2);
      expect(loaded()).toBe(true);
    });
  });
});
