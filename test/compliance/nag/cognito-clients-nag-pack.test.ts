import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CognitoClientLinter, Finding } from '../../../src';
import { fixOf } from '../../../src/compliance/findings-text';
import { CognitoClientsNagPack } from '../../../src/compliance/nag';
import { findingIdOf } from '../../../src/compliance/nag/cognito-clients-nag-pack';
import { ALL_RULES } from '../../../src/rules/catalogue';

const IMPLICIT = 'client-implicit-grant';
const NEEDS_SECRET = 'client-credentials-requires-secret';
const USER_SCOPES = 'client-credentials-no-openid-email';

interface ReportViolation {
  readonly ruleName: string;
  readonly description: string;
  readonly severity: string;
  readonly violatingConstructs: Array<{ constructPath: string }>;
  readonly acknowledgedId?: string;
  readonly reason?: string;
}
interface ValidationReport {
  readonly pluginReports: Array<{ pluginName: string; conclusion: string; violations: ReportViolation[]; suppressedViolations?: ReportViolation[] }>;
}

/**
 * A stack with an L2 client on aws-cdk-lib's defaults (implicit grant: warnings), a raw machine client without a
 * secret asking for a user scope (errors), and an S3 bucket for AwsSolutions to talk about.
 */
function identityApp() {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'nag-pack-'));
  const app = new App({ outdir });
  const stack = new Stack(app, 'Identity', { env: { region: 'eu-west-1' } });
  const pool = new cognito.UserPool(stack, 'Pool');
  const legacy = pool.addClient('Legacy', { oAuth: { callbackUrls: ['https://legacy.example.com/callback'] } });
  const machine = new cognito.CfnUserPoolClient(stack, 'Machine', {
    userPoolId: pool.userPoolId,
    generateSecret: false,
    allowedOAuthFlowsUserPoolClient: true,
    allowedOAuthFlows: ['client_credentials'],
    allowedOAuthScopes: ['email'],
  });
  new s3.Bucket(stack, 'Bucket');
  return { app, stack, legacy, machine, outdir };
}

/** What the engine finds in the stack's synthesized template, with the construct path of each resource. */
function engineFindings({ app, stack }: { app: App; stack: Stack }): Array<Finding & { constructPath: string }> {
  const assembly = app.synth();
  const template = assembly.getStackByName(stack.stackName).template;
  const paths = new Map(stack.node.findAll().filter(CfnResource.isCfnResource).map((r) => [stack.resolve(r.logicalId), r.node.path]));
  return CognitoClientLinter.lintTemplate(template, { region: 'eu-west-1' }).map((f) => ({ ...f, constructPath: paths.get(f.logicalId)! }));
}

function synthReport(app: App, outdir: string): { error?: Error; report: ValidationReport } {
  let error: Error | undefined;
  try {
    app.synth();
  } catch (e) {
    error = e as Error;
  }
  return { error, report: JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) };
}

const flat = (violations: ReportViolation[]) => violations.flatMap((v) => v.violatingConstructs.map((c) => ({
  ruleName: v.ruleName, severity: v.severity, description: v.description, constructPath: c.constructPath,
})));

describe('CognitoClientsNagPack next to AwsSolutionsChecks', () => {
  test('reports every engine finding as CognitoClients-<rule-id>[<property>] on its resource, with the engine message and severity, in CDK\'s validation report', () => {
    // GIVEN
    const { app, outdir } = identityApp();
    const expected = engineFindings(identityApp()); // an identical app, synthesized without plugins
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new CognitoClientsNagPack(app));
    // WHEN
    const { error, report } = synthReport(app, outdir);
    // THEN
    const ours = report.pluginReports.find((r) => r.pluginName === 'CognitoClients')!;
    expect(expected.map((f) => f.ruleId)).toEqual(expect.arrayContaining([IMPLICIT, NEEDS_SECRET, USER_SCOPES]));
    expect(flat(ours.violations)).toEqual(expect.arrayContaining(expected.map((f) => ({
      ruleName: `CognitoClients-${f.ruleId}[${findingIdOf(f.property)}]`,
      severity: f.severity,
      description: f.message,
      constructPath: f.constructPath,
    }))));
    expect(flat(ours.violations)).toHaveLength(expected.length);
    expect(ours.conclusion).toBe('failure');
    expect(error?.message).toMatch(/CognitoClients-client-credentials-requires-secret\[GenerateSecret\]/);
    // AwsSolutions still reports on its own resources.
    const solutions = report.pluginReports.find((r) => r.pluginName === 'AwsSolutions')!;
    expect(flat(solutions.violations)).toEqual(expect.arrayContaining([
      expect.objectContaining({ ruleName: 'AwsSolutions-S1', constructPath: 'Identity/Bucket/Resource' }),
    ]));
  });

  test('warnings alone (level WARN) do not fail the synth: the report concludes success', () => {
    // GIVEN: only the L2 client, whose findings are warnings
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'nag-pack-'));
    const app = new App({ outdir });
    const stack = new Stack(app, 'Legacy');
    new cognito.UserPool(stack, 'Pool').addClient('Web', { oAuth: { callbackUrls: ['https://legacy.example.com/callback'] } });
    Validations.of(app).addPlugins(new CognitoClientsNagPack(app));
    // WHEN
    const { error, report } = synthReport(app, outdir);
    // THEN
    expect(error).toBeUndefined();
    const ours = report.pluginReports.find((r) => r.pluginName === 'CognitoClients')!;
    expect(ours.conclusion).toBe('success');
    expect(flat(ours.violations).map((v) => v.ruleName)).toContain(`CognitoClients-${IMPLICIT}[AllowedOAuthFlows[0]]`);
    expect(new Set(flat(ours.violations).map((v) => v.severity))).toEqual(new Set(['warning']));
  });

  test('Validations.of(construct).acknowledge({ id: \'CognitoClients-<rule-id>\' }) suppresses every finding of that rule on that construct only', () => {
    // GIVEN
    const { app, machine, legacy } = identityApp();
    Validations.of(legacy).acknowledge({ id: `CognitoClients-${IMPLICIT}`, reason: 'Legacy SPA, migration tracked in JIRA-123' });
    Validations.of(machine).acknowledge({ id: `CognitoClients-${NEEDS_SECRET}`, reason: 'Secret added in the next release' });
    // WHEN
    const report = new CognitoClientsNagPack(app).validateScope(app);
    // THEN
    const names = report.violations.map((v) => v.ruleName);
    expect(names.filter((n) => n.startsWith(`CognitoClients-${IMPLICIT}`))).toEqual([]);
    expect(names.filter((n) => n.startsWith(`CognitoClients-${NEEDS_SECRET}`))).toEqual([]);
    expect(names).toContain(`CognitoClients-${USER_SCOPES}[AllowedOAuthScopes[0]]`);
  });

  test('the bare rule id, which silences the rule in the other doors, silences it in the pack too; a blank reason does not', () => {
    // GIVEN
    const { app, machine, legacy } = identityApp();
    Validations.of(legacy).acknowledge({ id: IMPLICIT, reason: 'Legacy SPA, migration tracked in JIRA-123' });
    Validations.of(machine).acknowledge({ id: NEEDS_SECRET, reason: ' ' });
    // WHEN
    const names = new CognitoClientsNagPack(app).validateScope(app).violations.map((v) => v.ruleName);
    // THEN
    expect(names.filter((n) => n.startsWith(`CognitoClients-${IMPLICIT}`))).toEqual([]);
    expect(names).toContain(`CognitoClients-${NEEDS_SECRET}[GenerateSecret]`);
  });

  test('a granular id suppresses that one property; a stack-level acknowledgement covers every resource below it', () => {
    // GIVEN
    const { app, stack, machine } = identityApp();
    Validations.of(machine).acknowledge({ id: `CognitoClients-${USER_SCOPES}[AllowedOAuthScopes[0]]`, reason: 'Migrating the scope' });
    Validations.of(stack).acknowledge({ id: `CognitoClients-${IMPLICIT}`, reason: 'All legacy clients of this stack' });
    // WHEN
    const names = new CognitoClientsNagPack(app).validateScope(app).violations.map((v) => v.ruleName);
    // THEN
    expect(names).not.toContain(`CognitoClients-${USER_SCOPES}[AllowedOAuthScopes[0]]`);
    expect(names.filter((n) => n.startsWith(`CognitoClients-${IMPLICIT}`))).toEqual([]);
    expect(names).toContain(`CognitoClients-${NEEDS_SECRET}[GenerateSecret]`);
  });

  test('the id CDK prints ("CognitoClients::CognitoClients-...") moves the finding to the report\'s suppressed violations with its reason', () => {
    // GIVEN
    const { app, machine, outdir } = identityApp();
    Validations.of(machine).acknowledge({ id: `CognitoClients::CognitoClients-${NEEDS_SECRET}[GenerateSecret]`, reason: 'Tracked in JIRA-7' });
    Validations.of(app).addPlugins(new CognitoClientsNagPack(app));
    // WHEN
    const { report } = synthReport(app, outdir);
    // THEN
    const ours = report.pluginReports.find((r) => r.pluginName === 'CognitoClients')!;
    expect(ours.violations.map((v) => v.ruleName)).not.toContain(`CognitoClients-${NEEDS_SECRET}[GenerateSecret]`);
    expect(ours.suppressedViolations?.map((v) => [v.ruleName, v.reason])).toEqual([[`CognitoClients-${NEEDS_SECRET}[GenerateSecret]`, 'Tracked in JIRA-7']]);
  });

  test('each violation carries the engine\'s message, fix, rule metadata, logical id and property; verbose adds what the rule checks and its source', () => {
    // GIVEN
    const { app } = identityApp();
    const finding = engineFindings(identityApp()).find((f) => f.ruleId === NEEDS_SECRET)!;
    const rule = CognitoClientLinter.rules().find((r) => r.id === NEEDS_SECRET)!;
    // WHEN
    const quiet = new CognitoClientsNagPack(app).validateScope(app).violations.find((v) => v.ruleName === `CognitoClients-${NEEDS_SECRET}[GenerateSecret]`)!;
    const verbose = new CognitoClientsNagPack(app, { verbose: true }).validateScope(app).violations.find((v) => v.ruleName === `CognitoClients-${NEEDS_SECRET}[GenerateSecret]`)!;
    // THEN
    expect(quiet.description).toBe(finding.message);
    expect(quiet.fix).toBe(fixOf(finding));
    expect(quiet.ruleMetadata).toEqual({ ruleId: NEEDS_SECRET, ruleSeverity: 'error', property: 'GenerateSecret', docUrl: finding.docUrl });
    expect(verbose.description).toBe(`${finding.message} ${rule.description} Source: ${rule.docUrl}`);
    expect(verbose.violatingResources).toEqual([expect.objectContaining({
      constructPath: 'Identity/Machine', resourceLogicalId: finding.logicalId, locations: ['Properties.GenerateSecret'],
    })]);
  });

  test('two resources with the same finding id keep their own messages (one violation per resource)', () => {
    // GIVEN: two raw clients with the same problem on different scopes
    const app = new App();
    const stack = new Stack(app, 'Twins');
    const pool = new cognito.UserPool(stack, 'Pool');
    for (const [id, scope] of [['First', 'email'], ['Second', 'openid']]) {
      new cognito.CfnUserPoolClient(stack, id, {
        userPoolId: pool.userPoolId,
        generateSecret: true,
        allowedOAuthFlowsUserPoolClient: true,
        allowedOAuthFlows: ['client_credentials'],
        allowedOAuthScopes: [scope],
      });
    }
    // WHEN
    const violations = new CognitoClientsNagPack(app).validateScope(app).violations
      .filter((v) => v.ruleName === `CognitoClients-${USER_SCOPES}[AllowedOAuthScopes[0]]`);
    // THEN
    expect(violations.map((v) => v.violatingResources[0].constructPath)).toEqual(['Twins/First', 'Twins/Second']);
    expect(violations[0].description).toContain('"email"');
    expect(violations[1].description).toContain('"openid"');
  });

  test('a rule that throws is reported under its own id on each resource it applies to; every other rule still reports', () => {
    // GIVEN
    const { app } = identityApp();
    const broken = ALL_RULES.find((r) => r.id === IMPLICIT)!;
    const spy = jest.spyOn(broken as { check: (...args: any[]) => any }, 'check').mockImplementation(() => {
      throw new Error('boom in the rule');
    });
    try {
      // WHEN
      const quiet = new CognitoClientsNagPack(app).validateScope(app).violations;
      const verbose = new CognitoClientsNagPack(app, { verbose: true }).validateScope(app).violations;
      // THEN
      const thrown = quiet.filter((v) => v.ruleName === `CognitoClients-${IMPLICIT}`);
      expect(thrown).toHaveLength(2); // both clients
      expect(thrown[0].description).toMatch(/^Rule threw an error during validation\./);
      expect(verbose.find((v) => v.ruleName === `CognitoClients-${IMPLICIT}`)!.description).toContain('boom in the rule');
      expect(quiet.map((v) => v.ruleName)).toEqual(expect.arrayContaining([
        `CognitoClients-${NEEDS_SECRET}[GenerateSecret]`, `CognitoClients-${USER_SCOPES}[AllowedOAuthScopes[0]]`,
      ]));
    } finally {
      spy.mockRestore();
    }
  });

  test('when the engine itself throws for one rule, that rule is reported as thrown on each resource it applies to; every other rule still reports', () => {
    // GIVEN: an engine that throws whenever client-implicit-grant runs
    const { app } = identityApp();
    const original = CognitoClientLinter.lintTemplate.bind(CognitoClientLinter);
    const spy = jest.spyOn(CognitoClientLinter, 'lintTemplate').mockImplementation((template, options = {}) => {
      if (!(options.disabledRules ?? []).includes(IMPLICIT)) throw new Error('engine failure in the rule');
      return original(template, options);
    });
    try {
      // WHEN
      const violations = new CognitoClientsNagPack(app, { verbose: true }).validateScope(app).violations;
      // THEN
      const thrown = violations.filter((v) => v.ruleName === `CognitoClients-${IMPLICIT}`);
      expect(thrown.map((v) => v.violatingResources[0].constructPath)).toEqual(['Identity/Pool/Legacy/Resource', 'Identity/Machine']);
      expect(thrown[0].description).toBe('Rule threw an error during validation. engine failure in the rule');
      expect(violations.map((v) => v.ruleName)).toEqual(expect.arrayContaining([
        `CognitoClients-${NEEDS_SECRET}[GenerateSecret]`, `CognitoClients-${USER_SCOPES}[AllowedOAuthScopes[0]]`,
      ]));
    } finally {
      spy.mockRestore();
    }
  });

  test('ruleIds lists every enabled rule with the pack prefix; disabledRules removes a rule; an unknown id is refused', () => {
    const app = new App();
    const all = CognitoClientLinter.rules().map((r) => `CognitoClients-${r.id}`);
    expect(new CognitoClientsNagPack(app).ruleIds).toEqual(all);
    expect(new CognitoClientsNagPack(app, { disabledRules: [IMPLICIT] }).ruleIds).toEqual(all.filter((id) => id !== `CognitoClients-${IMPLICIT}`));
    expect(() => new CognitoClientsNagPack(app, { disabledRules: ['no-such-rule'] })).toThrow(/unknown rule id in disabledRules: no-such-rule/);
  });

  test('a disabled rule is not reported', () => {
    const { app } = identityApp();
    const names = new CognitoClientsNagPack(app, { disabledRules: [NEEDS_SECRET] }).validateScope(app).violations.map((v) => v.ruleName);
    expect(names.filter((n) => n.includes(NEEDS_SECRET))).toEqual([]);
    expect(names).toContain(`CognitoClients-${USER_SCOPES}[AllowedOAuthScopes[0]]`);
  });
});

describe('finding ids', () => {
  test.each([
    ['CallbackURLs[2]', 'CallbackURLs[2]'],
    ['TokenValidityUnits.AccessToken', 'TokenValidityUnits.AccessToken'],
    ['Odd Name]{x}', 'Odd_Name__x_'],
    ['Tab\tNew\nLine', 'Tab_New_Line'],
    ['', 'Properties'],
  ])('%j becomes %j', (property, id) => {
    expect(findingIdOf(property)).toBe(id);
  });

  test('every finding id is an acknowledgement id CDK accepts', () => {
    const app = new App();
    for (const property of ['Odd Name]{x}', 'A::B', 'X[(1]']) {
      expect(() => Validations.of(app).acknowledge({ id: `CognitoClients-r[${findingIdOf(property)}]`, reason: 'r' })).not.toThrow();
    }
  });
});

describe('entry point', () => {
  test('the package index never loads cdk-nag and does not export the pack', () => {
    jest.isolateModules(() => {
      jest.doMock('cdk-nag', () => {
        throw new Error('cdk-nag was loaded');
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const index = require('../../../src');
      expect(index.CognitoClientChecks).toBeDefined();
      expect(index.CognitoClientsNagPack).toBeUndefined();
      // The nag entry point is the one that needs it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      expect(() => require('../../../src/compliance/nag')).toThrow('cdk-nag was loaded');
      jest.dontMock('cdk-nag');
    });
  });
});
