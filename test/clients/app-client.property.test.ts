import { App, Duration, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as fc from 'fast-check';
import { AppClient, AppClientProps, CognitoClientLinter } from '../../src';

// Property-based: random AppClient props either fail synthesis with messages that each name a rule, or synthesize
// a client that the linter finds no error in. The rule ids of a failed synth are exactly the linter's error rule
// ids on the same template (constructs and CLI agree).

// Valid choices are weighted up so that accepted configurations are common too (the test asserts both outcomes).
const GOOD_URLS = [
  'https://app.example.com/cb', 'https://app.example.com/cb?x=1', 'http://localhost:3000/cb', 'http://127.0.0.1/cb',
  'http://[::1]:8080/', 'myapp://callback',
];
const BAD_URLS = [
  'http://app.example.com/cb', 'https://app.example.com/cb#frag', 'javascript:alert(1)', 'not a url',
  `https://app.example.com/${'x'.repeat(1030)}`,
];
const URLS = [...GOOD_URLS, ...BAD_URLS];
const url = () => fc.oneof({ arbitrary: fc.constantFrom(...GOOD_URLS), weight: 6 }, { arbitrary: fc.constantFrom(...BAD_URLS), weight: 1 });
const SCOPES = [
  cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PHONE, cognito.OAuthScope.PROFILE,
  cognito.OAuthScope.COGNITO_ADMIN, cognito.OAuthScope.custom('api/read'), cognito.OAuthScope.custom('api/nope'),
  cognito.OAuthScope.custom('bad scope'),
];
/** Mostly within [okMin, okMax], sometimes anywhere in [min, max]. */
const minutes = (min: number, max: number, okMin = min, okMax = max) => fc.oneof(
  { arbitrary: fc.integer({ min: okMin, max: okMax }), weight: 4 },
  { arbitrary: fc.integer({ min, max }), weight: 1 },
).map((m) => Duration.minutes(m));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

const propsArb = fc.record({
  generateSecret: optional(fc.boolean()),
  authFlows: optional(fc.record({
    userSrp: optional(fc.boolean()),
    userPassword: optional(fc.boolean()),
    custom: optional(fc.boolean()),
    adminUserPassword: optional(fc.boolean()),
    user: optional(fc.boolean()),
  })),
  oAuth: optional(fc.record({
    flows: optional(fc.record({
      authorizationCodeGrant: optional(fc.boolean()), implicitCodeGrant: optional(fc.boolean()), clientCredentials: optional(fc.boolean()),
    })),
    scopes: optional(fc.subarray(SCOPES)),
    callbackUrls: optional(fc.uniqueArray(url(), { maxLength: 4 })),
    logoutUrls: optional(fc.uniqueArray(url(), { maxLength: 3 })),
    defaultRedirectUri: optional(fc.constantFrom(...URLS)),
  })),
  readAttributes: optional(fc.subarray(['email', 'email_verified', 'name'])),
  writeAttributes: optional(fc.subarray(['email', 'email_verified', 'name', 'phone_number_verified'])),
  accessTokenValidity: optional(minutes(1, 2000, 5, 60)),
  idTokenValidity: optional(minutes(1, 2000, 5, 60)),
  refreshTokenValidity: optional(minutes(30, 200_000, 1440, 200_000)),
  authSessionValidity: optional(minutes(1, 20, 3, 15)),
  refreshTokenRotationGracePeriod: optional(fc.integer({ min: 0, max: 90 }).map((s) => Duration.seconds(s))),
  preventUserExistenceErrors: optional(fc.boolean()),
  enableTokenRevocation: optional(fc.boolean()),
  enablePropagateAdditionalUserContextData: optional(fc.boolean()),
});

type RandomProps = typeof propsArb extends fc.Arbitrary<infer T> ? T : never;

function build(random: RandomProps) {
  const app = new App();
  const stack = new Stack(app, 'Stack', { env: { region: 'us-east-1' } });
  const userPool = new cognito.UserPool(stack, 'Pool');
  userPool.addResourceServer('Api', { identifier: 'api', scopes: [new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'r' })] });
  const attributes = (names?: string[]) => names && new cognito.ClientAttributes().withStandardAttributes(
    Object.fromEntries(names.map((n) => [n.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase()), true])));
  const props: AppClientProps = {
    ...random,
    userPool,
    readAttributes: attributes(random.readAttributes),
    writeAttributes: attributes(random.writeAttributes),
  };
  new AppClient(stack, 'Client', props);
  return { app, stack };
}

const RULE_REF = /\(([a-z0-9-]+), https?:\/\/\S+\)$/;

test('random AppClient props: a named-rule synth error or a lint-clean client, and the two doors agree', () => {
  const outcomes = { rejected: 0, accepted: 0 };
  fc.assert(fc.property(propsArb, (random) => {
    // The verdict of the linter on the template as synthesized without validation.
    const template = build(random).app.synth({ skipValidation: true }).getStackByName('Stack').template;
    const lintErrors = CognitoClientLinter.lintTemplate(template, { region: 'us-east-1' })
      .filter((f) => f.severity === 'error').map((f) => f.ruleId);

    // The verdict of the construct at synth time.
    const { app } = build(random);
    let synthErrors: string[] = [];
    try {
      app.synth();
    } catch (e) {
      expect(e).not.toBeInstanceOf(TypeError);
      const lines = (e as Error).message.split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
      synthErrors = lines.map((line) => {
        const match = RULE_REF.exec(line);
        if (!match) throw new Error(`synth error without a rule id: ${line}`);
        return match[1];
      });
    }
    expect([...new Set(synthErrors)].sort()).toEqual([...new Set(lintErrors)].sort());
    outcomes[synthErrors.length ? 'rejected' : 'accepted']++;
  }), { numRuns: Number(process.env.FC_NUM_RUNS ?? 150), seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined });
  if (process.env.FC_REPORT) console.log(outcomes);
  // Both outcomes must occur, or the generator is not exercising the property.
  expect(outcomes.rejected).toBeGreaterThan(0);
  expect(outcomes.accepted).toBeGreaterThan(0);
});
