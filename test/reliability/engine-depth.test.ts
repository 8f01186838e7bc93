import { CognitoClientLinter } from '../../src';
import { ALL_RULES } from '../../src/rules/catalogue';
import { MAX_RESOURCES_DEPTH, runRules } from '../../src/rules/engine';

// Regression: lintTemplate recursed through property values (shape checks, Fn::Join resolution, reference search),
// so a value nested 10^5 levels deep made it throw "RangeError: Maximum call stack size exceeded" from inside a rule.
// The CLI refuses such files when it loads them; programmatic callers now get one clear error instead.

function nested(levels: number, wrap: (inner: unknown) => unknown, leaf: unknown = 'https://app.example.com/cb'): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = wrap(value);
  return value;
}

function templateWithValue(type: string, property: string, value: unknown) {
  return {
    Resources: {
      Pool: { Type: 'AWS::Cognito::UserPool' },
      Deep: { Type: type, Properties: { UserPoolId: { Ref: 'Pool' }, [property]: value } },
    },
  };
}

const WRAPS: Record<string, (inner: unknown) => unknown> = {
  'arrays': (inner) => [inner],
  'objects': (inner) => ({ a: inner }),
  'Fn::Join': (inner) => ({ 'Fn::Join': ['', [inner]] }),
  'Fn::If': (inner) => ({ 'Fn::If': ['Cond', inner, 'x'] }),
};

const CASES = Object.keys(WRAPS).flatMap((wrap) => [
  ['AWS::Cognito::UserPoolClient', 'CallbackURLs', wrap],
  ['AWS::Cognito::UserPoolClient', 'ClientName', wrap],
  ['AWS::Cognito::UserPoolDomain', 'UserPoolId', wrap],
  ['AWS::Cognito::UserPoolResourceServer', 'Scopes', wrap],
  ['AWS::Cognito::UserPool', 'Schema', wrap],
]);

test.each(CASES)('%s %s nested 10^5 levels in %s: a clear error naming the resource, not a stack overflow', (type, property, wrap) => {
  const template = templateWithValue(type, property, nested(100_000, WRAPS[wrap]));

  expect(() => CognitoClientLinter.lintTemplate(template)).toThrow(
    new Error(`resource Deep nests values deeper than ${MAX_RESOURCES_DEPTH} levels (or in a cycle); the template was not linted`));
});

test('a cyclic value (possible from code, not from JSON) is refused the same way', () => {
  const loop: unknown[] = ['https://app.example.com/cb'];
  loop.push(loop);

  expect(() => CognitoClientLinter.lintTemplate(templateWithValue('AWS::Cognito::UserPoolClient', 'CallbackURLs', loop)))
    .toThrow(/resource Deep nests values deeper than \d+ levels \(or in a cycle\)/);
});

/** How many JSON levels one wrap adds (`{ Fn::Join: ['', [x]] }` is an object, a list and a list). */
const LEVELS_PER_WRAP: Record<string, number> = { 'arrays': 1, 'objects': 1, 'Fn::Join': 3, 'Fn::If': 2 };

test.each(Object.keys(WRAPS))('nesting up to the limit in %s is linted as usual', (wrap) => {
  // Resource, Properties and CallbackURLs take three levels.
  const wraps = Math.floor((MAX_RESOURCES_DEPTH - 4) / LEVELS_PER_WRAP[wrap]);
  const template = templateWithValue('AWS::Cognito::UserPoolClient', 'CallbackURLs', nested(wraps, WRAPS[wrap]));

  expect(() => CognitoClientLinter.lintTemplate(template)).not.toThrow();
});

test('a subtree shared many times (as YAML aliases make) is checked without exponential work', () => {
  // 2^60 paths if walked naively; every node is reached at one depth only.
  const shared = nested(60, (inner) => [inner, inner]);
  const start = Date.now();

  CognitoClientLinter.lintTemplate(templateWithValue('AWS::S3::Bucket', 'Tags', shared));

  expect(Date.now() - start).toBeLessThan(5_000);
});

test('depthBounded (the CLI, whose loader cuts values at 100 levels) skips only the depth walk: the same findings', () => {
  const template = templateWithValue('AWS::Cognito::UserPoolClient', 'CallbackURLs', nested(150, WRAPS.arrays, 'http://app.example.com/cb'));

  // Deeper than the CLI would ever pass, still within the call stack: the walk is what tells the two apart.
  const bounded = runRules(ALL_RULES, template, { depthBounded: true });
  expect(bounded).toEqual(CognitoClientLinter.lintTemplate(template));
  const deep = templateWithValue('AWS::Cognito::UserPoolClient', 'ClientName', nested(MAX_RESOURCES_DEPTH + 10, WRAPS.objects));
  expect(() => runRules(ALL_RULES, deep, {})).toThrow(/deeper than/);
  expect(() => runRules(ALL_RULES, deep, { depthBounded: true })).not.toThrow();
});
