import { readFileSync, symlinkSync } from 'fs';
import { join } from 'path';
import { HAND_WRITTEN_YAML, jsonTemplate, onlyRules, runCli, SCOPES_RULE, SECRET_RULE, workspacesRemovedAfterAll } from './helpers';
import { CognitoClientLinter } from '../../../src';

interface JsonFinding {
  ruleId: string; severity: string; file: string; logicalId: string; property: string; message: string; docUrl: string;
}
interface JsonReport {
  findings: JsonFinding[];
  summary: { files: number; resources: number; errors: number; warnings: number; inputErrors: number; internalErrors: number };
}

const tempWorkspace = workspacesRemovedAfterAll();

const parseJson = (stdout: string) => JSON.parse(stdout) as JsonReport;
const ofRule = (report: JsonReport, ruleId: string) => report.findings.filter((f) => f.ruleId === ruleId);

describe('hand-written YAML with short-form tags', () => {
  test('text output names the file, line and resource, and every finding with its doc link', async () => {
    // GIVEN a template written by hand with !Ref, !Sub, !Join, !If, !GetAtt, !Equals
    const dir = tempWorkspace({ 'templates/orders.yaml': HAND_WRITTEN_YAML });

    // WHEN linting it with the default (text) format
    const result = await runCli(['templates/orders.yaml'], dir);

    // THEN the machine client's two deploy errors are reported under its heading, and the run fails
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    const heading = lines.indexOf('templates/orders.yaml:23 MachineClient');
    expect(heading).toBeGreaterThanOrEqual(0);
    expect(lines).toContain(`  error ${SECRET_RULE}: Property GenerateSecret: value false is not allowed `
      + 'because the client_credentials flow authenticates the client with its secret, and this client would have none. '
      + 'Fix: set GenerateSecret to true (this replaces an existing client), or remove client_credentials from AllowedOAuthFlows.');
    const scopeLine = lines.findIndex((l) => l.startsWith(`  error ${SCOPES_RULE}: Property AllowedOAuthScopes[1]: `));
    expect(scopeLine).toBeGreaterThan(heading);
    expect(lines[scopeLine]).toContain('value "orders/write" is not allowed');
    expect(lines[scopeLine + 1]).toBe(`    ${CognitoClientLinter.rules().find((r) => r.id === SCOPES_RULE)!.docUrl}`);
    expect(lines[lines.length - 2]).toMatch(/^Found \d+ errors? and \d+ warnings? in 1 template \(3 Cognito resources checked\)\.$/);
    expect(result.stdout).not.toContain('\u001b[');
  });

  test('short-form tags reach the engine as intrinsics: !Ref pool is followed, !If secret stays silent', async () => {
    const dir = tempWorkspace({ 'orders.yml': HAND_WRITTEN_YAML });

    const report = parseJson((await runCli(['--format', 'json', 'orders.yml'], dir)).stdout);

    // The scope check needs `UserPoolId: !Ref UserPool` resolved to the pool and its resource server.
    expect(ofRule(report, SCOPES_RULE).map((f) => [f.logicalId, f.property]))
      .toEqual([['MachineClient', 'AllowedOAuthScopes[1]']]);
    // WebClient's `GenerateSecret: !If [...]` cannot be known before deploy: never an error.
    expect(ofRule(report, SECRET_RULE).map((f) => f.logicalId)).toEqual(['MachineClient']);
  });

  test('sequence-form !GetAtt and nested !Sub lists parse as well', async () => {
    const yaml = HAND_WRITTEN_YAML.replace('Value: !GetAtt UserPool.Arn', 'Value: !GetAtt [UserPool, Arn]')
      .replace("ClientName: !Join ['-', [orders, machine, !Ref Stage]]",
        "ClientName: !Sub\n        - '${Prefix}-machine'\n        - Prefix: !Select [0, !Split ['-', !Ref AWS::StackName]]");
    const dir = tempWorkspace({ 'orders.yaml': yaml });

    const result = await runCli(['--format', 'json', 'orders.yaml'], dir);

    expect(result.stderr).toBe('');
    expect(ofRule(parseJson(result.stdout), SECRET_RULE)).toHaveLength(1);
  });
});

describe('--format json', () => {
  test('prints exactly findings[] and summary with the documented fields', async () => {
    const dir = tempWorkspace({ 'cdk.template.json': jsonTemplate('AppClientA1B2C3D4') });

    const result = await runCli(['--format', 'json', join(dir, 'cdk.template.json')], dir);

    expect(result.code).toBe(1);
    const report = parseJson(result.stdout);
    expect(Object.keys(report)).toEqual(['findings', 'summary']);
    expect(Object.keys(report.summary)).toEqual(['files', 'resources', 'errors', 'warnings', 'inputErrors', 'internalErrors']);
    expect(report.summary).toMatchObject({ files: 1, resources: 1, inputErrors: 0, internalErrors: 0 });
    expect(report.summary.errors).toBe(report.findings.filter((f) => f.severity === 'error').length);
    expect(report.summary.warnings).toBe(report.findings.filter((f) => f.severity === 'warning').length);
    const [finding] = ofRule(report, SECRET_RULE);
    expect(Object.keys(finding)).toEqual(['ruleId', 'severity', 'file', 'logicalId', 'property', 'message', 'docUrl']);
    expect(finding).toMatchObject({
      ruleId: SECRET_RULE,
      severity: 'error',
      file: 'cdk.template.json', // relative to the working directory even when given as an absolute path
      logicalId: 'AppClientA1B2C3D4',
      property: 'GenerateSecret',
    });
    expect(finding.message).toMatch(/^Property GenerateSecret: value false is not allowed because .*Fix: /);
    expect(finding.docUrl).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });
});

describe('--format sarif', () => {
  test('prints a SARIF 2.1.0 log with the rule catalogue, results and logical locations', async () => {
    const dir = tempWorkspace({ 'stacks/app.yaml': HAND_WRITTEN_YAML, 'stacks/my api.template.json': jsonTemplate('ApiClient') });

    const result = await runCli(['--format', 'sarif', 'stacks'], dir);

    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const [runLog] = log.runs;
    const driver = runLog.tool.driver;
    expect(driver.name).toBe('cognito-client-lint');
    expect(driver.version).toBe(JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')).version);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(CognitoClientLinter.rules().map((r) => r.id));
    const secretRule = driver.rules.find((r: { id: string }) => r.id === SECRET_RULE);
    expect(secretRule).toMatchObject({
      shortDescription: { text: expect.stringContaining('client secret') },
      helpUri: expect.stringMatching(/^https:\/\//),
      defaultConfiguration: { level: 'error' },
    });
    for (const rule of driver.rules) {
      expect(['error', 'warning']).toContain(rule.defaultConfiguration.level);
    }

    const secretResults = runLog.results.filter((r: { ruleId: string }) => r.ruleId === SECRET_RULE);
    expect(secretResults).toHaveLength(2);
    const byUri = Object.fromEntries(secretResults.map((r: any) => [r.locations[0].physicalLocation.artifactLocation.uri, r]));
    expect(Object.keys(byUri).sort()).toEqual(['stacks/app.yaml', 'stacks/my%20api.template.json']);
    const yamlResult = byUri['stacks/app.yaml'];
    expect(yamlResult.level).toBe('error');
    expect(yamlResult.message.text).toMatch(/^Property GenerateSecret: /);
    expect(yamlResult.locations[0].logicalLocations).toEqual([{ name: 'MachineClient', kind: 'resource' }]);
    expect(yamlResult.locations[0].physicalLocation.region).toEqual({ startLine: 23 });
    expect(driver.rules[yamlResult.ruleIndex].id).toBe(SECRET_RULE);
    expect(byUri['stacks/my%20api.template.json'].locations[0].logicalLocations[0].name).toBe('ApiClient');
    for (const r of runLog.results) {
      const rule = driver.rules.find((d: { id: string }) => d.id === r.ruleId);
      expect(r.level).toBe(rule.defaultConfiguration.level);
    }
    expect(runLog.invocations).toEqual([{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  test('inputs that could not be read become tool execution notifications', async () => {
    const dir = tempWorkspace({ 'good.json': jsonTemplate() });

    const result = await runCli(['--format', 'sarif', 'good.json', 'missing.yaml'], dir);

    expect(result.code).toBe(2);
    const [invocation] = JSON.parse(result.stdout).runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([expect.objectContaining({
      level: 'error',
      message: { text: 'missing.yaml: no such file or directory' },
    })]);
  });
});

describe('SAM templates', () => {
  test('a template with the Serverless transform is linted like any other', async () => {
    const sam = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: nodejs20.x
Resources:
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      CodeUri: src/
      Environment:
        Variables:
          CLIENT_ID: !Ref BatchClient
  Pool:
    Type: AWS::Cognito::UserPool
  BatchClient:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [client_credentials]
      AllowedOAuthScopes: [!Sub '\${ApiIdentifier}/read']
`;
    const dir = tempWorkspace({ 'template.yaml': sam });

    const result = await runCli(['--format', 'json', 'template.yaml'], dir);

    const report = parseJson(result.stdout);
    expect(report.summary).toMatchObject({ files: 1, resources: 1, inputErrors: 0 });
    expect(ofRule(report, SECRET_RULE).map((f) => [f.logicalId, f.property])).toEqual([['BatchClient', 'GenerateSecret']]);
    // A scope built with !Sub from a parameter is unknown until deploy.
    expect(ofRule(report, SCOPES_RULE)).toEqual([]);
  });
});

describe('directories', () => {
  test('a cdk.out cloud assembly: every stack template, nested stage assemblies included, manifests skipped', async () => {
    const dir = tempWorkspace({
      'cdk.out/cdk.out': { version: '48.0.0' },
      'cdk.out/manifest.json': { version: '48.0.0', artifacts: { AppStack: { type: 'aws:cloudformation:stack' } } },
      'cdk.out/tree.json': { version: 'tree-0.1', tree: { id: 'App', path: '' } },
      'cdk.out/AppStack.template.json': jsonTemplate('AppClient'),
      'cdk.out/AppStack.assets.json': { version: '48.0.0', files: {} },
      'cdk.out/asset.0a1b2c/package.json': { name: 'lambda-asset' },
      'cdk.out/asset.0a1b2c/broken.json': '{ not json',
      'cdk.out/assembly-Prod/cdk.out': { version: '48.0.0' },
      'cdk.out/assembly-Prod/manifest.json': { version: '48.0.0', artifacts: {} },
      'cdk.out/assembly-Prod/ProdOrdersStack.template.json': jsonTemplate('ProdClient'),
      'cdk.out/assembly-Prod/ProdOrdersStackAuthNested1A2B3C.nested.template.json': jsonTemplate('NestedClient', true),
    });

    const result = await runCli(['--format', 'json', 'cdk.out'], dir);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = parseJson(result.stdout);
    expect(report.summary).toMatchObject({ files: 3, resources: 3, inputErrors: 0 });
    expect(ofRule(report, SECRET_RULE).map((f) => `${f.file}#${f.logicalId}`)).toEqual([
      'cdk.out/AppStack.template.json#AppClient',
      'cdk.out/assembly-Prod/ProdOrdersStack.template.json#ProdClient',
    ]);
  });

  test('any directory: templates found recursively in every extension, other files skipped, symlink loops guarded', async () => {
    const dir = tempWorkspace({
      'infra/auth/pool.yaml': HAND_WRITTEN_YAML,
      'infra/auth/clients.template': JSON.stringify(jsonTemplate('TemplateClient')),
      'infra/web.yml': HAND_WRITTEN_YAML.replace(/MachineClient/g, 'OtherMachineClient'),
      'infra/app.json': jsonTemplate('JsonClient'),
      'infra/tsconfig.json': { compilerOptions: { strict: true } },
      'infra/.github/workflows/ci.yml': 'on: push\njobs: {}\n',
      'infra/charts/values.yaml': 'replicas: {{ .Values.replicas }}\n',
      'infra/node_modules/pkg/template.json': jsonTemplate('VendoredClient'),
      'infra/README.md': '# infra',
    });
    symlinkSync(join(dir, 'infra'), join(dir, 'infra/auth/loop'), 'dir');

    const result = await runCli(['--format', 'json', 'infra'], dir);

    expect(result.stderr).toBe('');
    const report = parseJson(result.stdout);
    expect(report.summary.files).toBe(4);
    expect(ofRule(report, SECRET_RULE).map((f) => `${f.file}#${f.logicalId}`).sort()).toEqual([
      'infra/app.json#JsonClient',
      'infra/auth/clients.template#TemplateClient',
      'infra/auth/pool.yaml#MachineClient',
      'infra/web.yml#OtherMachineClient',
    ]);
  });

  test('a broken template found by walking is still reported; a directory without templates is an input error', async () => {
    const dir = tempWorkspace({
      'stacks/good.json': jsonTemplate(),
      'stacks/broken.yaml': 'Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n   Properties: {}\n',
      'docs/notes.json': { title: 'not a template' },
    });

    const result = await runCli(['--format', 'json', 'stacks', join(dir, 'docs')], dir);

    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^cognito-client-lint: stacks\/broken\.yaml: YAML parse error at line 4, column 1: /),
      'cognito-client-lint: docs: no CloudFormation templates found in this directory',
    ]);
    expect(parseJson(result.stdout).summary.files).toBe(1);
  });

  test('a file named twice (directly and through its directory) is linted once', async () => {
    const dir = tempWorkspace({ 'stacks/app.json': jsonTemplate() });

    const result = await runCli(['--format', 'json', 'stacks/app.json', 'stacks'], dir);

    // The directory's only template was named first: not a "no templates found" error.
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = parseJson(result.stdout);
    expect(report.summary.files).toBe(1);
    expect(ofRule(report, SECRET_RULE)).toHaveLength(1);
  });
});

describe('exit codes', () => {
  test('0 when no rule finds an error', async () => {
    const dir = tempWorkspace({ 'app.json': jsonTemplate('Client', true) });

    const result = await runCli([...onlyRules(SECRET_RULE, SCOPES_RULE), 'app.json'], dir);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe('No problems found in 1 template (1 Cognito resource checked).\n');
  });

  test('1 on error findings', async () => {
    const dir = tempWorkspace({ 'app.json': jsonTemplate('Client', false) });
    expect((await runCli([...onlyRules(SECRET_RULE), 'app.json'], dir)).code).toBe(1);
  });

  test('warnings pass, and fail only with --strict', async () => {
    // GIVEN a client whose scope comes from a resource server it does not depend on (a warning, not an error)
    const warningRule = 'client-depends-on-pool-resources';
    const yaml = HAND_WRITTEN_YAML.replace(/    DependsOn: OrdersApi\n/g, '');
    const dir = tempWorkspace({ 'orders.yaml': yaml });
    const args = [...onlyRules(warningRule), '--format', 'json', 'orders.yaml'];

    const relaxed = await runCli(args, dir);
    const strict = await runCli(['--strict', ...args], dir);
    const strictText = await runCli(['--strict', ...onlyRules(warningRule), 'orders.yaml'], dir);

    const report = parseJson(relaxed.stdout);
    expect(report.summary.errors).toBe(0);
    expect(ofRule(report, warningRule).length).toBeGreaterThan(0);
    expect(ofRule(report, warningRule).every((f) => f.severity === 'warning')).toBe(true);
    expect(relaxed.code).toBe(0);
    expect(strict.code).toBe(1);
    expect(strictText.code).toBe(1);
    expect(strictText.stdout).toMatch(/Found 0 errors and \d+ warnings? in 1 template .* Warnings count as errors \(--strict\)\.\n$/);
  });

  test('2 wins over 1: a missing file next to a good one, and the good one is still reported', async () => {
    const dir = tempWorkspace({ 'app.json': jsonTemplate('GoodClient') });

    const result = await runCli(['--format', 'json', 'app.json', 'templates/missing.yaml'], dir);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe('cognito-client-lint: templates/missing.yaml: no such file or directory\n');
    const report = parseJson(result.stdout);
    expect(report.summary).toMatchObject({ files: 1, inputErrors: 1 });
    expect(ofRule(report, SECRET_RULE).map((f) => f.logicalId)).toEqual(['GoodClient']);
  });

  test('2 on broken JSON, naming the file, line and column', async () => {
    const dir = tempWorkspace({ 'bad.json': '{\n  "Resources": {\n    "Client": { "Type": "AWS::Cognito::UserPoolClient" }\n    "Other": {}\n  }\n}\n' });

    const result = await runCli(['bad.json'], dir);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe("cognito-client-lint: bad.json: JSON parse error at line 4, column 5: Expected ',' or '}' after property value\n");
    expect(result.stdout).toBe('No problems found in 0 templates (0 Cognito resources checked). 1 input could not be linted (see stderr).\n');
  });

  test('2 on broken YAML, naming the file, line and column', async () => {
    const dir = tempWorkspace({ 'templates/bad.yaml': 'Resources:\n  Client:\n    Type: [AWS::Cognito::UserPoolClient\n    Properties: {}\n' });

    const result = await runCli(['templates/bad.yaml'], dir);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cognito-client-lint: templates\/bad\.yaml: YAML parse error at line \d+, column \d+: \S.*\n$/);
  });

  test('2 on a file given explicitly that is not a template', async () => {
    const dir = tempWorkspace({ 'package.json': { name: 'app', version: '1.0.0' }, 'list.yaml': '- a\n- b\n' });

    const result = await runCli(['package.json', 'list.yaml'], dir);

    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^cognito-client-lint: package\.json: not a CloudFormation template \(Resources: .*\)$/),
      expect.stringMatching(/^cognito-client-lint: list\.yaml: not a CloudFormation template \(document: .*\)$/),
    ]);
  });

  test('2 on a resource without a string Type', async () => {
    const dir = tempWorkspace({ 'app.json': { Resources: { Client: { Properties: {} } } } });

    const result = await runCli(['app.json'], dir);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cognito-client-lint: app\.json: not a CloudFormation template \(Resources\.Client\.Type: /);
  });
});

describe('hostile input', () => {
  test('YAML alias bombs are refused, not expanded', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const dir = tempWorkspace({ 'bomb.yaml': `${levels.join('\n')}\nResources: {}\n` });

    const result = await runCli(['bomb.yaml'], dir);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe('cognito-client-lint: bomb.yaml: YAML parse error: too many alias expansions (more than 100), refusing to expand\n');
  });

  test.each([
    ['deep.json', `{"Resources":{"C":{"Type":"AWS::Cognito::UserPoolClient","Properties":{"X":${'['.repeat(5000)}${']'.repeat(5000)}}}}}`],
    ['deep.yaml', `Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      X: ${'['.repeat(500)}${']'.repeat(500)}\n`],
  ])('very deep nesting in %s (5,000 levels in JSON, 500 in YAML): the deep value is unknown and the rest of the file is linted', async (name, content) => {
    const dir = tempWorkspace({ [name]: content });

    const result = await runCli(['--format', 'json', name], dir);

    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as JsonReport;
    // X is no property of a client: reported by name, whatever its (unknown) value.
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => [f.ruleId, f.property]))
      .toEqual([['client-property-types', 'UserPoolId'], ['client-property-types', 'X']]);
    expect(result.code).toBe(1);
  });

  test('YAML nested beyond what the yaml parser can compose (5,000 levels) is one clear input error', async () => {
    const dir = tempWorkspace({ 'deep.yaml': `Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      X: ${'['.repeat(5000)}${']'.repeat(5000)}\n` });

    const result = await runCli(['deep.yaml'], dir);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cognito-client-lint: deep\.yaml: YAML parse error at line 5, column \d+: nesting is too deep\n$/);
  });
});

describe('options', () => {
  test('--help prints usage and exits 0', async () => {
    const result = await runCli(['--help'], process.cwd());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: cognito-client-lint \[options\] <paths\.\.\.>/);
    expect(result.stdout).toMatch(/--format <format>/);
    expect(result.stdout).toMatch(/--strict/);
    expect(result.stdout).toMatch(/--region <region>/);
    expect(result.stdout).toMatch(/--disable <rule-id>/);
  });

  test('--version prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));
    const result = await runCli(['--version'], process.cwd());
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  test.each([
    [['--format', 'xml', 'a.json'], /argument 'xml' is invalid/],
    [['--bogus', 'a.json'], /unknown option '--bogus'/],
    [[], /missing required argument 'paths'/],
    [['--region', 'mars-1', 'a.json'], /--region: 'mars-1' is not a region name/],
    [['--disable', 'client-no-such-rule', 'a.json'], /--disable: unknown rule id 'client-no-such-rule'/],
  ])('usage error %j exits 2 with one line on stderr', async (args, message) => {
    const result = await runCli(args, process.cwd());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^cognito-client-lint: [^\n]*\n$/);
  });

  test('--disable (repeated or comma-separated) turns rules off', async () => {
    const dir = tempWorkspace({ 'orders.yaml': HAND_WRITTEN_YAML });

    const both = parseJson((await runCli(['-f', 'json', 'orders.yaml'], dir)).stdout);
    const comma = parseJson((await runCli(['-f', 'json', '--disable', `${SECRET_RULE},${SCOPES_RULE}`, 'orders.yaml'], dir)).stdout);
    const repeated = parseJson((await runCli(['-f', 'json', '--disable', SECRET_RULE, '--disable', SCOPES_RULE, 'orders.yaml'], dir)).stdout);

    expect(ofRule(both, SECRET_RULE)).toHaveLength(1);
    expect(ofRule(both, SCOPES_RULE)).toHaveLength(1);
    for (const report of [comma, repeated]) {
      expect(ofRule(report, SECRET_RULE)).toEqual([]);
      expect(ofRule(report, SCOPES_RULE)).toEqual([]);
    }
  });

  test('options may follow the paths, and --format=json works', async () => {
    const dir = tempWorkspace({ 'app.json': jsonTemplate() });
    const result = await runCli(['app.json', '--format=json', '--disable', SCOPES_RULE], dir);
    expect(ofRule(parseJson(result.stdout), SECRET_RULE)).toHaveLength(1);
  });

  test('--region is passed to the engine', async () => {
    // AWS::Region in a Sub resolves only when the region is known; the run must accept a real region name.
    const dir = tempWorkspace({ 'app.json': jsonTemplate() });
    const result = await runCli(['--region', 'us-gov-west-1', '-f', 'json', 'app.json'], dir);
    expect(result.stderr).toBe('');
    expect(ofRule(parseJson(result.stdout), SECRET_RULE)).toHaveLength(1);
  });
});

describe('colour', () => {
  const dir = () => tempWorkspace({ 'app.json': jsonTemplate() });

  test('is used on a terminal', async () => {
    const result = await runCli([...onlyRules(SECRET_RULE), 'app.json'], dir(), { isTTY: true });
    expect(result.stdout).toContain(`\u001b[31merror\u001b[0m ${SECRET_RULE}`);
  });

  test('is not used when NO_COLOR is set, or when stdout is not a terminal', async () => {
    const noColor = await runCli(['app.json'], dir(), { isTTY: true, env: { NO_COLOR: '1' } });
    const piped = await runCli(['app.json'], dir(), { isTTY: false });
    expect(noColor.stdout).not.toContain('\u001b[');
    expect(piped.stdout).not.toContain('\u001b[');
    expect(noColor.stdout).toContain(`  error ${SECRET_RULE}: Property GenerateSecret: `);
  });
});

describe('cloud assembly detection', () => {
  test('a manifest.json that is not a cloud assembly manifest does not hide the other templates of a directory', async () => {
    const dir = tempWorkspace({
      'site/manifest.json': { name: 'My PWA', start_url: '/', icons: [] },
      'site/auth.template.json': jsonTemplate('TemplateJsonClient'),
      'site/auth.yaml': HAND_WRITTEN_YAML,
    });

    const report = parseJson((await runCli(['--format', 'json', 'site'], dir)).stdout);

    expect(ofRule(report, SECRET_RULE).map((f) => f.logicalId).sort()).toEqual(['MachineClient', 'TemplateJsonClient']);
  });

  test('a cdk.out without the marker file is still recognised by its manifest', async () => {
    const dir = tempWorkspace({
      'out/manifest.json': { version: '48.0.0', artifacts: {} },
      'out/Stack.template.json': jsonTemplate('StackClient'),
      'out/asset.123/template.yaml': HAND_WRITTEN_YAML,
    });

    const report = parseJson((await runCli(['--format', 'json', 'out'], dir)).stdout);

    // Asset directories hold the user's Lambda code and files, never stack templates.
    expect(ofRule(report, SECRET_RULE).map((f) => f.file)).toEqual(['out/Stack.template.json']);
  });
});
