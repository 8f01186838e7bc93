import { Annotations, App, Aspects, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AppClient, CognitoClientAspect } from '../../src';
import { synthAnnotations } from '../../src/private/synth-annotations';

// The findings this library reports while the app synthesizes carry no stack trace: CDK would record where the
// annotation was added, which for them is always synthesis calling into the library. Everything else about the
// annotation is CDK's own.

const WRITE_ATTRIBUTES = 'client-write-attributes-unrestricted';

function appWithClient(): { app: App; stack: Stack; client: AppClient } {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  const pool = new cognito.UserPool(stack, 'Pool');
  // No WriteAttributes: one warning from the construct's validation.
  const client = new AppClient(stack, 'Client', { userPool: pool, authFlows: { userSrp: true } });
  return { app, stack, client };
}

function reportedOn(app: App, path: string, types: string[] = ['aws:cdk:warning']) {
  const stack = app.synth({ force: true }).getStackByName('Stack');
  return types.flatMap((type) => stack.findMetadataByType(type)).filter((entry) => entry.path === path);
}

const savedSwitch = process.env.CDK_DISABLE_STACK_TRACE;
beforeEach(() => { delete process.env.CDK_DISABLE_STACK_TRACE; });
afterAll(() => {
  if (savedSwitch === undefined) delete process.env.CDK_DISABLE_STACK_TRACE;
  else process.env.CDK_DISABLE_STACK_TRACE = savedSwitch;
});

test('a construct\'s warning has no stack trace, while a warning the user adds in the same app keeps CDK\'s trace', () => {
  const { app, client } = appWithClient();
  Annotations.of(client).addWarningV2('user-warning', 'added by the app');
  const warnings = reportedOn(app, '/Stack/Client');
  const ours = warnings.find((entry) => String(entry.data).includes(`(${WRITE_ATTRIBUTES},`));
  const users = warnings.find((entry) => String(entry.data).startsWith('added by the app'));
  expect(ours?.data).toMatch(new RegExp(`\\[ack: ${WRITE_ATTRIBUTES}\\]$`));
  expect(ours?.trace).toBeUndefined();
  expect(users?.trace?.length).toBeGreaterThan(0);
  expect(process.env.CDK_DISABLE_STACK_TRACE).toBeUndefined();
});

test('the Aspect\'s warnings and errors have no stack trace either', () => {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  const pool = new cognito.UserPool(stack, 'Pool');
  // A plain-http callback is an error; the L2's defaults (implicit grant, no WriteAttributes) give warnings.
  new cognito.UserPoolClient(stack, 'Plain', { userPool: pool, oAuth: { callbackUrls: ['http://app.example.com/cb'] } });
  Aspects.of(app).add(new CognitoClientAspect());
  const reported = reportedOn(app, '/Stack/Plain/Resource', ['aws:cdk:warning', 'aws:cdk:error']);
  expect(reported.map((entry) => entry.type)).toEqual(expect.arrayContaining(['aws:cdk:warning', 'aws:cdk:error']));
  for (const entry of reported) expect(entry.trace).toBeUndefined();
});

test('CDK\'s acknowledgements still silence the warning', () => {
  const { app, client } = appWithClient();
  Annotations.of(client).acknowledgeWarning(WRITE_ATTRIBUTES, 'the pool has no custom attributes');
  expect(reportedOn(app, '/Stack/Client')).toEqual([]);
});

test('the library\'s own acknowledgement still silences the warning', () => {
  const { app, client } = appWithClient();
  Validations.of(client).acknowledge({ id: WRITE_ATTRIBUTES, reason: 'the pool has no custom attributes' });
  expect(reportedOn(app, '/Stack/Client')).toEqual([]);
});

test('the switch is restored to what it was, set or not', () => {
  const app = new App();
  synthAnnotations(app);
  expect(process.env.CDK_DISABLE_STACK_TRACE).toBeUndefined();
  process.env.CDK_DISABLE_STACK_TRACE = 'set-by-the-user';
  synthAnnotations(app);
  expect(process.env.CDK_DISABLE_STACK_TRACE).toBe('set-by-the-user');
});
