import { execFileSync } from 'child_process';
import { symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import * as fc from 'fast-check';
import { JsonDiff, STACK_TRACE } from './helpers';
import { resourcesArb, templateArb } from '../../reliability/engine-properties';
import { removeWorkspace, runCli, workspace } from '../cli/helpers';

// Issue 13: hostile input through `diff`. Either exit 2 with one line per unreadable side, or a valid report; never a
// stack trace. The random templates are the reliability suite's own generator (test/reliability/engine-properties.ts).

const GOOD = {
  Resources: {
    Pool: { Type: 'AWS::Cognito::UserPool' },
    Web: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' }, PreventUserExistenceErrors: 'ENABLED', WriteAttributes: ['email'] } },
  },
};

const DEEP = 100_000;
const BILLION_LAUGHS = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat('bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`))
  .concat(['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      CallbackURLs: *i', ''])
  .join('\n');

/** Files that cannot be compared, and what their one stderr line says. */
const HOSTILE: Record<string, { content?: string | Buffer; problem: RegExp }> = {
  'empty.json': { content: '', problem: /JSON parse error at line 1, column 1: unexpected end of input/ },
  'garbage.json': { content: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), problem: /JSON parse error/ },
  'garbage.yaml': { content: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 104729) % 256)), problem: /YAML parse error|not a CloudFormation template/ },
  'billion-laughs.yaml': { content: BILLION_LAUGHS, problem: /too many alias expansions/ },
  'resources-list.yaml': { content: 'Resources:\n  - Type: AWS::Cognito::UserPoolClient\n', problem: /not a CloudFormation template \(Resources: / },
  'dangling.json': { problem: /no such file or directory/ },
  'self-loop.yaml': { problem: /too many levels of symbolic links/ },
  'pipe.json': { problem: /is not a regular file \(a named pipe\)/ },
};

/** 10^5 levels of nesting: the shared loader either refuses it or stands in an unknown value for the deep part. */
const DEEP_JSON = `{"Resources":{"C":{"Type":"AWS::Cognito::UserPoolClient","Properties":{"CallbackURLs":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}}}}`;

let dir: string;
beforeAll(() => {
  dir = workspace({ 'good.json': GOOD });
  for (const [name, { content }] of Object.entries(HOSTILE)) if (content !== undefined) writeFileSync(join(dir, name), content);
  writeFileSync(join(dir, 'deep.json'), DEEP_JSON);
  symlinkSync('does-not-exist.json', join(dir, 'dangling.json'));
  symlinkSync('self-loop.yaml', join(dir, 'self-loop.yaml'));
  execFileSync('mkfifo', [join(dir, 'pipe.json')]);
});
afterAll(() => removeWorkspace(dir));

describe('a hostile file on either side: exit 2, one line naming it, no report, no stack trace', () => {
  test.each(Object.entries(HOSTILE).flatMap(([name, { problem }]) => [[name, 'after', problem], [name, 'before', problem]] as const))(
    '%s as <%s>',
    async (name, side, problem) => {
      const start = Date.now();
      const args = side === 'after' ? ['good.json', name] : [name, 'good.json'];
      const result = await runCli(['diff', ...args, '--format', 'json'], dir);
      expect(Date.now() - start).toBeLessThan(10_000);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toMatch(STACK_TRACE);
      const lines = result.stderr.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0].startsWith(`cognito-client-lint diff: ${name}: `)).toBe(true);
      expect(lines[0]).toMatch(problem);
    },
  );

  test.each(['before', 'after'])('10^5 levels of nesting as <%s>: one line naming it, or a valid report', async (side) => {
    const start = Date.now();
    const result = await runCli(['diff', ...(side === 'after' ? ['good.json', 'deep.json'] : ['deep.json', 'good.json']), '--format', 'json'], dir);
    expect(Date.now() - start).toBeLessThan(10_000);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    if (result.code === 2) {
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^cognito-client-lint diff: deep\.json: nesting is (too deep|deeper than \d+ levels)\n$/);
    } else {
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout).changes.map((c: { logicalId: string }) => c.logicalId)).toContain('C');
    }
  });

  test('/dev/zero as <after> ends at once', async () => {
    const result = await runCli(['diff', 'good.json', '/dev/zero'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cognito-client-lint diff: \S*dev\/zero: is not a regular file \(a device\)\n$/);
  });
});

/** Runs diff on two templates written as JSON; undefined values vanish, as in a real file. */
async function diffJson(before: unknown, after: unknown, format = 'json') {
  writeFileSync(join(dir, 'a.json'), JSON.stringify(before) ?? '');
  writeFileSync(join(dir, 'b.json'), JSON.stringify(after) ?? '');
  return runCli(['diff', 'a.json', 'b.json', '--format', format], dir);
}

test('random templates and garbage from the reliability generator: a valid report or one line per bad side, never a stack trace', async () => {
  const samples = fc.sample(fc.tuple(templateArb, templateArb), { numRuns: 60, seed: 13 });
  const outcomes = { report: 0, inputError: 0 };
  for (const [before, after] of samples) {
    const result = await diffJson(before, after);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    if (result.code === 2) {
      outcomes.inputError++;
      expect(result.stdout).toBe('');
      const lines = result.stderr.split('\n').filter(Boolean);
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines.length).toBeLessThanOrEqual(2);
      for (const line of lines) expect(line).toMatch(/^cognito-client-lint diff: [ab]\.json: \S/);
      continue;
    }
    outcomes.report++;
    expect(result.stderr).toBe('');
    const diff = JSON.parse(result.stdout) as JsonDiff;
    for (const kind of ['replacement', 'regression', 'improvement', 'change'] as const) {
      expect(diff.summary[kind]).toBe(diff.changes.filter((c) => c.kind === kind).length);
    }
    expect(result.code).toBe(diff.summary.replacement + diff.summary.regression > 0 ? 1 : 0);
  }
  // Both outcomes occur: the generator's garbage resources make the shared loader refuse a file (an input error).
  expect(outcomes.report).toBeGreaterThan(5);
  expect(outcomes.inputError).toBeGreaterThan(5);
});

test('a random template against itself: no change, exit 0 (or the same input error on both sides)', async () => {
  const samples = fc.sample(resourcesArb, { numRuns: 60, seed: 7 });
  let compared = 0;
  for (const resources of samples) {
    const template = { Resources: resources };
    const result = await diffJson(template, template);
    if (result.code === 2) {
      const [a, b] = result.stderr.split('\n');
      expect(b).toBe(a.replace('a.json', 'b.json'));
      continue;
    }
    compared++;
    expect({ code: result.code, changes: JSON.parse(result.stdout).changes }).toEqual({ code: 0, changes: [] });
  }
  expect(compared).toBeGreaterThan(10);
});

test('a stack name with a pipe and backticks stays one code span in the markdown heading', async () => {
  const weird = workspace({ 'a|`b`.json': GOOD, 'after/a|`b`.json': { Resources: { ...GOOD.Resources, Extra: GOOD.Resources.Web } } });
  try {
    const result = await runCli(['diff', 'a|`b`.json', 'after/a|`b`.json', '--format', 'markdown'], weird);
    expect(result.stdout).toContain('#### Stack `` a|`b` ``\n');
  } finally {
    removeWorkspace(weird);
  }
});

describe('hostile values cannot break out of their line, cell or string', () => {
  const NASTY_ID = 'Web\u202eevil\nX';
  const NASTY_URL = 'https://app.example.com/cb|`x`\n<script>alert(1)</script>@everyone';
  const before = { Resources: { Pool: { Type: 'AWS::Cognito::UserPool' }, [NASTY_ID]: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' }, ClientName: 'a' } } } };
  const after = { Resources: { Pool: { Type: 'AWS::Cognito::UserPool' }, [NASTY_ID]: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' }, ClientName: 'b|`c`', CallbackURLs: [NASTY_URL] } } } };

  test('json keeps the values exactly', async () => {
    const result = await diffJson(before, after);
    const diff = JSON.parse(result.stdout) as JsonDiff;
    expect(diff.changes.map((c) => [c.logicalId, c.property])).toEqual(expect.arrayContaining([[NASTY_ID, 'CallbackURLs'], [NASTY_ID, 'ClientName']]));
    expect(diff.changes.find((c) => c.property === 'CallbackURLs')!.after).toEqual([NASTY_URL]);
  });

  test('text: two lines per change, no raw control or bidi character', async () => {
    const result = await diffJson(before, after, 'text');
    const diff = JSON.parse((await diffJson(before, after)).stdout) as JsonDiff;
    expect(result.stdout).not.toMatch(/[\u202e\u0000-\u0009\u000b-\u001f]/);
    const changeLines = result.stdout.split('\n').filter((line) => /^ {2}\S/.test(line));
    expect(changeLines).toHaveLength(diff.changes.length);
    expect(result.stdout.split('\n').filter((line) => /^ {4}\S/.test(line))).toHaveLength(diff.changes.length);
  });

  test('markdown: every row has exactly six cells, and no raw HTML or @mention', async () => {
    const result = await diffJson(before, after, 'markdown');
    const rows = result.stdout.split('\n').filter((line) => line.startsWith('|'));
    // cmark-gfm splits a row at every pipe that no backslash precedes (ext_scanners.re: escaped_char = [\\][|]).
    const cellDelimiters = (row: string) => row.match(/(?<!\\)\|/g)?.length ?? 0;
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) expect(cellDelimiters(row)).toBe(7);
    // Outside code spans (shown literally), no HTML and no mention: drop escaped characters, then code spans.
    const outsideCode = result.stdout.replace(/\\[\s\S]/g, '').replace(/(`+)[\s\S]*?\1(?!`)/g, '');
    expect(outsideCode).not.toMatch(/[<>@`]/);
    expect(result.stdout).toContain('``[\"https://app.example.com/cb\\|`x`\\n<script>alert(1)</script>@everyone\"]``');
  });
});
