import { App, Duration, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as fc from 'fast-check';
import { CognitoClientLinter, M2MClient, M2MClientProps, PublicSpaClient, PublicSpaClientProps } from '../../src';

// Issue 8, constructs vs CLI: for random PublicSpaClient and M2MClient props, the verdict at synth time (the rule ids
// the synth error names) equals the linter's verdict on the same template synthesized without validation (its error
// rule ids). Same pattern as test/clients/app-client.property.test.ts. CONSTRUCT_RUNS raises the case count.

const RUNS = Number(process.env.CONSTRUCT_RUNS ?? 150);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const URLS = [
  'https://app.example.com/cb', 'http://localhost:3000/cb', 'http://127.0.0.1/cb', 'myapp://callback', 'http://app.example.com/cb',
  'https://app.example.com/cb#frag', 'javascript:alert(1)', 'data:text/html,x', 'not a url', 'https://app.example.com/a b',
  'https://app.example.com/\u2028', `https://app.example.com/${'x'.repeat(1030)}`, 'https://app.example.com/"onload="x',
];
const SPA_SCOPES = [
  cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE, cognito.OAuthScope.PHONE,
  cognito.OAuthScope.COGNITO_ADMIN, cognito.OAuthScope.custom('api/read'), cognito.OAuthScope.custom('api/nope'),
  cognito.OAuthScope.custom('bad scope'),
];
const M2M_SCOPES = [
  cognito.OAuthScope.custom('api/read'), cognito.OAuthScope.custom('api/nope'), cognito.OAuthScope.custom('bad scope'),
  cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.COGNITO_ADMIN,
];
const NAMES = ['web', 'name with spaces', 'ünïcödé', 'a\nb', '', 'x'.repeat(129), 'quote"d', '<script>'];
const minutes = (min: number, max: number) => fc.integer({ min, max }).map((m) => Duration.minutes(m));
// Absent half of the time, so that lint-clean clients occur too.
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 1 });

const spaPropsArb = fc.record({
  callbackUrls: fc.oneof(fc.constant(['https://app.example.com/cb']), fc.subarray(URLS)),
  logoutUrls: optional(fc.subarray(URLS)),
  defaultRedirectUri: optional(fc.constantFrom(...URLS)),
  scopes: optional(fc.subarray(SPA_SCOPES, { minLength: 1 })),
  allowAdminScope: optional(fc.boolean()),
  userPoolClientName: optional(fc.constantFrom(...NAMES)),
  accessTokenValidity: optional(minutes(1, 2000)),
  idTokenValidity: optional(minutes(1, 2000)),
  refreshTokenValidity: optional(minutes(30, 200_000)),
  refreshTokenRotationGracePeriod: optional(fc.integer({ min: 0, max: 90 }).map((s) => Duration.seconds(s))),
});

const m2mPropsArb = fc.record({
  scopes: fc.oneof(fc.constant([M2M_SCOPES[0]]), fc.subarray(M2M_SCOPES)),
  accessTokenValidity: optional(minutes(1, 2000)),
  userPoolClientName: optional(fc.constantFrom(...NAMES)),
});

type SpaProps = typeof spaPropsArb extends fc.Arbitrary<infer T> ? T : never;
type M2MProps = typeof m2mPropsArb extends fc.Arbitrary<infer T> ? T : never;

function poolStack() {
  const app = new App();
  const stack = new Stack(app, 'Stack', { env: { region: 'us-east-1' } });
  const userPool = new cognito.UserPool(stack, 'Pool');
  userPool.addResourceServer('Api', { identifier: 'api', scopes: [new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'r' })] });
  return { app, stack, userPool };
}

const RULE_REF = /\(([a-z0-9-]+), https?:\/\/\S+\)$/;

/** The linter's error rule ids on the unvalidated template, and the rule ids a validated synth fails with. */
function verdicts(build: (stack: Stack, userPool: cognito.IUserPool) => void): { lint: string[]; synth: string[] } {
  const unvalidated = poolStack();
  build(unvalidated.stack, unvalidated.userPool);
  const template = unvalidated.app.synth({ skipValidation: true }).getStackByName('Stack').template;
  const lint = CognitoClientLinter.lintTemplate(template, { region: 'us-east-1' }).filter((f) => f.severity === 'error').map((f) => f.ruleId);

  const validated = poolStack();
  build(validated.stack, validated.userPool);
  let synth: string[] = [];
  try {
    validated.app.synth();
  } catch (e) {
    expect(e).not.toBeInstanceOf(TypeError);
    // Each line after the first names one finding and ends with its rule id and link.
    const lines = (e as Error).message.split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
    synth = lines.map((line) => {
      const match = RULE_REF.exec(line);
      if (!match) throw new Error(`synth error line without a rule id: ${line}`);
      return match[1];
    });
  }
  return { lint: [...new Set(lint)].sort(), synth: [...new Set(synth)].sort() };
}

test.each([
  ['PublicSpaClient', spaPropsArb, (props: SpaProps) => (stack: Stack, userPool: cognito.IUserPool) => {
    new PublicSpaClient(stack, 'Client', { ...props, userPool } as PublicSpaClientProps);
  }],
  ['M2MClient', m2mPropsArb, (props: M2MProps) => (stack: Stack, userPool: cognito.IUserPool) => {
    new M2MClient(stack, 'Client', { ...props, userPool } as M2MClientProps);
  }],
] as Array<[string, fc.Arbitrary<any>, (props: any) => (stack: Stack, userPool: cognito.IUserPool) => void]>)(
  'random %s props: the synth-time verdict and the linter agree',
  (_name, propsArb, builder) => {
    const outcomes = { rejected: 0, accepted: 0 };
    fc.assert(fc.property(propsArb, (props) => {
      // No construct refuses anything at construction: every verdict comes from the engine.
      const result = verdicts(builder(props));
      expect(result.synth).toEqual(result.lint);
      outcomes[result.synth.length ? 'rejected' : 'accepted']++;
    }), { numRuns: RUNS, seed: SEED });
    // Both outcomes must occur, or the generator is not exercising the property.
    if (process.env.FC_REPORT) console.log(outcomes);
    expect(outcomes.rejected).toBeGreaterThan(0);
    expect(outcomes.accepted).toBeGreaterThan(0);
  },
);
