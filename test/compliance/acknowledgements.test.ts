import { Validations } from 'aws-cdk-lib';
import { CognitoStack, pluginReport, SCOPES_RULE, SECRET_RULE, synthError, testApp, violationKeys } from './apps';
import { CognitoClientChecks } from '../../src';

// CDK prints passing reports that still contain warnings to stderr.
beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

function appWithPlugin() {
  const app = testApp();
  Validations.of(app).addPlugins(new CognitoClientChecks());
  const stack = new CognitoStack(app, 'Stack');
  return { app, stack };
}

describe('acknowledgements in the validation plugin', () => {
  test('the id CDK prints (cdk-cognito-clients::<rule-id>) on an ancestor: CDK suppresses it and keeps the reason', () => {
    // GIVEN both errors acknowledged on the stack
    const { app, stack } = appWithPlugin();
    Validations.of(stack).acknowledge(
      { id: `cdk-cognito-clients::${SECRET_RULE}`, reason: 'secret added in the next release' },
      { id: `cdk-cognito-clients::${SCOPES_RULE}`, reason: 'scope created by another stack' },
    );
    // WHEN / THEN synthesis passes
    expect(synthError(app)).toBeUndefined();
    const report = pluginReport(app);
    expect(violationKeys(report.violations)).toEqual([]);
    // THEN the findings stay in the report as suppressed, with their reason and where they were acknowledged
    expect(violationKeys(report.suppressedViolations)).toEqual([
      `${SECRET_RULE} @ Stack/Pool/UnsafeM2M/Resource (${stack.logicalIdOf(stack.unsafeM2M)})`,
      `${SCOPES_RULE} @ Stack/BadScopeL1 (${stack.logicalIdOf(stack.badScopeL1)})`,
    ]);
    expect(report.suppressedViolations.find((v: any) => v.ruleName === SECRET_RULE)).toMatchObject({
      acknowledgedId: `cdk-cognito-clients::${SECRET_RULE}`,
      reason: 'secret added in the next release',
      acknowledgedAt: 'Stack',
    });
  });

  test('the bare rule id on the violating L2 construct: the plugin applies it and reports the finding as info with its reason', () => {
    const { app, stack } = appWithPlugin();
    Validations.of(stack.unsafeM2M).acknowledge({ id: SECRET_RULE, reason: 'legacy partner integration' });
    Validations.of(stack.badScopeL1).acknowledge({ id: SCOPES_RULE, reason: 'scope created out of band' });

    expect(synthError(app)).toBeUndefined();
    const report = pluginReport(app);
    expect(report.conclusion).toBe('success');
    const acknowledged = report.violations.find((v: any) => v.ruleName === SECRET_RULE);
    expect(acknowledged).toMatchObject({
      severity: 'info',
      description: expect.stringMatching(/^Acknowledged on Stack\/Pool\/UnsafeM2M \("legacy partner integration"\): Property GenerateSecret/),
      ruleMetadata: expect.objectContaining({
        acknowledgedId: `Annotation::${SECRET_RULE}`,
        acknowledgedAt: 'Stack/Pool/UnsafeM2M',
        reason: 'legacy partner integration',
        ruleSeverity: 'error',
      }),
    });
    expect(acknowledged.violatingConstructs[0].constructPath).toBe('Stack/Pool/UnsafeM2M/Resource');
    expect(report.metadata).toMatchObject({ acknowledged: '2' });
  });

  test('an acknowledgement on the App covers every stack', () => {
    const { app } = appWithPlugin();
    Validations.of(app).acknowledge({ id: SECRET_RULE, reason: 'r1' }, { id: SCOPES_RULE, reason: 'r2' });
    expect(synthError(app)).toBeUndefined();
    expect(pluginReport(app).violations.filter((v: any) => v.severity !== 'info' && [SECRET_RULE, SCOPES_RULE].includes(v.ruleName))).toEqual([]);
  });

  test('an acknowledgement only covers its rule and its subtree', () => {
    const { app, stack } = appWithPlugin();
    // the wrong rule on the right construct, and the right rule on a sibling
    Validations.of(stack.unsafeM2M).acknowledge({ id: SCOPES_RULE, reason: 'wrong rule' });
    Validations.of(stack.safeM2M).acknowledge({ id: SECRET_RULE, reason: 'wrong construct' });
    expect(synthError(app)).toBeDefined();
    const active = pluginReport(app).violations.filter((v: any) => v.severity === 'error');
    expect(violationKeys(active)).toEqual([
      `${SECRET_RULE} @ Stack/Pool/UnsafeM2M/Resource (${stack.logicalIdOf(stack.unsafeM2M)})`,
      `${SCOPES_RULE} @ Stack/BadScopeL1 (${stack.logicalIdOf(stack.badScopeL1)})`,
    ]);
  });

  test.each([
    ['bare id, empty reason', SECRET_RULE, ''],
    ['bare id, blank reason', SECRET_RULE, '   '],
    ['namespaced id, blank reason', `cdk-cognito-clients::${SECRET_RULE}`, ' \n '],
    ['bare id, no reason at all (JavaScript callers)', SECRET_RULE, undefined as unknown as string],
  ])('%s: refused with a fatal acknowledgement-needs-reason, and the finding stays active', (_name, id, reason) => {
    // GIVEN the only other error acknowledged properly
    const { app, stack } = appWithPlugin();
    Validations.of(stack.badScopeL1).acknowledge({ id: SCOPES_RULE, reason: 'fine' });
    Validations.of(stack.unsafeM2M).acknowledge({ id, reason });
    // WHEN
    const error = synthError(app);
    // THEN synthesis fails and says why
    expect(error?.message).toMatch(/Acknowledgement '.*client-credentials-requires-secret' on Stack\/Pool\/UnsafeM2M is refused because its reason is empty/);
    const report = pluginReport(app);
    expect(report.conclusion).toBe('failure');
    expect(report.violations).toContainEqual(expect.objectContaining({
      ruleName: 'acknowledgement-needs-reason',
      severity: 'fatal',
      violatingConstructs: [expect.objectContaining({ constructPath: 'Stack/Pool/UnsafeM2M' })],
    }));
    // THEN the finding is neither acknowledged nor suppressed
    const finding = report.violations.find((v: any) => v.ruleName === SECRET_RULE);
    expect(['error', 'fatal']).toContain(finding.severity);
    expect(violationKeys(report.suppressedViolations, [SECRET_RULE])).toEqual([]);
  });

  test('the refusal itself cannot be acknowledged away', () => {
    const { app, stack } = appWithPlugin();
    Validations.of(stack.badScopeL1).acknowledge({ id: SCOPES_RULE, reason: 'fine' });
    Validations.of(stack.unsafeM2M).acknowledge({ id: SECRET_RULE, reason: '' });
    Validations.of(app).acknowledge({ id: 'cdk-cognito-clients::acknowledgement-needs-reason', reason: 'trying to hide it' });
    expect(synthError(app)?.message).toContain('acknowledgement-needs-reason');
  });

  test('blank acknowledgements of rules that are not ours are left alone', () => {
    const { app, stack } = appWithPlugin();
    Validations.of(stack).acknowledge(
      { id: SECRET_RULE, reason: 'ok' }, { id: SCOPES_RULE, reason: 'ok' },
      { id: 'some-other-tool::rule', reason: '' },
    );
    expect(synthError(app)).toBeUndefined();
  });
});
