import * as fs from 'fs';
import * as path from 'path';
import { NestedStack, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CognitoStack, pluginReport, SCOPES_RULE, SECRET_RULE, synthError, testApp, validationReport, violationKeys } from './apps';
import { CognitoClientChecks, CognitoClientLinter, Severity } from '../../src';

// CDK prints passing reports that still contain warnings to stderr.
beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

function appWithPlugin(props: ConstructorParameters<typeof CognitoClientChecks>[0] = {}, compliantOnly = false) {
  const app = testApp();
  Validations.of(app).addPlugins(new CognitoClientChecks(props));
  const stack = new CognitoStack(app, 'Stack', { compliantOnly });
  return { app, stack };
}

describe('CognitoClientChecks', () => {
  test('names itself, reports the package version and the rule ids it evaluates', () => {
    const plugin = new CognitoClientChecks({ disabledRules: [SCOPES_RULE] });
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf-8'));
    expect(plugin.name).toBe('cdk-cognito-clients');
    expect(plugin.version).toBe(manifest.version);
    expect(plugin.ruleIds).toContain(SECRET_RULE);
    expect(plugin.ruleIds).not.toContain(SCOPES_RULE);
    expect(plugin.ruleIds).toContain('acknowledgement-needs-reason');
    expect(plugin.ruleIds!.length).toBe(CognitoClientLinter.rules().length); // all rules - 1 disabled + the acknowledgement rule
  });

  test('fails app.synth() on deploy errors, on exactly the violating constructs and logical ids', () => {
    // GIVEN an L2 client_credentials client without secret and an L1 client with an undefined scope
    const { app, stack } = appWithPlugin();
    // WHEN
    const error = synthError(app);
    // THEN
    expect(error?.message).toMatch(/client_credentials flow/);
    expect(error?.message).toContain("Acknowledge with 'cdk-cognito-clients::client-credentials-requires-secret'");
    const report = pluginReport(app);
    expect(report.conclusion).toBe('failure');
    expect(violationKeys(report.violations)).toEqual([
      `${SECRET_RULE} @ Stack/Pool/UnsafeM2M/Resource (${stack.logicalIdOf(stack.unsafeM2M)})`,
      `${SCOPES_RULE} @ Stack/BadScopeL1 (${stack.logicalIdOf(stack.badScopeL1)})`,
    ]);
  });

  test('each violation carries message, fix with link, severity, template path and property location', () => {
    const { app, stack } = appWithPlugin();
    synthError(app);
    const violation = pluginReport(app).violations.find((v: any) => v.ruleName === SECRET_RULE);
    expect(violation).toMatchObject({
      severity: 'error',
      description: expect.stringMatching(/^Property GenerateSecret is not set, but .* Fix: set GenerateSecret to true/),
      suggestedFix: expect.stringMatching(/^set GenerateSecret to true.* See https:\/\/docs\.aws\.amazon\.com\//),
      ruleMetadata: { ruleSeverity: 'error', property: 'GenerateSecret' },
    });
    expect(violation.violatingConstructs).toEqual([expect.objectContaining({
      constructPath: 'Stack/Pool/UnsafeM2M/Resource',
      cloudFormationResource: { templatePath: 'Stack.template.json', logicalId: stack.logicalIdOf(stack.unsafeM2M), propertyPaths: ['Properties.GenerateSecret'] },
    })]);
    const scopes = pluginReport(app).violations.find((v: any) => v.ruleName === SCOPES_RULE);
    expect(scopes.violatingConstructs[0].cloudFormationResource.propertyPaths).toEqual(['Properties.AllowedOAuthScopes[0]']);
  });

  test('does not fail app.synth() when only compliant clients exist', () => {
    const { app } = appWithPlugin({}, true);
    expect(synthError(app)).toBeUndefined();
    const report = fs.existsSync(path.join(app.outdir, 'validation-report.json')) ? pluginReport(app) : undefined;
    expect(violationKeys(report?.violations)).toEqual([]);
    // Warnings of other rules may be reported, but never as failures.
    expect(report?.conclusion ?? 'success').toBe('success');
  });

  test('maps overridden logical ids back to their construct', () => {
    const { app, stack } = appWithPlugin();
    stack.badScopeL1.overrideLogicalId('LegacyClientName');
    synthError(app);
    expect(violationKeys(pluginReport(app).violations, [SCOPES_RULE])).toEqual([`${SCOPES_RULE} @ Stack/BadScopeL1 (LegacyClientName)`]);
  });

  test('disabledRules turns rules off', () => {
    const { app } = appWithPlugin({ disabledRules: [SECRET_RULE, SCOPES_RULE] });
    expect(synthError(app)).toBeUndefined();
  });

  test('finds violations in stacks of nested stages, with the stage in the construct path', () => {
    const app = testApp();
    Validations.of(app).addPlugins(new CognitoClientChecks());
    const stack = new CognitoStack(new Stage(app, 'Prod'), 'Stack');
    expect(synthError(app)?.message).toContain('Prod/Stack/Pool/UnsafeM2M/Resource');
    expect(violationKeys(pluginReport(app).violations, [SECRET_RULE])).toEqual([
      `${SECRET_RULE} @ Prod/Stack/Pool/UnsafeM2M/Resource (${stack.logicalIdOf(stack.unsafeM2M)})`,
    ]);
  });

  test('also checks the templates of nested stacks', () => {
    const app = testApp();
    Validations.of(app).addPlugins(new CognitoClientChecks());
    const parent = new Stack(app, 'Parent', { env: { region: 'eu-west-1' } });
    const nested = new NestedStack(parent, 'Auth');
    const pool = new cognito.UserPool(nested, 'Pool');
    pool.addClient('M2M', { oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.custom('api/read')] } });
    expect(synthError(app)).toBeDefined();
    const violation = pluginReport(app).violations.find((v: any) => v.ruleName === SECRET_RULE);
    expect(violation.violatingConstructs).toEqual([expect.objectContaining({
      constructPath: 'Parent/Auth/Pool/M2M/Resource',
      cloudFormationResource: expect.objectContaining({ templatePath: nested.templateFile }),
    })]);
  });

  test('the legacy policy-validation-report.json carries the same violations when asked for', () => {
    const app = testApp({ context: { '@aws-cdk/core:validationReportJson': true } });
    Validations.of(app).addPlugins(new CognitoClientChecks());
    const stack = new CognitoStack(app, 'Stack');
    synthError(app);
    const legacy = JSON.parse(fs.readFileSync(path.join(app.outdir, 'policy-validation-report.json'), 'utf-8'));
    const ours = legacy.pluginReports.find((r: any) => r.summary.pluginName === 'cdk-cognito-clients');
    expect(ours.summary.status).toBe('failure');
    expect(ours.violations.filter((v: any) => v.ruleName === SECRET_RULE).map((v: any) => v.violatingConstructs[0].resourceLogicalId))
      .toEqual([stack.logicalIdOf(stack.unsafeM2M)]);
  });

  test("passes each stack's region to the engine", () => {
    const lint = jest.spyOn(CognitoClientLinter, 'lintTemplate');
    const app = testApp();
    Validations.of(app).addPlugins(new CognitoClientChecks());
    new CognitoStack(app, 'Tokyo', { env: { region: 'ap-northeast-1' }, compliantOnly: true });
    new CognitoStack(app, 'Agnostic', { compliantOnly: true });
    app.synth();
    const regions = lint.mock.calls.map(([, options]) => options?.region);
    expect(regions.sort()).toEqual(['ap-northeast-1', undefined]);
  });

  describe('failOn and warningsAsErrors', () => {
    /** Adds a synthetic warning on the SafeL1 client to whatever the engine finds. */
    function withWarningOnSafeL1() {
      const original = CognitoClientLinter.lintTemplate.bind(CognitoClientLinter);
      jest.spyOn(CognitoClientLinter, 'lintTemplate').mockImplementation((template, options) => {
        const safe = Object.keys(template.Resources).find((id) => id.startsWith('SafeL1'))!;
        return [
          ...original(template, options).filter((f) => f.severity === Severity.ERROR),
          { ruleId: 'client-test-warning', severity: Severity.WARNING, logicalId: safe, property: 'ClientName', message: 'Property ClientName: no value is not allowed because test. Fix: test.', docUrl: 'https://example.com/doc' },
        ];
      });
    }

    test('warnings are reported but do not fail by default', () => {
      withWarningOnSafeL1();
      const { app } = appWithPlugin({}, true);
      expect(synthError(app)).toBeUndefined();
      const report = pluginReport(app);
      expect(report.conclusion).toBe('success');
      expect(report.violations).toEqual([expect.objectContaining({ ruleName: 'client-test-warning', severity: 'warning' })]);
    });

    test.each([
      ['warningsAsErrors', { warningsAsErrors: true }],
      ['failOn: WARNING', { failOn: Severity.WARNING }],
    ])('%s fails on warnings, reported as errors', (_name, props) => {
      withWarningOnSafeL1();
      const { app } = appWithPlugin(props, true);
      expect(synthError(app)?.message).toContain('Property ClientName');
      const report = pluginReport(app);
      expect(report.conclusion).toBe('failure');
      expect(report.violations).toEqual([expect.objectContaining({
        ruleName: 'client-test-warning', severity: 'error', ruleMetadata: expect.objectContaining({ ruleSeverity: 'warning', failOn: 'warning' }),
      })]);
    });

    test('warningsAsErrors still fails after CDK applies an acknowledgement of another finding', () => {
      // CDK recomputes success from severities once it suppresses something: failing warnings must say "error".
      withWarningOnSafeL1();
      const { app, stack } = appWithPlugin({ warningsAsErrors: true });
      Validations.of(stack).acknowledge(
        { id: `cdk-cognito-clients::${SECRET_RULE}`, reason: 'migrating' },
        { id: `cdk-cognito-clients::${SCOPES_RULE}`, reason: 'migrating' },
      );
      expect(synthError(app)?.message).toContain('Property ClientName');
      expect(pluginReport(app).suppressedViolations).toHaveLength(2);
    });

    test('rejects an unknown failOn', () => {
      expect(() => new CognitoClientChecks({ failOn: 'fatal' as Severity })).toThrow(/failOn must be one of/);
    });
  });
});
