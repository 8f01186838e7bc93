import { execFile, execFileSync } from 'child_process';
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { stringify as stringifyYaml } from 'yaml';
import { removeWorkspace, runCli, workspace } from '../compliance/cli/helpers';

// Issue 8: the CLI on a corpus of hostile files generated here. Every bad file gets one exit-2 line on stderr naming
// it, or findings; the good file next to them is still linted; nothing prints a stack trace; time and memory stay
// bounded. The tests run as root, where chmod 000 does not stop reading, so "unreadable" is simulated with a dangling
// symlink, a self-referencing symlink and a FIFO.

const REPO = join(__dirname, '../..');
const STACK_LINE = /^\s+at /m;

/** Deterministic garbage (a linear congruential generator), so a failure reproduces. */
function garbage(bytes: number, seed: number): Buffer {
  const out = Buffer.alloc(bytes);
  let x = seed;
  for (let i = 0; i < bytes; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out[i] = Math.floor(x / 65536) % 256;
  }
  return out;
}

const GOOD_YAML = `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  GoodClient:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      GenerateSecret: false
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [client_credentials]
      AllowedOAuthScopes: [email]
`;

const BILLION_LAUGHS = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat('bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`))
  .concat(['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      CallbackURLs: *i', ''])
  .join('\n');

const MERGE_BOMB = ['base: &b0 {k0: v}']
  .concat(Array.from({ length: 30 }, (_, i) => `m${i + 1}: &b${i + 1} {<<: [*b${i}, *b${i}], k${i + 1}: v}`))
  .concat(['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties: *b30', ''])
  .join('\n');

const DEEP = 100_000;
const CLIENT_HEAD = '{"Resources":{"C":{"Type":"AWS::Cognito::UserPoolClient","Properties":{"CallbackURLs":';

/** Files that cannot be linted, each with what its stderr line must say. */
const BAD_FILES: Record<string, { content: string | Buffer; problem: RegExp }> = {
  'empty.json': { content: '', problem: /JSON parse error at line 1, column 1: unexpected end of input/ },
  'empty.yaml': { content: '', problem: /not a CloudFormation template/ },
  'whitespace.yaml': { content: '  \n\t\n\r\n', problem: /YAML parse error|not a CloudFormation template/ },
  'bom-only.json': { content: '\ufeff', problem: /JSON parse error/ },
  'garbage.json': { content: garbage(4096, 1), problem: /JSON parse error/ },
  'garbage.yaml': { content: garbage(4096, 2), problem: /YAML parse error|not a CloudFormation template/ },
  'garbage.template': { content: garbage(4096, 3), problem: /YAML parse error|not a CloudFormation template/ },
  'nul-bytes.json': { content: Buffer.alloc(1024), problem: /JSON parse error/ },
  'truncated.json': { content: `${CLIENT_HEAD}["https://a.example.com/c`, problem: /JSON parse error at line 1, column \d+/ },
  'truncated.yaml': { content: GOOD_YAML.slice(0, GOOD_YAML.indexOf('AllowedOAuthFlows: [') + 22), problem: /YAML parse error at line \d+/ },
  'trailing-comma.json': { content: '{"Resources": {"A": {"Type": "AWS::S3::Bucket"},}}', problem: /JSON parse error/ },
  'tabs.yaml': { content: 'Resources:\n\tA:\n\t\tType: AWS::S3::Bucket\n', problem: /YAML parse error at line 2/ },
  'billion-laughs.yaml': { content: BILLION_LAUGHS, problem: /too many alias expansions/ },
  'merge-bomb.yaml': { content: MERGE_BOMB, problem: /too many alias expansions|YAML parse error/ },
  'deep-flow.yaml': { content: `Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      CallbackURLs: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`, problem: /nesting is (too deep|deeper than \d+ levels)/ },
  'deep-intrinsics.yaml': { content: `Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      ClientName: ${'!If [c, '.repeat(DEEP)}x${', y]'.repeat(DEEP)}\n`, problem: /nesting is (too deep|deeper than \d+ levels)/ },
  'resources-null.json': { content: '{"Resources": null}', problem: /not a CloudFormation template \(Resources: / },
  'resources-list.yaml': { content: 'Resources:\n  - Type: AWS::Cognito::UserPoolClient\n', problem: /not a CloudFormation template \(Resources: / },
  'type-number.json': { content: '{"Resources": {"C": {"Type": 7}}}', problem: /not a CloudFormation template \(Resources\.C\.Type: / },
  'unknown-tag.yaml': { content: GOOD_YAML.replace('[email]', '!Foo [email]'), problem: /unknown tag !Foo/ },
};

/** Templates that parse: their problems are findings, rule by rule. */
const FINDING_FILES: Record<string, { content: string; findings: Array<[string, string, string]> }> = {
  // 10^5 levels of JSON: JSON.parse reads them; the value below level 100 is unknown and the rest is judged.
  'deep-arrays.json': {
    content: `${CLIENT_HEAD}${'['.repeat(DEEP)}${']'.repeat(DEEP)}}}}}`,
    findings: [['C', 'client-property-types', 'UserPoolId'], ['C', 'client-property-types', 'CallbackURLs[0]']],
  },
  'deep-objects.json': {
    content: `${CLIENT_HEAD}${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}}}}}`,
    findings: [['C', 'client-property-types', 'UserPoolId'], ['C', 'client-property-types', 'CallbackURLs']],
  },
  // Unknown functions and Fn::Transform are values unknown until deploy: no finding on them, the rest still judged.
  'intrinsics.yaml': {
    content: `Transform: AWS::Serverless-2016-10-31
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [code]
      AllowedOAuthScopes: [openid]
      CallbackURLs:
        - Fn::Foo: http://bad.example.com
        - Fn::Transform: { Name: AWS::Include, Parameters: { Location: s3://bucket/key } }
        - http://plain.example.com/cb
  Transformed:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      Fn::Transform: { Name: AWS::Include, Parameters: { Location: s3://bucket/key } }
`,
    findings: [['Client', 'client-redirect-url-https', 'CallbackURLs[2]']],
  },
  'non-strings.json': {
    content: JSON.stringify({
      Resources: {
        Pool: { Type: 'AWS::Cognito::UserPool' },
        Client: {
          Type: 'AWS::Cognito::UserPoolClient',
          Properties: {
            UserPoolId: { Ref: 'Pool' },
            ClientName: { nested: ['object'] },
            AllowedOAuthFlowsUserPoolClient: true,
            AllowedOAuthFlows: ['code'],
            AllowedOAuthScopes: ['openid'],
            CallbackURLs: [1, true, null, { a: 1 }, ['https://x.example.com'], 'https://ok.example.com/cb'],
            LogoutURLs: 'https://not-a-list.example.com',
            SupportedIdentityProviders: [false],
          },
        },
        Server: { Type: 'AWS::Cognito::UserPoolResourceServer', Properties: { UserPoolId: { Ref: 'Pool' }, Identifier: 42, Name: ['n'], Scopes: { ScopeName: 'x' } } },
      },
    }),
    findings: [
      ['Client', 'client-property-types', 'ClientName'],
      ['Client', 'client-property-types', 'CallbackURLs[0]'],
      ['Client', 'client-property-types', 'CallbackURLs[1]'],
      ['Client', 'client-property-types', 'CallbackURLs[3]'],
      ['Client', 'client-property-types', 'CallbackURLs[4]'],
      ['Client', 'client-property-types', 'LogoutURLs'],
      ['Client', 'client-property-types', 'SupportedIdentityProviders[0]'],
      ['Server', 'resource-server-property-types', 'Identifier'],
      ['Server', 'resource-server-property-types', 'Name'],
      ['Server', 'resource-server-property-types', 'Scopes'],
    ],
  },
  'unicode.json': {
    content: JSON.stringify({
      Resources: {
        Pool: { Type: 'AWS::Cognito::UserPool' },
        Client: {
          Type: 'AWS::Cognito::UserPoolClient',
          Properties: {
            UserPoolId: { Ref: 'Pool' },
            ClientName: 'name\u200bwith\u202eRTL\u0000',
            AllowedOAuthFlowsUserPoolClient: true,
            AllowedOAuthFlows: ['code'],
            AllowedOAuthScopes: ['openid'],
            CallbackURLs: ['https://app.example.com/\u200bcb', 'https://app.example.com/cb\r\nX-Injected: 1', 'https://app\u0000.example.com/', ' https://app.example.com/cb', 'https://app.example.com/\u202ebc'],
          },
        },
      },
    }),
    findings: [
      ['Client', 'client-name-format', 'ClientName'],
      ['Client', 'client-redirect-urls-format', 'CallbackURLs[0]'],
      ['Client', 'client-redirect-urls-format', 'CallbackURLs[1]'],
      ['Client', 'client-redirect-urls-format', 'CallbackURLs[2]'],
      ['Client', 'client-redirect-urls-format', 'CallbackURLs[3]'],
      ['Client', 'client-redirect-urls-format', 'CallbackURLs[4]'],
    ],
  },
};

interface JsonReport {
  findings: Array<{ ruleId: string; severity: string; file: string; logicalId: string; property: string; message: string }>;
  summary: { files: number; errors: number; inputErrors: number };
}

let dir: string;
const UNREADABLE = ['dangling.json', 'self-loop.yaml', 'pipe.json'];

beforeAll(() => {
  dir = workspace({ 'good.yaml': GOOD_YAML });
  mkdirSync(join(dir, 'corpus'));
  for (const [name, { content }] of Object.entries({ ...BAD_FILES, ...FINDING_FILES })) writeFileSync(join(dir, 'corpus', name), content);
  writeFileSync(join(dir, 'corpus', 'good.yaml'), GOOD_YAML);
  symlinkSync('does-not-exist.json', join(dir, 'corpus', 'dangling.json'));
  symlinkSync('self-loop.yaml', join(dir, 'corpus', 'self-loop.yaml'));
  execFileSync('mkfifo', [join(dir, 'corpus', 'pipe.json')]);
  // A directory loop: walking must terminate.
  mkdirSync(join(dir, 'corpus', 'sub'));
  symlinkSync('..', join(dir, 'corpus', 'sub', 'up'));
});
afterAll(() => removeWorkspace(dir));

test('every hostile file named on the command line: one stderr line each, the good file and the templates still linted', async () => {
  const names = [...Object.keys(BAD_FILES), ...UNREADABLE, ...Object.keys(FINDING_FILES), 'good.yaml'];
  const start = Date.now();

  const result = await runCli(['--format', 'json', ...names.map((name) => `corpus/${name}`)], dir);

  expect(Date.now() - start).toBeLessThan(20_000);
  expect(result.code).toBe(2);
  expect(result.stderr).not.toMatch(STACK_LINE);
  const lines = result.stderr.split('\n').filter(Boolean);
  for (const [name, { problem }] of Object.entries(BAD_FILES)) {
    const mine = lines.filter((line) => line.startsWith(`cognito-client-lint: corpus/${name}: `));
    expect({ name, lines: mine.length }).toEqual({ name, lines: 1 });
    expect(mine[0]).toMatch(problem);
  }
  expect(lines).toEqual(expect.arrayContaining([
    'cognito-client-lint: corpus/dangling.json: no such file or directory',
    'cognito-client-lint: corpus/self-loop.yaml: too many levels of symbolic links',
    'cognito-client-lint: corpus/pipe.json: is not a regular file (a named pipe)',
  ]));
  expect(lines).toHaveLength(Object.keys(BAD_FILES).length + UNREADABLE.length);

  const report = JSON.parse(result.stdout) as JsonReport;
  expect(report.summary.files).toBe(Object.keys(FINDING_FILES).length + 1);
  expect(report.summary.inputErrors).toBe(lines.length);
  expect(report.findings).toContainEqual(expect.objectContaining({ file: 'corpus/good.yaml', logicalId: 'GoodClient', ruleId: 'client-credentials-requires-secret' }));
  for (const [name, { findings }] of Object.entries(FINDING_FILES)) {
    const errors = report.findings.filter((f) => f.file === `corpus/${name}` && f.severity === 'error').map((f) => [f.logicalId, f.ruleId, f.property]);
    expect({ name, errors }).toEqual({ name, errors: expect.arrayContaining(findings) });
    // Nothing is judged on the unknown functions, Fn::Transform or the transformed resource.
    if (name === 'intrinsics.yaml') expect({ name, errors }).toEqual({ name, errors: findings });
  }
});

test('walking the corpus directory: no crash, no hang on the FIFO or the directory loop, the good templates linted', async () => {
  const start = Date.now();

  const result = await runCli(['--format', 'json', 'corpus'], dir);

  expect(Date.now() - start).toBeLessThan(20_000);
  expect(result.code).toBe(2);
  expect(result.stderr).not.toMatch(STACK_LINE);
  for (const line of result.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^cognito-client-lint: corpus\/\S+: \S/);
  // Walking skips files that do not look like templates, but reports those meant as one and the unreadable ones.
  expect(result.stderr).toContain('corpus/dangling.json: no such file or directory');
  expect(result.stderr).toContain('corpus/pipe.json: is not a regular file (a named pipe)');
  expect(result.stderr).toContain('corpus/deep-flow.yaml: YAML parse error at line 5, column');
  const report = JSON.parse(result.stdout) as JsonReport;
  expect(report.findings.filter((f) => f.ruleId === 'client-credentials-requires-secret').map((f) => f.file)).toEqual(['corpus/good.yaml']);
  expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(['corpus/good.yaml', ...Object.keys(FINDING_FILES).map((n) => `corpus/${n}`)]));
});

test('text and SARIF formats on the corpus: no stack trace, SARIF lists every input error as a notification', async () => {
  const args = [...Object.keys(BAD_FILES), ...Object.keys(FINDING_FILES)].map((name) => `corpus/${name}`);
  const text = await runCli(args, dir);
  const sarif = await runCli(['--format', 'sarif', ...args], dir);

  expect(text.stdout + text.stderr + sarif.stderr).not.toMatch(STACK_LINE);
  const log = JSON.parse(sarif.stdout);
  expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
  expect(log.runs[0].invocations[0].toolExecutionNotifications).toHaveLength(Object.keys(BAD_FILES).length);
});

// --- A ~50 MB template, in a child process: bounded time and memory ------------------------------------------------

interface Measured { code: number | null; stdout: string; stderr: string; seconds: number; maxRssMb: number }

/** Runs the CLI as a process; a preload records the child's peak RSS (process.resourceUsage) when it exits. */
function runMeasured(args: string[]): Promise<Measured> {
  const rssFile = join(dir, `rss-${Date.now()}.txt`);
  const preload = join(dir, 'record-rss.js');
  writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`);
  const start = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, ['-r', preload, '-r', require.resolve('ts-node/register/transpile-only'), join(REPO, 'src/compliance/cli.ts'), ...args], {
      cwd: dir, env: { ...process.env, NO_COLOR: '1', TS_NODE_PROJECT: join(REPO, 'tsconfig.json') }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024,
    }, (error, stdout, stderr) => {
      const maxRssKb = Number(readFileSync(rssFile, 'utf8'));
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
        stdout,
        stderr,
        seconds: (Date.now() - start) / 1000,
        maxRssMb: maxRssKb / 1024,
      });
    });
  });
}

/** ~`megabytes` of template: one client with a finding, then thousands of padding resources. */
function bigTemplate(megabytes: number): { Resources: Record<string, unknown> } {
  const resources: Record<string, unknown> = {
    Pool: { Type: 'AWS::Cognito::UserPool' },
    BigClient: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' }, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['email'] } },
  };
  const padding = 'x'.repeat(1000);
  const count = Math.ceil((megabytes * 1024 * 1024) / 1080);
  for (let i = 0; i < count; i++) resources[`Bucket${i}`] = { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'k', Value: padding }] } };
  return { Resources: resources };
}

/** Block-style YAML, written directly (yaml.stringify of 50 MB takes longer than linting it). */
function bigYaml(template: { Resources: Record<string, unknown> }): string {
  const { Pool, BigClient, ...buckets } = template.Resources;
  const head = stringifyYaml({ Resources: { Pool, BigClient } });
  const body = Object.entries(buckets).map(([id, bucket]) => {
    const value = (bucket as { Properties: { Tags: Array<{ Value: string }> } }).Properties.Tags[0].Value;
    return `  ${id}:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n        - Key: k\n          Value: ${value}\n`;
  });
  return head + body.join('');
}

test.each([
  ['JSON', 'big.template.json', (t: object) => JSON.stringify(t)],
  ['YAML', 'big.yaml', (t: object) => bigYaml(t as { Resources: Record<string, unknown> })],
])('a ~50 MB %s template: linted in bounded time and memory, in a child process', async (_kind, name, serialize) => {
  writeFileSync(join(dir, name), serialize(bigTemplate(50)));
  expect(statSync(join(dir, name)).size).toBeGreaterThan(48 * 1024 * 1024);

  const result = await runMeasured(['--format', 'json', name]);

  expect(result.stderr).toBe('');
  expect(result.code).toBe(1);
  expect(JSON.parse(result.stdout).findings).toContainEqual(expect.objectContaining({ logicalId: 'BigClient', ruleId: 'client-credentials-requires-secret' }));
  // Measured on 2 cores: JSON ~2 s / ~330 MB, YAML ~5 s / ~690 MB (including ts-node). Generous bounds.
  expect(result.seconds).toBeLessThan(45);
  expect(result.maxRssMb).toBeLessThan(2048);
});

test('a file above the 64 MB limit is refused from its size alone, without reading it', async () => {
  const sparse = join(dir, 'huge.json');
  writeFileSync(sparse, '');
  execFileSync('truncate', ['-s', '200M', sparse]);

  const result = await runMeasured(['huge.json']);

  expect(result.code).toBe(2);
  expect(result.stderr).toBe('cognito-client-lint: huge.json: file is too large (209715200 bytes)\n');
  expect(result.maxRssMb).toBeLessThan(512);
});
