import { join } from 'path';
import { removeWorkspace, workspace } from './helpers';
import { describeJsonError, loadTemplate } from '../../../src/compliance/cli/load-template';
import { exitCodeOf } from '../../../src/compliance/cli/report';

let dir: string;
beforeAll(() => {
  dir = workspace({
    'app.template.json': '\uFEFF{\n  "Resources": {\n    "Pool": {\n      "Type": "AWS::Cognito::UserPool"\n    },\n'
      + '    "Client": { "Type": "AWS::Cognito::UserPoolClient", "Properties": { "Note": "\\"Pool\\": {" } }\n  }\n}\n',
    'loops.json': { Resources: { 'Fn::ForEach::Clients': ['Name', ['A', 'B'], { '${Name}Client': { Type: 'AWS::Cognito::UserPoolClient' } }] } },
    'stack.template': 'Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n',
    'helm.yaml': 'replicas: {{ .Values.replicas }\n',
    'cfn-ish.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources: [\n',
  });
});
afterAll(() => removeWorkspace(dir));

describe('loadTemplate', () => {
  test('JSON with a byte-order mark loads, with the line of each resource', () => {
    const result = loadTemplate(join(dir, 'app.template.json'));
    expect(result.ok).toBe(true);
    expect(result.ok && [...result.resourceLines]).toEqual([['Pool', 3], ['Client', 6]]);
  });

  test('Fn::ForEach loops of AWS::LanguageExtensions do not make a template invalid', () => {
    expect(loadTemplate(join(dir, 'loops.json')).ok).toBe(true);
  });

  test('an extension-less .template file is sniffed as YAML', () => {
    expect(loadTemplate(join(dir, 'stack.template'))).toMatchObject({ ok: true, template: { Resources: { Pool: {} } } });
  });

  test('a broken file says whether it mentions CloudFormation', () => {
    expect(loadTemplate(join(dir, 'helm.yaml'))).toMatchObject({ ok: false, reason: 'syntax', mentionsCloudFormation: false });
    expect(loadTemplate(join(dir, 'cfn-ish.yaml'))).toMatchObject({ ok: false, reason: 'syntax', mentionsCloudFormation: true });
  });

  test('a directory or a missing file is unreadable', () => {
    expect(loadTemplate(dir)).toMatchObject({ ok: false, reason: 'unreadable', problem: 'is a directory' });
    expect(loadTemplate(join(dir, 'nope.json'))).toMatchObject({ ok: false, reason: 'unreadable', problem: 'no such file or directory' });
  });
});

describe('describeJsonError', () => {
  test('turns a position into a line and a column', () => {
    expect(describeJsonError('Expected double-quoted property name in JSON at position 14', '{\n  "a": 1,\n  }'))
      .toBe('JSON parse error at line 3, column 3: Expected double-quoted property name');
  });

  test('reports a truncated file at its end', () => {
    expect(describeJsonError('Unexpected end of JSON input', '{\n "a": [')).toBe('JSON parse error at line 2, column 8: unexpected end of input');
  });

  test('drops the echoed source of an unexpected token', () => {
    expect(describeJsonError('Unexpected token \'t\', "{"a": tru}" is not valid JSON', '{"a": tru}'))
      .toBe("JSON parse error: Unexpected token 't'");
  });
});

describe('exitCodeOf', () => {
  const summary = { files: 1, resources: 1, errors: 0, warnings: 0, inputErrors: 0, internalErrors: 0 };
  test.each([
    [{}, false, 0],
    [{ warnings: 2 }, false, 0],
    [{ warnings: 2 }, true, 1],
    [{ errors: 1 }, false, 1],
    [{ errors: 1, inputErrors: 1 }, false, 2],
    [{ inputErrors: 1 }, true, 2],
    [{ errors: 3, internalErrors: 1 }, false, 2],
  ])('%j strict=%s → %d', (counts, strict, code) => {
    expect(exitCodeOf({ ...summary, ...counts }, strict)).toBe(code);
  });
});
