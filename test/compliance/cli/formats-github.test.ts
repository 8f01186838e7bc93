import { join } from 'path';
import { HAND_WRITTEN_YAML, jsonTemplate, runCli, workspacesRemovedAfterAll } from './helpers';
import { CognitoClientLinter, Finding } from '../../../src';
import { escapeData, escapeProperty } from '../../../src/compliance/cli/formats/github';
import { loadTemplate } from '../../../src/compliance/cli/load-template';

/**
 * A workflow command read back the way the GitHub runner reads it: `::name k=v,k=v::data`, with `%0D`, `%0A`,
 * `%25` (and in properties `%3A`, `%2C`) unescaped.
 */
// https://github.com/actions/runner/blob/main/src/Runner.Common/ActionCommand.cs (TryParseV2, Unescape*)
function parseCommand(line: string): { name: string; properties: Record<string, string>; data: string } {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
  }
  return { name: match[1], properties, data: unescapeData(match[3]) };
}

const tempWorkspace = workspacesRemovedAfterAll();

function expectedCommands(dir: string, file: string): string[] {
  const loaded = loadTemplate(join(dir, file));
  if (!loaded.ok) throw new Error(loaded.problem);
  return CognitoClientLinter.lintTemplate(loaded.template).map((f: Finding) =>
    `::${f.severity} file=${file},line=${loaded.resourceLines.get(f.logicalId)},title=${f.ruleId}::${f.logicalId}: ${f.message} (${f.docUrl})`);
}

describe('--format github', () => {
  test('one ::error or ::warning line per finding, with file, line of the resource and the rule id as title', async () => {
    // GIVEN the hand-written YAML (errors and warnings)
    const dir = tempWorkspace({ 'orders.yaml': HAND_WRITTEN_YAML });
    // WHEN
    const result = await runCli(['--format', 'github', 'orders.yaml'], dir);
    // THEN
    expect(result.code).toBe(1);
    const expected = expectedCommands(dir, 'orders.yaml');
    expect(expected.some((c) => c.startsWith('::error '))).toBe(true);
    expect(expected.some((c) => c.startsWith('::warning '))).toBe(true);
    expect(result.stdout).toBe(expected.map((line) => `${line}\n`).join(''));
  });

  test('no findings, no output; exit 0', async () => {
    const dir = tempWorkspace({ 'ok.json': { Resources: { Pool: { Type: 'AWS::Cognito::UserPool', Properties: {} } } } });
    const result = await runCli(['--format', 'github', 'ok.json'], dir);
    expect([result.code, result.stdout]).toEqual([0, '']);
  });

  test('an input that cannot be parsed is an ::error on that file (and the usual line on stderr)', async () => {
    const dir = tempWorkspace({ 'broken.json': '{"Resources": {' });
    const result = await runCli(['--format', 'github', 'broken.json'], dir);
    expect(result.code).toBe(2);
    const [command] = result.stdout.trimEnd().split('\n').map(parseCommand);
    expect(command.name).toBe('error');
    expect(command.properties).toEqual({ file: 'broken.json', title: 'cognito-client-lint' });
    expect(result.stderr).toContain(`broken.json: ${command.data}`);
  });

  test('%, CR, LF, ":" and "," in file names and logical ids are escaped: each finding stays one line and reads back unchanged', async () => {
    // GIVEN a file name with the property delimiters and a logical id with line breaks and percent signs
    const file = 'dir,with:colons/a%2C,b:c.json';
    const logicalId = 'Client%0A\r\nInjected::error title=x::y';
    const dir = tempWorkspace({ [file]: { Resources: { [logicalId]: (jsonTemplate('X') as any).Resources.X, PoolE1F2A3B4: { Type: 'AWS::Cognito::UserPool' } } } });
    // WHEN
    const result = await runCli(['--format', 'github', file], dir);
    // THEN
    const lines = result.stdout.trimEnd().split('\n');
    const findings = CognitoClientLinter.lintTemplate({ Resources: { [logicalId]: (jsonTemplate('X') as any).Resources.X, PoolE1F2A3B4: { Type: 'AWS::Cognito::UserPool' } } });
    expect(findings.length).toBeGreaterThan(0);
    expect(lines).toHaveLength(findings.length);
    const commands = lines.map(parseCommand);
    expect(commands.map((c) => c.properties.file)).toEqual(findings.map(() => file));
    expect(commands.map((c) => c.properties.title)).toEqual(findings.map((f) => f.ruleId));
    expect(commands.map((c) => c.data)).toEqual(findings.map((f) => `${logicalId}: ${f.message} (${f.docUrl})`));
  });

  test('escaping follows @actions/core: data escapes %, CR, LF; properties also ":" and ","', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext%3A a%2C b');
  });
});
