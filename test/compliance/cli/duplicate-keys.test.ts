import * as fc from 'fast-check';
import { removeWorkspace, runCli, workspace } from './helpers';
import { cutTooDeep, scanJsonResources } from '../../../src/compliance/cli/load-template';

interface JsonFinding { ruleId: string; severity: string; logicalId: string; property: string; message: string }

const YAML_TEMPLATE = `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  Web:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [code]
      AllowedOAuthScopes: [openid]
      CallbackURLs: [https://app.example.com/callback]
      CallbackURLs: [http://app.example.com/callback]
      PreventUserExistenceErrors: ENABLED
      WriteAttributes: [email]
`;

// The same template in JSON, with a repeated logical id too (the second Web replaces the first).
const JSON_TEMPLATE = `{
  "Resources": {
    "Pool": { "Type": "AWS::Cognito::UserPool" },
    "Web": { "Type": "AWS::Cognito::UserPoolClient", "Properties": { "UserPoolId": { "Ref": "Pool" } } },
    "Web": {
      "Type": "AWS::Cognito::UserPoolClient",
      "Properties": {
        "UserPoolId": { "Ref": "Pool" },
        "AllowedOAuthFlowsUserPoolClient": true,
        "AllowedOAuthFlows": ["code"],
        "AllowedOAuthScopes": ["openid"],
        "CallbackURLs": ["https://app.example.com/callback"],
        "CallbackURLs": ["http://app.example.com/callback"],
        "PreventUserExistenceErrors": "ENABLED",
        "WriteAttributes": ["email"],
        "ReadAttributes": ["email", {"Fn::If": ["C", {"a": "b", "a": "c"}, "x"]}]
      }
    }
  }
}
`;

describe('a repeated key (CloudFormation deploys the last value)', () => {
  let root: string;
  beforeAll(() => { root = workspace({ 'web.yaml': YAML_TEMPLATE, 'web.json': JSON_TEMPLATE }); });
  afterAll(() => removeWorkspace(root));

  const lint = async (file: string, ...args: string[]) => {
    const result = await runCli(['--format', 'json', ...args, file], root);
    return { ...result, findings: JSON.parse(result.stdout).findings as JsonFinding[] };
  };

  test('YAML: reported as a warning naming both lines, and the template is linted with the last value', async () => {
    const { code, stderr, findings } = await lint('web.yaml');

    expect(stderr).toBe('');
    expect(findings.map((f) => [f.ruleId, f.severity, f.logicalId, f.property])).toEqual([
      ['template-duplicate-key', 'warning', 'Web', 'CallbackURLs'],
      // The last CallbackURLs is the one judged: http:// is refused.
      ['client-redirect-url-https', 'error', 'Web', 'CallbackURLs[0]'],
    ]);
    expect(findings[0].message).toBe('Property CallbackURLs: value "CallbackURLs" is risky because the key CallbackURLs appears 2 times '
      + '(lines 11, 12); CloudFormation deploys only the last one (line 12) and silently ignores line 11, which is also the value linted here. '
      + 'Fix: keep one CallbackURLs with the value you mean and delete the other.');
    expect(code).toBe(1);
  });

  test('JSON: repeated logical ids and properties in the Resources section, at any depth', async () => {
    const { stderr, findings } = await lint('web.json');

    expect(stderr).toBe('');
    expect(findings.map((f) => [f.ruleId, f.logicalId, f.property])).toEqual([
      ['template-duplicate-key', 'Web', 'ReadAttributes[1].Fn::If[1].a'],
      ['template-duplicate-key', 'Web', 'CallbackURLs'],
      ['template-duplicate-key', 'Web', ''],
      ['client-redirect-url-https', 'Web', 'CallbackURLs[0]'],
    ]);
    expect(findings[2].message).toMatch(/^Property Resources\.Web: value "Web" is risky because the logical id Web appears 2 times \(lines 4, 5\); CloudFormation deploys only the last one \(line 5\)/);
  });

  test('--disable template-duplicate-key silences it and keeps the other findings', async () => {
    const { findings } = await lint('web.yaml', '--disable', 'template-duplicate-key');
    expect(findings.map((f) => f.ruleId)).toEqual(['client-redirect-url-https']);
  });

  test('the text report points at the line of the resource CloudFormation deploys (the last)', async () => {
    const result = await runCli(['web.json'], root);
    expect(result.stdout.split('\n')[0]).toBe('web.json:5 Web');
  });
});

describe('a value nested deeper than 100 levels', () => {
  const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
  let root: string;
  beforeAll(() => {
    root = workspace({
      'deep.json': `{"Resources":{"Pool":{"Type":"AWS::Cognito::UserPool","Properties":{"UserPoolTags":${deep(120)}}},`
        + '"M2M":{"Type":"AWS::Cognito::UserPoolClient","DependsOn":"Api","Properties":{"UserPoolId":{"Ref":"Pool"},"AllowedOAuthFlowsUserPoolClient":true,'
        + '"AllowedOAuthFlows":["client_credentials"],"AllowedOAuthScopes":["api/read"],"PreventUserExistenceErrors":"ENABLED","WriteAttributes":[]}},'
        + '"Api":{"Type":"AWS::Cognito::UserPoolResourceServer","Properties":{"UserPoolId":{"Ref":"Pool"},"Identifier":"api","Name":"api","Scopes":[{"ScopeName":"read","ScopeDescription":"r"}]}}}}',
    });
  });
  afterAll(() => removeWorkspace(root));

  test('(120 levels) is unknown: the file is linted and every other finding is reported', async () => {
    const result = await runCli(['--format', 'json', 'deep.json'], root);

    expect(result.stderr).toBe('');
    const findings = JSON.parse(result.stdout).findings as JsonFinding[];
    expect(findings.map((f) => [f.ruleId, f.logicalId, f.property])).toEqual([
      ['client-credentials-requires-secret', 'M2M', 'GenerateSecret'],
    ]);
    expect(result.code).toBe(1);
  });
});

test('the JSON scan reports repeats in the order the keys first appear, with every line, past escaped quotes', () => {
  const text = '{"Resources": {\n "A": {"Type": "x", "Properties": {"K": 1, "J": 2,\n "J": 3, "K": 4, "K": 5}},\n "B": {"Type": "y"},\n'
    + ' "A": {"Type": "z", "S": "a\\\\\\"b}{", "S": 1}}}';
  JSON.parse(text);
  const { duplicateKeys, resourceLines } = scanJsonResources(text);
  expect(duplicateKeys).toEqual([
    { path: ['Resources', 'A', 'Properties', 'K'], lines: [2, 3, 3] },
    { path: ['Resources', 'A', 'Properties', 'J'], lines: [2, 3] },
    { path: ['Resources', 'A', 'S'], lines: [5, 5] },
    { path: ['Resources', 'A'], lines: [2, 5] },
  ]);
  expect([...resourceLines]).toEqual([['A', 5], ['B', 4]]);
});

test('the JSON scan reads the top-level Resources section, the last of two, not one nested in an earlier section', () => {
  const text = '{"Metadata": {"Resources": {"A": 1, "A": 2}},\n"Resources": {"Old": {"Type": "x"}},\n'
    + '"Resources": {\n"B": {"Type": "y", "Properties": {"K": 1,\n"K": 2}}}, "Outputs": {"Resources": {"C": 3}}}';
  expect(Object.keys(JSON.parse(text).Resources)).toEqual(['B']);
  for (const result of [scanJsonResources(text), scanJsonResources(text, JSON.parse(text))]) {
    expect([...result.resourceLines]).toEqual([['B', 4]]);
    expect(result.duplicateKeys).toEqual([{ path: ['Resources', 'B', 'Properties', 'K'], lines: [4, 5] }]);
  }
});

test('the JSON scan decodes a key with an escaped backslash before comparing it', () => {
  const text = '{"Resources": {"A": [{"A": {"x\\\\y": null,\n"x\\\\y": null}}]}}';
  expect(JSON.parse(text).Resources.A[0].A).toEqual({ 'x\\y': null });
  expect(scanJsonResources(text).duplicateKeys).toEqual([{ path: ['Resources', 'A', '[0]', 'A', 'x\\y'], lines: [1, 2] }]);
});

describe('the JSON scan given the parsed template', () => {
  const RUNS = Number(process.env.FUZZ_RUNS ?? 700);
  const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

  // JSON text written by hand, so that objects may repeat keys: a few keys (repeats likely), escapes, brackets
  // inside strings, and white space or line breaks between tokens.
  const space = fc.constantFrom('', ' ', '\n', '\n  ', '\n\n', '\t', ' \r\n ');
  const key = fc.constantFrom('A', 'B', 'Type', 'Properties', 'Resources', 'x\\\\y', 'q\\"}', '[', '__proto__');
  const tricky = fc.constantFrom('s', '{[\\"]}', '\\', '"', 'a":{"b', '\u2028');
  const scalar = fc.oneof(fc.constantFrom('1', 'true', 'null', '-2.5e3', '"\\u0041"'), fc.oneof(tricky, fc.string()).map((s) => JSON.stringify(s)));
  const { value } = fc.letrec<{ value: string; object: string; array: string }>((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('object'), tie('array')),
    object: fc.array(fc.tuple(space, key, space, tie('value')), { maxLength: 4 })
      .map((entries) => `{${entries.map(([s, k, t, v]) => `${s}"${k}"${t}:${v}`).join(',')}}`),
    array: fc.array(fc.tuple(space, tie('value')), { maxLength: 3 }).map((items) => `[${items.map(([s, v]) => s + v).join(',')}]`),
  }));
  const siblingsOf = fc.array(fc.tuple(key, value), { maxLength: 3 });
  const resourcesOf = fc.array(fc.tuple(space, key, space, value), { maxLength: 5 });
  const template = fc.tuple(space, value, siblingsOf, resourcesOf)
    .map(([s, before, siblings, resources]) => `{"Before":${before},${siblings.map(([k, v]) => `"${k}":${v},`).join('')}`
      + `${s}"Resources"${s}:${s}{${resources.map(([a, k, b, v]) => `${a}"${k}"${b}:${v}`).join(',')}${s}}}`);

  test('finds exactly what the full scan finds: the same lines, the same repeats', () => {
    let repeats = 0;
    fc.assert(fc.property(template, (text) => {
      const parsed = JSON.parse(text);
      const full = scanJsonResources(text);
      if (full.duplicateKeys.length > 0) repeats++;
      const quick = scanJsonResources(text, parsed);
      expect(quick.duplicateKeys).toEqual(full.duplicateKeys);
      expect([...quick.resourceLines]).toEqual([...full.resourceLines]);
    }), { numRuns: RUNS, seed: SEED });
    // Both kinds of document were generated: with and without repeats.
    expect(repeats).toBeGreaterThan(RUNS / 10);
    expect(repeats).toBeLessThan(RUNS);
  });

  test('given the key count of the loader\'s depth cut, finds what the full scan finds, at any depth limit', () => {
    let cut = 0;
    fc.assert(fc.property(template, fc.constantFrom(2, 3, 4, 100), (text, limit) => {
      const full = scanJsonResources(text);
      const parsed = JSON.parse(text);
      const { replaced, resourcesKeys } = cutTooDeep(parsed, limit);
      if (replaced.length > 0) cut++;
      // Nothing cut: the count is every key of the section (so a document without repeats takes the quick pass).
      else expect(resourcesKeys).toBe(keysAtEveryLevel(parsed.Resources));
      const quick = scanJsonResources(text, parsed, resourcesKeys);
      expect(quick.duplicateKeys).toEqual(full.duplicateKeys);
      expect([...quick.resourceLines]).toEqual([...full.resourceLines]);
      // The lines are those of the top-level section JSON.parse kept (the last), not of a nested or earlier one.
      expect([...quick.resourceLines.keys()].sort()).toEqual(Object.keys(parsed.Resources).sort());
    }), { numRuns: RUNS, seed: SEED });
    // Documents with values cut off were generated (their keys are not counted, so the full pass runs).
    expect(cut).toBeGreaterThan(RUNS / 10);
  });
});

/** The keys of the objects of a parsed JSON value, at every level (the plain definition). */
function keysAtEveryLevel(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + keysAtEveryLevel(item), 0);
  return Object.keys(value).reduce((sum, key) => sum + 1 + keysAtEveryLevel((value as Record<string, unknown>)[key]), 0);
}
