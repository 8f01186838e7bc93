import { printable } from '../../src/compliance/cli/formats/printable';
import { removeWorkspace, runCli, workspace } from '../compliance/cli/helpers';

// Regression: the text report and the stderr lines printed logical ids, property names and parser messages as they
// were. A quoted YAML key with a line break split one finding over two lines, an ESC sequence in a logical id
// repainted the terminal, and a JSON parse error quoted the file's raw control characters.

const ESC = '\u001b';

/** A client whose logical id and unknown property name hold a line break, an ESC sequence and an RTL override. */
const HOSTILE_NAMES_YAML = [
  'Resources:',
  '  Pool:',
  '    Type: AWS::Cognito::UserPool',
  '  "Cli\\nent\\e[2J":',
  '    Type: AWS::Cognito::UserPoolClient',
  '    Properties:',
  '      UserPoolId: !Ref Pool',
  '      "Foo\\r\\nBar\\u202e": 1',
  '',
].join('\n');

let dir: string;
beforeAll(() => {
  dir = workspace({
    'names.yaml': HOSTILE_NAMES_YAML,
    'esc.json': `{"Resources": ${ESC}[2J}`,
    [`bad${ESC}[31m\nname.json`]: '{',
  });
});
afterAll(() => removeWorkspace(dir));

test('printable escapes line breaks, control, zero-width and bidi characters, and nothing else', () => {
  expect(printable('a\nb\r\tc\u0000\u001b[1m\u007f\u0085')).toBe('a\\nb\\r\\tc\\u0000\\u001b[1m\\u007f\\u0085');
  expect(printable('x\u200by\u200fz\u202e\u2066\u2028\ufeff')).toBe('x\\u200by\\u200fz\\u202e\\u2066\\u2028\\ufeff');
  expect(printable('héllo wörld ✓ 日本 "quoted" #frag %00')).toBe('héllo wörld ✓ 日本 "quoted" #frag %00');
});

test('text output: a hostile logical id and property name stay on their one line, escaped', async () => {
  const result = await runCli(['names.yaml'], dir);

  expect(result.stdout).not.toContain(ESC);
  const lines = result.stdout.split('\n');
  expect(lines).toContain('names.yaml:4 Cli\\nent\\u001b[2J');
  const unknownName = lines.filter((line) => line.includes('client-property-types'));
  expect(unknownName).toHaveLength(1);
  expect(unknownName[0]).toMatch(/^ {2}error client-property-types: Property Foo\\r\\nBar\\u202e: value 1 is not allowed because CloudFormation does not know this property name\. Fix: remove Foo\\r\\nBar\\u202e or correct its spelling/);
  // Every line is a header, a finding, a link, a blank or the summary: nothing spilled over.
  for (const line of lines) expect(line).toMatch(/^(names\.yaml:\d+ \S+| {2}(error|warning) [a-z-]+: Property .*| {4}https:\/\/\S+|Found .*|)$/);
});

test('stderr: a parse error quoting control characters, and a file name holding them, stay one escaped line', async () => {
  const result = await runCli(['esc.json', `bad${ESC}[31m\nname.json`], dir);

  expect(result.code).toBe(2);
  expect(result.stderr).not.toContain(ESC);
  expect(result.stderr.split('\n')).toEqual([
    expect.stringMatching(/^cognito-client-lint: esc\.json: JSON parse error: Unexpected token '\\u001b'/),
    'cognito-client-lint: bad\\u001b[31m\\nname.json: JSON parse error at line 1, column 2: Expected property name or \'}\'',
    '',
  ]);
});
