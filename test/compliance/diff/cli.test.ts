import { diffFiles, JsonDiff } from './helpers';
import { CognitoClientLinter, Severity } from '../../../src';
import { INTERNAL_ERROR_RULE_ID } from '../../../src/rules/engine';
import { removeWorkspace, runCli, workspace } from '../cli/helpers';

// The diff subcommand as a user runs it: --fail-on and exit codes, usage and input errors, and the four formats.

const POOL = { Type: 'AWS::Cognito::UserPool' };

function clientTemplate(props: Record<string, unknown>, logicalId = 'Web'): object {
  return {
    Resources: {
      Pool: POOL,
      [logicalId]: {
        Type: 'AWS::Cognito::UserPoolClient',
        Properties: {
          UserPoolId: { Ref: 'Pool' },
          ClientName: 'web',
          PreventUserExistenceErrors: 'ENABLED',
          WriteAttributes: ['email'],
          ...props,
        },
      },
    },
  };
}

/** One pair per kind: each has changes of that kind only. */
const ONLY: Record<string, { before: object; after: object }> = {
  replacement: { before: clientTemplate({}), after: clientTemplate({}, 'WebRenamed') },
  regression: { before: clientTemplate({}), after: clientTemplate({ EnableTokenRevocation: false }) },
  improvement: { before: clientTemplate({ EnableTokenRevocation: false }), after: clientTemplate({}) },
  change: { before: clientTemplate({}), after: clientTemplate({ ClientName: 'web-app' }) },
};

describe('--fail-on decides the exit code', () => {
  const CASES: Array<[string, string[], number]> = [
    ['replacement', [], 1],
    ['regression', [], 1],
    ['improvement', [], 0],
    ['change', [], 0],
    ['replacement', ['--fail-on', 'regression'], 0],
    ['regression', ['--fail-on', 'replacement'], 0],
    ['regression', ['--fail-on', 'replacement,regression'], 1],
    ['regression', ['--fail-on', 'replacement', '--fail-on', 'regression'], 1],
    ['change', ['--fail-on', 'any'], 1],
    ['improvement', ['--fail-on', 'any'], 1],
    ['replacement', ['--fail-on', 'none'], 0],
    ['regression', ['--fail-on', 'none'], 0],
  ];
  test.each(CASES)('only a %s, %j: exit %d', async (kind, args, code) => {
    const result = await diffFiles(ONLY[kind], ['--format', 'json', ...args]);
    expect(result.stderr).toBe('');
    expect(result.json!.summary[kind as 'change']).toBeGreaterThan(0);
    expect(result.code).toBe(code);
  });

  test('no change at all fails nothing, even with --fail-on any', async () => {
    const result = await diffFiles({ before: clientTemplate({}), after: clientTemplate({}) }, ['--fail-on', 'any']);
    expect(result.code).toBe(0);
  });
});

describe('usage errors: exit 2, one line on stderr, nothing on stdout', () => {
  const CASES: Array<[string, string[], RegExp]> = [
    ['an unknown --fail-on kind', ['--fail-on', 'improvement'], /^cognito-client-lint diff: --fail-on: unknown kind 'improvement' \(allowed: replacement, regression, any, none\) \(see --help\)$/],
    ['none combined with a kind', ['--fail-on', 'none,regression'], /^cognito-client-lint diff: --fail-on: none cannot be combined with other kinds \(see --help\)$/],
    ['an unknown format', ['--format', 'xml'], /^cognito-client-lint diff: option '-f, --format <format>' argument 'xml' is invalid\. Allowed choices are text, json, sarif, markdown\. \(see --help\)$/],
    ['an unknown option', ['--strict'], /^cognito-client-lint diff: unknown option '--strict' \(see --help\)$/],
  ];
  test.each(CASES)('%s', async (_title, args, message) => {
    const result = await diffFiles(ONLY.change, args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(message)]);
  });

  test('a missing <after>', async () => {
    const dir = workspace({ 'before.json': clientTemplate({}) });
    const result = await runCli(['diff', 'before.json'], dir);
    removeWorkspace(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("cognito-client-lint diff: missing required argument 'after' (see --help)\n");
  });

  test('--help prints the usage and exits 0', async () => {
    const result = await runCli(['diff', '--help'], '/');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: cognito-client-lint diff \[options\] <before> <after>/);
    expect(result.stdout).toContain('--fail-on <kinds>');
  });
});

describe('inputs that cannot be read: exit 2, one line naming the file, no report', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace({
      'good.json': clientTemplate({}),
      'broken.json': '{"Resources": {',
      'not-a-template.yaml': 'name: my-app\nversion: 1\n',
      'empty-dir/README.md': '# nothing here',
    });
  });
  afterAll(() => removeWorkspace(dir));

  test.each([
    ['missing.json', 'good.json', 'cognito-client-lint diff: missing.json: no such file or directory'],
    ['good.json', 'broken.json', 'cognito-client-lint diff: broken.json: JSON parse error at line 1, column 16: Expected property name or \'}\''],
    ['good.json', 'not-a-template.yaml', 'cognito-client-lint diff: not-a-template.yaml: not a CloudFormation template (Resources: Invalid input: expected record, received undefined)'],
    ['empty-dir', 'good.json', 'cognito-client-lint diff: empty-dir: no CloudFormation templates found in this directory'],
  ])('diff %s %s', async (before, after, line) => {
    const result = await runCli(['diff', before, after, '--format', 'json'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${line}\n`);
  });
});

describe('formats', () => {
  const before = clientTemplate({ GenerateSecret: false, CallbackURLs: ['https://app.example.com/cb'], AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'] });
  const after = clientTemplate({ GenerateSecret: true, CallbackURLs: ['https://app.example.com/cb', 'http://app.example.com/cb'], AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], ClientName: 'web-app' });

  test('json: one object per change with exactly the documented keys, and the summary', async () => {
    const { json } = await diffFiles({ before, after });
    const diff = json as JsonDiff;
    for (const change of diff.changes) {
      expect(Object.keys(change)).toEqual(['kind', 'stack', 'logicalId', 'resourceType', 'property', 'before', 'after', 'ruleId', 'message']);
    }
    expect(diff.changes[0]).toEqual({
      kind: 'replacement',
      stack: 'after',
      logicalId: 'Web',
      resourceType: 'AWS::Cognito::UserPoolClient',
      property: 'GenerateSecret',
      before: false,
      after: true,
      ruleId: null,
      message: expect.stringContaining('CloudFormation replaces the client, so the client gets a new client id'),
    });
    expect(diff.changes.map((c) => [c.kind, c.property, c.ruleId])).toEqual([
      ['replacement', 'GenerateSecret', null],
      ['regression', 'CallbackURLs', 'client-redirect-url-https'],
      ['improvement', 'GenerateSecret', null],
      ['change', 'ClientName', null],
    ]);
    expect(diff.summary).toEqual({ stacks: 1, resources: 1, replacement: 1, regression: 1, improvement: 1, change: 1 });
  });

  test('text: a block per stack headed by the after file, one line per change with file:line, and a summary', async () => {
    const { stdout, code } = await diffFiles({ before, after }, []);
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Stack after (after.json)');
    expect(lines.filter((line) => /^ {2}\S/.test(line))).toEqual([
      '  replacement after.json:6 Web GenerateSecret: false -> true',
      '  regression after.json:6 Web CallbackURLs: ["https://app.example.com/cb"] -> ["https://app.example.com/cb","http://app.example.com/cb"] [client-redirect-url-https]',
      '  improvement after.json:6 Web GenerateSecret: false -> true',
      '  change after.json:6 Web ClientName: "web" -> "web-app"',
    ]);
    expect(lines.filter((line) => /^ {4}\S/.test(line))).toHaveLength(4);
    expect(lines.at(-2)).toBe('1 replacement, 1 regression, 1 improvement, 1 other change in 1 stack (1 Cognito resource compared).');
  });

  test('markdown: a table per stack, replacements first, the rule id linked to its source', async () => {
    const { stdout } = await diffFiles({ before, after }, ['--format', 'markdown']);
    const rows = stdout.split('\n').filter((line) => line.startsWith('| '));
    expect(rows[0]).toBe('| Kind | Resource | Property | Before | After | What it means |');
    expect(rows.slice(1).map((row) => row.split(' | ').slice(0, 5))).toEqual([
      ['| **replacement**', '`Web`', '`GenerateSecret`', '`false`', '`true`'],
      ['| **regression**', '`Web`', '`CallbackURLs`', '`["https://app.example.com/cb"]`', '`["https://app.example.com/cb","http://app.example.com/cb"]`'],
      ['| improvement', '`Web`', '`GenerateSecret`', '`false`', '`true`'],
      ['| change', '`Web`', '`ClientName`', '`"web"`', '`"web-app"`'],
    ]);
    expect(rows[2]).toContain('([`client-redirect-url-https`](https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-CallbackURLs)) |');
    expect(stdout).toContain('#### Stack `after`');
  });

  test('markdown without changes says so', async () => {
    const { stdout, code } = await diffFiles({ before, after: before }, ['--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toContain('No change to user pool clients, domains or resource servers.');
    expect(stdout).not.toContain('| Kind |');
  });

  test('sarif: results on the after file and line; failing kinds are errors, the others notes; engine rule ids kept', async () => {
    const { stdout } = await diffFiles({ before, after }, ['--format', 'sarif']);
    const log = JSON.parse(stdout);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    const results = run.results.map((r: any) => {
      const { artifactLocation, region } = r.locations[0].physicalLocation;
      return [r.ruleId, r.level, r.properties.kind, artifactLocation.uri, region.startLine];
    });
    expect(results).toEqual([
      ['diff-replacement', 'error', 'replacement', 'after.json', 6],
      ['client-redirect-url-https', 'error', 'regression', 'after.json', 6],
      ['diff-improvement', 'note', 'improvement', 'after.json', 6],
      ['diff-change', 'note', 'change', 'after.json', 6],
    ]);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
  });

  test('sarif with --fail-on none: every result is a note', async () => {
    const { stdout } = await diffFiles({ before, after }, ['--format', 'sarif', '--fail-on', 'none']);
    expect(new Set(JSON.parse(stdout).runs[0].results.map((r: { level: string }) => r.level))).toEqual(new Set(['note']));
  });
});

describe('renames', () => {
  const client = (pool: string, name: string, extra: Record<string, unknown> = {}) =>
    ({ Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: pool }, ClientName: name, PreventUserExistenceErrors: 'ENABLED', WriteAttributes: ['email'], ...extra } });

  test('two clients of one pool renamed at once are paired by their closest settings', async () => {
    const { json } = await diffFiles({
      before: { Resources: { Pool: POOL, Web: client('Pool', 'web', { GenerateSecret: false }), Api: client('Pool', 'api', { GenerateSecret: true }) } },
      after: { Resources: { Pool: POOL, ApiClient: client('Pool', 'api', { GenerateSecret: true }), WebClient: client('Pool', 'web', { GenerateSecret: false }) } },
    });
    expect(json!.changes.map((c) => [c.kind, c.logicalId, c.before, c.after])).toEqual([
      ['replacement', 'ApiClient', 'Api', 'ApiClient'],
      ['replacement', 'WebClient', 'Web', 'WebClient'],
    ]);
  });

  test('a client that disappears while one of another pool appears is no rename: a removal and an addition', async () => {
    const { json } = await diffFiles({
      before: { Resources: { Pool: POOL, Other: POOL, Web: client('Pool', 'web') } },
      after: { Resources: { Pool: POOL, Other: POOL, Web2: client('Other', 'web') } },
    });
    expect(json!.changes.map((c) => [c.kind, c.logicalId, c.property, c.before, c.after])).toEqual([
      ['change', 'Web2', '(logical id)', null, 'Web2'],
      ['change', 'Web', '(logical id)', 'Web', null],
    ]);
  });

  test('a renamed resource server is a replacement; its findings follow it (no improvement, no regression for the same finding)', async () => {
    const server = { Type: 'AWS::Cognito::UserPoolResourceServer', Properties: { UserPoolId: { Ref: 'Pool' }, Identifier: 'orders', Name: 'bad name!', Scopes: [] } };
    const { json } = await diffFiles({
      before: { Resources: { Pool: POOL, Orders: server } },
      after: { Resources: { Pool: POOL, OrdersApi: server } },
    });
    expect(json!.changes.map((c) => [c.kind, c.logicalId, c.property, c.ruleId])).toEqual([['replacement', 'OrdersApi', '(logical id)', null]]);
  });
});

test('a rule that fails on either side makes the comparison fail: exit 2, one line, no stack trace', async () => {
  // The engine turns a throwing rule into an internal-error finding; a comparison missing that rule's findings would lie.
  const failed = {
    ruleId: INTERNAL_ERROR_RULE_ID,
    severity: Severity.ERROR,
    logicalId: 'Web',
    property: '',
    message: 'Rule client-x failed on resource Web (boom)',
    docUrl: 'https://example.com',
  };
  const spy = jest.spyOn(CognitoClientLinter, 'lintTemplate').mockReturnValueOnce([]).mockReturnValueOnce([failed]);
  try {
    const result = await diffFiles(ONLY.regression, []);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('cognito-client-lint diff: after.json: could not be compared: Rule client-x failed on resource Web (boom)\n');
  } finally {
    spy.mockRestore();
  }
});
