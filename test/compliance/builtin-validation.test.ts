import { Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CognitoStack, pluginReport, SECRET_RULE, synthError, testApp, validationReport, violationKeys } from './apps';
import { CognitoClientChecks } from '../../src';

// This is the one test that runs aws-cdk-lib's built-in CloudFormation validation (test/setup-env.ts turns it off).
const saved = process.env.CDK_VALIDATION;
beforeAll(() => {
  process.env.CDK_VALIDATION = 'true';
});
afterAll(() => {
  process.env.CDK_VALIDATION = saved;
});
beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

test('the plugin reports next to the built-in CloudFormation validation, in the same report', () => {
  // GIVEN an app with the built-in validation on and our plugin
  const app = testApp({ builtinCloudFormationValidation: true });
  Validations.of(app).addPlugins(new CognitoClientChecks());
  const stack = new CognitoStack(app, 'Stack');
  // and an L1 value the CloudFormation schema rejects (AccessTokenValidity minimum is 1)
  new cognito.CfnUserPoolClient(stack, 'SchemaBreaker', { userPoolId: stack.pool.userPoolId, accessTokenValidity: 0 });

  // WHEN
  const error = synthError(app);

  // THEN our errors fail the synthesis
  expect(error?.message).toContain("Acknowledge with 'cdk-cognito-clients::client-credentials-requires-secret'");
  expect(violationKeys(pluginReport(app).violations, [SECRET_RULE])).toEqual([
    `${SECRET_RULE} @ Stack/Pool/UnsafeM2M/Resource (${stack.logicalIdOf(stack.unsafeM2M)})`,
  ]);
  // THEN the built-in validator ran too, flagged the schema error (as a warning by default) and has its own report
  const builtin = validationReport(app).pluginReports.filter((r: any) => r.pluginName !== 'cdk-cognito-clients');
  expect(builtin).toHaveLength(1);
  expect(builtin[0].violations.flatMap((v: any) => v.violatingConstructs.map((c: any) => c.constructPath))).toContain('Stack/SchemaBreaker');
});
