/**
 * Fuzz properties of the rule engine, shared by the CI test (engine.fuzz.test.ts, a few thousand cases) and the long
 * run (fuzz-long.ts, FUZZ_RUNS cases each). Plain functions that throw on failure, so they run with or without jest.
 */
import { deepStrictEqual } from 'assert';
import * as fc from 'fast-check';
import { CognitoClientLinter, Finding } from '../../src';

const CLIENT = 'AWS::Cognito::UserPoolClient';
const DOMAIN = 'AWS::Cognito::UserPoolDomain';
const RESOURCE_SERVER = 'AWS::Cognito::UserPoolResourceServer';
const POOL = 'AWS::Cognito::UserPool';

/** Literal strings that matter to some rule, valid and not. */
const STRINGS = [
  '', ' ', 'x', 'COGNITO', 'Google', 'openid', 'email', 'profile', 'phone', 'aws.cognito.signin.user.admin', 'api/read',
  'api/nope', 'bad scope', 'code', 'implicit', 'client_credentials', 'token', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH', 'ENABLED', 'LEGACY', 'minutes', 'hours', 'days', 'seconds',
  'https://app.example.com/cb', 'http://localhost:3000/cb', 'http://app.example.com/cb', 'https://app.example.com/cb#f',
  'myapp://callback', 'javascript:alert(1)', 'not a url', 'email_verified', 'custom:role', 'api', 'read', 'my-prefix',
  'aws-prefix', 'auth.example.com', 'arn:aws:acm:us-east-1:123456789012:certificate/abc', 'ESSENTIALS', 'LITE', 'PLUS',
  'valueOf', 'toString', '__proto__', 'constructor',
  'true', 'false', '60', '-1', 'ROTATE', 'ENABLED_FOR_EVERYONE', 'us-east-1_AbCdEf123', 'x'.repeat(300),
];

const literalString = fc.oneof(fc.constantFrom(...STRINGS), fc.string({ maxLength: 12 }), fc.webUrl());
const scalar = fc.oneof(
  { weight: 6, arbitrary: literalString },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 100_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 5, 60, 3650, 86_400, 1.5, -0.5, 1e21) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** Logical ids intrinsics may name: the generated pools and resources, and names the template never defines. */
const REF_TARGETS = ['Pool', 'OtherPool', 'Api', 'Client0', 'Domain0', 'SomeParameter', 'AWS::Region', 'AWS::NoValue', 'AWS::StackName'];

/** Intrinsic functions around `inner` values, known and unknown ones, well- and ill-formed. */
function intrinsic(inner: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...REF_TARGETS).map((Ref) => ({ Ref })),
    fc.tuple(fc.constantFrom(...REF_TARGETS), fc.constantFrom('Arn', 'UserPoolId', 'ProviderName'))
      .map(([target, attribute]) => ({ 'Fn::GetAtt': [target, attribute] })),
    fc.constantFrom('Pool.Arn', 'Api.Identifier', 'x').map((path) => ({ 'Fn::GetAtt': path })),
    fc.constantFrom('https://${Domain}/cb', 'https://app.example.com/${AWS::Region}', 'plain-text', '${!Literal}', '${Api}/read', '${Pool.Arn}')
      .map((text) => ({ 'Fn::Sub': text })),
    fc.tuple(fc.constantFrom('https://${Host}/cb', '${X}'), inner).map(([text, host]) => ({ 'Fn::Sub': [text, { Host: host, X: host }] })),
    fc.tuple(fc.constantFrom('', '/', '-', ','), fc.array(inner, { maxLength: 3 })).map(([sep, parts]) => ({ 'Fn::Join': [sep, parts] })),
    fc.tuple(inner, inner).map(([a, b]) => ({ 'Fn::If': ['IsProd', a, b] })),
    fc.constantFrom('shared-pool-id', 'x').map((name) => ({ 'Fn::ImportValue': name })),
    fc.tuple(fc.integer({ min: -1, max: 3 }), fc.array(inner, { maxLength: 3 })).map(([i, list]) => ({ 'Fn::Select': [i, list] })),
    inner.map((arg) => ({ 'Fn::Foo': arg })),
    fc.constant({ Ref: 'AWS::NoValue' }),
    // Ill-formed: wrong argument types and more than one key.
    inner.map((arg) => ({ 'Fn::Join': arg })),
    inner.map((arg) => ({ Ref: arg })),
    inner.map((arg) => ({ 'Ref': 'Pool', 'Fn::GetAtt': arg })),
  );
}

/** Any JSON value at any depth: scalars, lists, objects and intrinsics mixed. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: scalar },
    { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('a', 'Name', 'ScopeName', 'AccessToken', 'Feature', 'Fn::Sub'), tie('value'), { maxKeys: 3 }) },
    { weight: 2, arbitrary: intrinsic(tie('value')) },
  ),
})).value;

/** A value of the right kind for most properties: strings and lists of strings, some intrinsics, some garbage. */
const stringish = fc.oneof(
  { weight: 6, arbitrary: literalString },
  { weight: 2, arbitrary: intrinsic(literalString) },
  { weight: 1, arbitrary: anyValue },
);
const stringList = fc.oneof(
  { weight: 6, arbitrary: fc.array(stringish, { maxLength: 4 }) },
  { weight: 1, arbitrary: intrinsic(literalString) },
  { weight: 1, arbitrary: anyValue },
);
const integerish = fc.oneof(fc.integer({ min: -10, max: 400_000 }), fc.constantFrom('60', 'x', 5.5), intrinsic(literalString), anyValue);
const booleanish = fc.oneof(fc.boolean(), fc.constantFrom('true', 'False', 'yes', 1), intrinsic(literalString), anyValue);

const poolRef = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ Ref: 'Pool' }) },
  { weight: 2, arbitrary: fc.constant({ 'Fn::GetAtt': ['Pool', 'UserPoolId'] }) },
  { weight: 1, arbitrary: fc.constant({ Ref: 'OtherPool' }) },
  { weight: 1, arbitrary: fc.constantFrom('us-east-1_AbCdEf123', { 'Fn::ImportValue': 'shared-pool-id' }, { Ref: 'SomeParameter' }) },
  { weight: 1, arbitrary: anyValue },
);

/** Properties of a type: any subset of its real names with plausible or hostile values, plus misspelt names. */
function propertiesOf(type: string, shape: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  REAL_NAMES.set(type, new Set(Object.keys(shape)));
  return fc.record(
    { ...shape, Unknwon: anyValue, clientName: stringish },
    { requiredKeys: [] },
  ).map((props) => props as Record<string, unknown>);
}

/** Property names CloudFormation knows per type, from the shapes below (the others are deliberate misspellings). */
const REAL_NAMES = new Map<string, ReadonlySet<string>>([['AWS::Cognito::UserPool', new Set(['UserPoolTier', 'Schema'])]]);

const clientProperties = propertiesOf(CLIENT, {
  UserPoolId: poolRef,
  ClientName: stringish,
  GenerateSecret: booleanish,
  AllowedOAuthFlowsUserPoolClient: booleanish,
  AllowedOAuthFlows: stringList,
  AllowedOAuthScopes: stringList,
  CallbackURLs: stringList,
  LogoutURLs: stringList,
  DefaultRedirectURI: stringish,
  SupportedIdentityProviders: stringList,
  ExplicitAuthFlows: stringList,
  ReadAttributes: stringList,
  WriteAttributes: stringList,
  AccessTokenValidity: integerish,
  IdTokenValidity: integerish,
  RefreshTokenValidity: integerish,
  AuthSessionValidity: integerish,
  TokenValidityUnits: fc.oneof(fc.record({ AccessToken: stringish, IdToken: stringish, RefreshToken: stringish }, { requiredKeys: [] }), anyValue),
  PreventUserExistenceErrors: stringish,
  EnableTokenRevocation: booleanish,
  EnablePropagateAdditionalUserContextData: booleanish,
  RefreshTokenRotation: fc.oneof(fc.record({ Feature: stringish, RetryGracePeriodSeconds: integerish }, { requiredKeys: [] }), anyValue),
  AnalyticsConfiguration: fc.oneof(
    fc.record({ ApplicationId: stringish, RoleArn: stringish, ExternalId: stringish, UserDataShared: booleanish }, { requiredKeys: [] }),
    anyValue,
  ),
});

const domainProperties = propertiesOf(DOMAIN, {
  UserPoolId: poolRef,
  Domain: stringish,
  CustomDomainConfig: fc.oneof(fc.record({ CertificateArn: stringish }, { requiredKeys: [] }), anyValue),
  ManagedLoginVersion: integerish,
});

const scope = fc.oneof(fc.record({ ScopeName: stringish, ScopeDescription: stringish }, { requiredKeys: [] }), anyValue);
const resourceServerProperties = propertiesOf(RESOURCE_SERVER, {
  UserPoolId: poolRef,
  Identifier: stringish,
  Name: stringish,
  Scopes: fc.oneof(fc.array(scope, { maxLength: 4 }), anyValue),
});

const poolProperties = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      UserPoolTier: stringish,
      Schema: fc.oneof(
        fc.array(fc.record({ Name: stringish, Required: booleanish, Mutable: booleanish }, { requiredKeys: [] }), { maxLength: 3 }),
        anyValue,
      ),
    }, { requiredKeys: [] }),
  },
  { weight: 1, arbitrary: anyValue },
);

/** One resource of `type` with the given properties; sometimes with odd DependsOn, Metadata or no Properties. */
function resource(type: string, properties: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record({
    Type: fc.constant(type),
    Properties: fc.oneof({ weight: 8, arbitrary: properties }, { weight: 1, arbitrary: anyValue }),
    DependsOn: fc.oneof(fc.constantFrom('Api', 'Domain0', ['Api', 'Pool']), anyValue),
    Metadata: fc.oneof(fc.constant({ 'cdk-cognito-clients:profile': 'public-spa' }), fc.constant({ 'cdk-cognito-clients:profile': 'm2m' }), anyValue),
  }, { requiredKeys: ['Type'] });
}

/** Garbage where a resource goes. */
const garbageResource = fc.oneof(
  fc.constant(null), fc.integer(), fc.array(anyValue, { maxLength: 2 }), fc.string(),
  fc.record({ Type: anyValue, Properties: anyValue }),
  fc.constant({ Type: CLIENT, Properties: null }), fc.constant({ Type: CLIENT, Properties: [] }),
  fc.constant({ Type: CLIENT, Properties: { 'Fn::If': ['C', {}, {}] } }), fc.constant({ Type: CLIENT }),
);

export type Resources = Record<string, unknown>;

/** The Cognito resources of a template (logical ids: Pool, OtherPool, Api, Client0.., Domain0.., Server0.., Junk0..). */
export const resourcesArb: fc.Arbitrary<Resources> = fc.record({
  pool: resource(POOL, poolProperties),
  otherPool: fc.option(resource(POOL, poolProperties), { nil: undefined }),
  api: fc.option(resource(RESOURCE_SERVER, resourceServerProperties), { nil: undefined }),
  clients: fc.array(resource(CLIENT, clientProperties), { minLength: 1, maxLength: 3 }),
  domains: fc.array(resource(DOMAIN, domainProperties), { maxLength: 2 }),
  servers: fc.array(resource(RESOURCE_SERVER, resourceServerProperties), { maxLength: 2 }),
  junk: fc.array(garbageResource, { maxLength: 2 }),
}).map(({ pool, otherPool, api, clients, domains, servers, junk }) => {
  const resources: Resources = { Pool: pool };
  if (otherPool) resources.OtherPool = otherPool;
  if (api) resources.Api = api;
  clients.forEach((r, i) => { resources[`Client${i}`] = r; });
  domains.forEach((r, i) => { resources[`Domain${i}`] = r; });
  servers.forEach((r, i) => { resources[`Server${i}`] = r; });
  junk.forEach((r, i) => { resources[`Junk${i}`] = r; });
  return resources;
});

/** A whole template, or garbage where the template or its Resources go. */
export const templateArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: resourcesArb.map((Resources) => ({ AWSTemplateFormatVersion: '2010-09-09', Resources })) },
  { weight: 1, arbitrary: anyValue },
  { weight: 1, arbitrary: anyValue.map((Resources) => ({ Resources })) },
);

export const REGIONS = [undefined, 'us-east-1', 'eu-west-1', 'cn-north-1'];

function lint(template: unknown, region?: string): Finding[] {
  return CognitoClientLinter.lintTemplate(template, { region });
}

const errorKey = (f: Finding) => `${f.logicalId} ${f.ruleId} ${f.property}`;

// --- The properties -----------------------------------------------------------------------------------------------

/** Never throws, on any template or garbage, in any region; every finding is well-formed. */
export const neverThrows = fc.property(templateArb, fc.constantFrom(...REGIONS), (template, region) => {
  for (const finding of lint(template, region)) {
    if (!/^(client|domain|resource-server|ui-customization|profile)-[a-z0-9-]+$/.test(finding.ruleId)) throw new Error(`odd rule id ${finding.ruleId}`);
    if (finding.severity !== 'error' && finding.severity !== 'warning') throw new Error(`odd severity ${finding.severity}`);
    // Three shapes: a refused value (errors), a risky value (warnings), a missing property (either).
    const shape = finding.severity === 'error'
      ? /^Property .+?(: value .+ is not allowed because| is not set, but) .+\. Fix: .+\.$/s
      : /^Property .+?(: value .+ is risky because| is not set, which is risky because) .+\. Fix: .+\.$/s;
    if (!shape.test(finding.message)) throw new Error(`message not in the house format of a${finding.severity === 'error' ? 'n error' : ' warning'}: ${finding.message}`);
  }
});

/** The same input gives the same findings in the same order: twice, on a deep copy, and after a JSON round trip. */
export const deterministic = fc.property(templateArb, fc.constantFrom(...REGIONS), (template, region) => {
  const first = lint(template, region);
  deepStrictEqual(lint(template, region), first);
  deepStrictEqual(lint(structuredClone(template), region), first);
  deepStrictEqual(lint(JSON.parse(JSON.stringify(template)), region), first);
});

/** Intrinsics whose value the linter cannot know; the last may still be the original value. */
export const UNRESOLVABLE: ReadonlyArray<(original: unknown) => unknown> = [
  () => ({ Ref: 'SomeParameter' }),
  () => ({ 'Fn::ImportValue': 'x' }),
  () => ({ 'Fn::GetAtt': ['SomeResource', 'Arn'] }),
  () => ({ 'Fn::Sub': 'https://${SomeParameter}/cb' }),
  () => ({ 'Fn::If': ['IsProd', 'a', 'b'] }),
  (original) => ({ 'Fn::If': ['IsProd', original, { Ref: 'SomeParameter' }] }),
];

/**
 * Replacing one property of one resource by a value that cannot be known before deploy adds no error anywhere in the
 * template: an error must rest on known values only.
 */
export const unknownValuesNeverError = fc.property(
  resourcesArb, fc.nat(), fc.nat(), fc.constantFrom(...UNRESOLVABLE), fc.constantFrom(...REGIONS),
  (resources, pickResource, pickProperty, unknown, region) => {
    const candidates = Object.entries(resources).filter(([, r]) => hasObjectProperties(r));
    if (candidates.length === 0) return;
    const [logicalId, target] = candidates[pickResource % candidates.length] as [string, { Properties: Record<string, unknown> }];
    const names = Object.keys(target.Properties);
    if (names.length === 0) return;
    const property = names[pickProperty % names.length];
    // A misspelt name is an error whatever its value; null (read as absent) would become present.
    if (!REAL_NAMES.get((target as { Type?: string }).Type ?? '')?.has(property)) return;

    const before = new Set(lint({ Resources: resources }, region).filter((f) => f.severity === 'error').map(errorKey));
    const replaced = structuredClone(resources) as Record<string, { Properties: Record<string, unknown> }>;
    // Another value for the UserPoolId of a server, domain or provider moves it to another pool: a known change. Only
    // an Fn::If that may still be the original is unknown there.
    const movesToAnotherPool = property === 'UserPoolId' && (target as { Type?: unknown }).Type !== CLIENT;
    const value = (movesToAnotherPool ? UNRESOLVABLE[UNRESOLVABLE.length - 1] : unknown)(target.Properties[property]);
    replaced[logicalId].Properties[property] = value;
    const gained = lint({ Resources: replaced }, region).filter((f) => f.severity === 'error' && !before.has(errorKey(f)));
    if (gained.length > 0) {
      throw new Error(`${logicalId}.${property} := ${JSON.stringify(value)} added errors:\n${gained.map((f) => f.message).join('\n')}`);
    }
  },
);

function hasObjectProperties(candidate: unknown): boolean {
  const props = (candidate as { Properties?: unknown } | null)?.Properties;
  if (props === null || typeof props !== 'object' || Array.isArray(props)) return false;
  const names = Object.keys(props);
  // Properties that are themselves an intrinsic are not judged at all.
  return names.length > 0 && !names.some((name) => name === 'Ref' || name.startsWith('Fn::'));
}

/** Resources that have nothing to do with the generated ones: another created pool with its own resources, imported pools, other types. */
const unrelatedResources: fc.Arbitrary<Resources> = fc.array(fc.oneof(
  fc.constant({ Type: POOL, Properties: {} }).map((r) => ['pool', r] as const),
  resource(CLIENT, clientProperties).map((r) => ['client', r] as const),
  resource(DOMAIN, domainProperties).map((r) => ['domain', r] as const),
  resource(RESOURCE_SERVER, resourceServerProperties).map((r) => ['server', r] as const),
  fc.constantFrom('AWS::S3::Bucket', 'AWS::Lambda::Function', 'AWS::Cognito::IdentityPool', 'Custom::Thing')
    .chain((type) => resource(type, fc.dictionary(fc.string({ maxLength: 5 }), anyValue, { maxKeys: 3 })).map((r) => ['other', r] as const)),
), { minLength: 1, maxLength: 5 }).map((entries) => {
  const extra: Resources = { ExtraPool: { Type: POOL, Properties: {} } };
  entries.forEach(([kind, r], i) => {
    if (kind === 'pool' || kind === 'other') {
      extra[`Extra${i}`] = r;
      return;
    }
    // Cognito resources go to the extra pool or to pools this template does not create; never to Pool or OtherPool.
    const props = r.Properties !== null && typeof r.Properties === 'object' && !Array.isArray(r.Properties) ? r.Properties as Record<string, unknown> : {};
    const userPoolId = [{ Ref: 'ExtraPool' }, 'eu-west-1_Imported1', { 'Fn::ImportValue': 'imported-pool' }][i % 3];
    // Their own references point at the extra pool, never at the generated resources.
    extra[`Extra${i}`] = { Type: r.Type, Properties: { ...withoutReferences(props), UserPoolId: userPoolId } };
  });
  return extra;
});

/** Drops values that mention the generated logical ids, so the extra resources stay unrelated. */
function withoutReferences(props: Record<string, unknown>): Record<string, unknown> {
  const mentioned = (value: unknown) => /"(Pool|OtherPool|Api|Client\d|Domain\d|Server\d|Junk\d)"|\$\{(Pool|Api|Domain)/.test(JSON.stringify(value) ?? '');
  return Object.fromEntries(Object.entries(props).filter(([, value]) => !mentioned(value)));
}

/** Adding unrelated resources changes no finding (nor the order) of the original resources. */
export const unrelatedResourcesChangeNothing = fc.property(resourcesArb, unrelatedResources, fc.boolean(), fc.constantFrom(...REGIONS),
  (resources, extra, extraFirst, region) => {
    const original = lint({ Resources: resources }, region);
    const combined = extraFirst ? { ...extra, ...resources } : { ...resources, ...extra };
    const ids = new Set(Object.keys(resources));
    deepStrictEqual(lint({ Resources: combined }, region).filter((f) => ids.has(f.logicalId)), original);
  });

/** Every property with its name, for the CI test and the long run. */
export const ENGINE_PROPERTIES: ReadonlyArray<[string, fc.IProperty<any>]> = [
  ['never throws, and every finding is well-formed', neverThrows],
  ['deterministic (twice, deep copy, JSON round trip)', deterministic],
  ['a value unknown until deploy never adds an error', unknownValuesNeverError],
  ['unrelated resources change no finding of the others', unrelatedResourcesChangeNothing],
];
