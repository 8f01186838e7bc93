import { join } from 'path';
import { create } from 'xmlbuilder2';
import { HAND_WRITTEN_YAML, jsonTemplate, runCli, SECRET_RULE, workspacesRemovedAfterAll } from './helpers';
import { CognitoClientLinter, Finding } from '../../../src';
import { loadTemplate } from '../../../src/compliance/cli/load-template';

/** The parts of a JUnit document the tests read, after parsing the CLI's output back with xmlbuilder2. */
interface TestCaseElement {
  readonly name: string;
  readonly classname: string;
  readonly failure?: { message: string; type: string; text: string };
  readonly error?: { message: string; type: string; text: string };
  readonly systemOut?: string;
}
interface SuiteElement {
  readonly attributes: Record<string, string>;
  readonly cases: TestCaseElement[];
}

/** Parses the XML and returns the root's attributes and suites; throws on anything that is not well-formed XML. */
function parseJUnit(xml: string): { root: string; attributes: Record<string, string>; suites: SuiteElement[] } {
  const doc = create(xml);
  const root = doc.root().node as unknown as Element;
  const attributesOf = (element: Element) => Object.fromEntries(Array.from(element.attributes).map((a) => [a.name, a.value]));
  const children = (element: Element, name: string) => Array.from(element.childNodes).filter((n): n is Element => n.nodeName === name);
  const child = (element: Element, name: string) => {
    const found = children(element, name)[0];
    return found && { message: found.getAttribute('message')!, type: found.getAttribute('type')!, text: found.textContent ?? '' };
  };
  return {
    root: root.nodeName,
    attributes: attributesOf(root),
    suites: children(root, 'testsuite').map((suite) => ({
      attributes: attributesOf(suite),
      cases: children(suite, 'testcase').map((testCase) => ({
        name: testCase.getAttribute('name')!,
        classname: testCase.getAttribute('classname')!,
        failure: child(testCase, 'failure'),
        error: child(testCase, 'error'),
        systemOut: children(testCase, 'system-out')[0]?.textContent ?? undefined,
      })),
    })),
  };
}

const clientRules = () => CognitoClientLinter.rules().filter((r) => r.resourceType === 'AWS::Cognito::UserPoolClient');

const tempWorkspace = workspacesRemovedAfterAll();

describe('--format junit', () => {
  test('one test case per rule and checked resource; the error rules of a resource fail, with the engine message', async () => {
    // GIVEN a template with one client that needs a secret
    const dir = tempWorkspace({ 'app.template.json': jsonTemplate('AppClientA1B2C3D4') });
    const findings = CognitoClientLinter.lintTemplate(jsonTemplate('AppClientA1B2C3D4'));
    const errorRules = [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.ruleId))];
    // WHEN
    const result = await runCli(['--format', 'junit', 'app.template.json'], dir);
    // THEN
    expect(result.code).toBe(1);
    expect(result.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const report = parseJUnit(result.stdout);
    expect(report.root).toBe('testsuites');
    expect(report.suites).toHaveLength(1);
    const [suite] = report.suites;
    expect(suite.attributes).toEqual({
      name: 'app.template.json',
      file: 'app.template.json',
      tests: String(clientRules().length),
      failures: String(errorRules.length),
      errors: '0',
      skipped: '0',
    });
    expect(report.attributes).toEqual({ name: 'cognito-client-lint', tests: String(clientRules().length), failures: String(errorRules.length), errors: '0' });
    expect(suite.cases.map((c) => c.name)).toEqual(clientRules().map((r) => r.id));
    expect(new Set(suite.cases.map((c) => c.classname))).toEqual(new Set(['AppClientA1B2C3D4']));
    expect(suite.cases.filter((c) => c.failure).map((c) => c.name).sort()).toEqual(errorRules.sort());
    const secret = suite.cases.find((c) => c.name === SECRET_RULE)!;
    const secretFinding = findings.find((f) => f.ruleId === SECRET_RULE)!;
    const line = lineOf(dir, 'app.template.json', 'AppClientA1B2C3D4');
    expect(line).toBeGreaterThan(0);
    expect(secret.failure).toEqual({
      message: secretFinding.message,
      type: 'error',
      text: `app.template.json:${line} AppClientA1B2C3D4\n`
        + `error ${SECRET_RULE} (GenerateSecret): ${secretFinding.message}\n${secretFinding.docUrl}`,
    });
  });

  test('warnings pass their test case (kept in system-out) unless --strict, where they fail', async () => {
    // GIVEN the hand-written YAML: errors on MachineClient, and some warnings
    const dir = tempWorkspace({ 'orders.yaml': HAND_WRITTEN_YAML });
    const { findings } = await lintYaml();
    const warnings = findings.filter((f) => f.severity === 'warning');
    expect(warnings.length).toBeGreaterThan(0);
    // WHEN
    const relaxed = parseJUnit((await runCli(['--format', 'junit', 'orders.yaml'], dir)).stdout);
    const strict = parseJUnit((await runCli(['--format', 'junit', '--strict', 'orders.yaml'], dir)).stdout);
    // THEN
    const failing = (report: ReturnType<typeof parseJUnit>) => report.suites[0].cases.filter((c) => c.failure).map((c) => `${c.classname}/${c.name}`).sort();
    const keys = (list: Finding[]) => [...new Set(list.map((f) => `${f.logicalId}/${f.ruleId}`))].sort();
    expect(failing(relaxed)).toEqual(keys(findings.filter((f) => f.severity === 'error')));
    expect(failing(strict)).toEqual(keys(findings));
    const warned = relaxed.suites[0].cases.find((c) => c.classname === warnings[0].logicalId && c.name === warnings[0].ruleId)!;
    expect(warned.failure).toBeUndefined();
    expect(warned.systemOut).toContain(warnings[0].message);
  });

  test('an input that cannot be read is a suite with one test case in error', async () => {
    const dir = tempWorkspace({ 'broken.json': '{"Resources": {' });
    const result = await runCli(['--format', 'junit', 'broken.json'], dir);
    expect(result.code).toBe(2);
    const report = parseJUnit(result.stdout);
    expect(report.attributes).toEqual({ name: 'cognito-client-lint', tests: '1', failures: '0', errors: '1' });
    expect(report.suites[0].attributes).toEqual({ name: 'broken.json', file: 'broken.json', tests: '1', failures: '0', errors: '1', skipped: '0' });
    expect(report.suites[0].cases[0].error!.type).toBe('input-error');
    expect(report.suites[0].cases[0].error!.message).toMatch(/\S/);
  });

  test('hostile text (markup, quotes, CDATA end, bidi, U+2028, control characters) round-trips and the XML stays well-formed', async () => {
    // GIVEN logical ids and values no template should have, but a linter must survive
    const hostileId = 'Client<&"\'>]]>\u202e\u2028';
    const controlId = 'Ctl\u0001\u001f';
    const template = {
      Resources: {
        Pool: { Type: 'AWS::Cognito::UserPool', Properties: {} },
        [hostileId]: {
          Type: 'AWS::Cognito::UserPoolClient',
          Properties: {
            UserPoolId: { Ref: 'Pool' },
            AllowedOAuthFlowsUserPoolClient: true,
            AllowedOAuthFlows: ['code'],
            AllowedOAuthScopes: ['openid'],
            CallbackURLs: ['http://evil.example.com/<script>&x="1"]]>\u0000'],
          },
        },
        [controlId]: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' }, GenerateSecret: false, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['email'] } },
      },
    };
    const dir = tempWorkspace({ 'hostile.json': template });
    const findings = CognitoClientLinter.lintTemplate(template);
    // WHEN
    const result = await runCli(['--format', 'junit', 'hostile.json'], dir);
    // THEN: parsed back, every value is what the engine said (characters XML cannot carry become \uXXXX)
    const report = parseJUnit(result.stdout);
    const cases = report.suites[0].cases;
    expect(new Set(cases.map((c) => c.classname))).toEqual(new Set([hostileId, 'Ctl\\u0001\\u001f']));
    const hostileErrors = findings.filter((f) => f.logicalId === hostileId && f.severity === 'error');
    expect(hostileErrors.length).toBeGreaterThan(0);
    for (const finding of hostileErrors) {
      const testCase = cases.find((c) => c.classname === hostileId && c.name === finding.ruleId)!;
      expect(testCase.failure!.message).toBe(findings.find((f) => f.logicalId === hostileId && f.ruleId === finding.ruleId)!.message);
    }
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});

async function lintYaml(): Promise<{ findings: Finding[] }> {
  const dir = tempWorkspace({ 'orders.yaml': HAND_WRITTEN_YAML });
  const loaded = loadTemplate(join(dir, 'orders.yaml'));
  if (!loaded.ok) throw new Error(loaded.problem);
  return { findings: CognitoClientLinter.lintTemplate(loaded.template) };
}

function lineOf(dir: string, file: string, logicalId: string): number | undefined {
  const loaded = loadTemplate(join(dir, file));
  return loaded.ok ? loaded.resourceLines.get(logicalId) : undefined;
}
