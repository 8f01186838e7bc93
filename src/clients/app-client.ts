import { Duration, Reference, Resource, SecretValue, Stack, Token, Tokenization, CfnResource } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { HostedDomain } from '../domain/hosted-domain';
import { RenderOnceUserPoolClient } from '../private/render-once';
import { StackCognitoIndex, StackLint } from '../private/stack-lint';
import { splitCustomScope } from '../rules/client/scopes';
import { ClientVerification, UserPoolClientSecret, UserPoolClientSecretRotationOptions } from '../secret';
import { SecretClientOptions, UserClientOptions } from './client-options';

/**
 * Settings of an app client, without the user pool (for `addClient`-style factories).
 *
 * Names and types follow aws-cdk-lib's `UserPoolClientOptions`, so that moving from `UserPoolClient`
 * is a rename; the defaults are the secure ones.
 */
export interface AppClientOptions extends UserClientOptions, SecretClientOptions {
  /**
   * Whether Cognito generates a client secret. Changing it replaces the client (new client id).
   * Confidential server-side apps and machine-to-machine clients need one; browser and mobile apps must not have one.
   * @default false
   */
  readonly generateSecret?: boolean;

  /**
   * OAuth 2.0 settings. OAuth is off unless you set this. When on, the flows default to the authorization code grant
   * only, and the scopes and callback URLs are exactly what you list: there is no placeholder URL and no "all scopes".
   * @default - OAuth disabled
   */
  readonly oAuth?: cognito.OAuthSettings;

  /**
   * Identity providers users may sign in with through the managed login pages.
   * The client is made to depend on each provider it names that is defined in the same app.
   * @default - COGNITO plus every provider registered on the user pool
   */
  readonly supportedIdentityProviders?: cognito.UserPoolClientIdentityProvider[];

  /**
   * Validity of the session token of a sign-in flow: 3 to 15 minutes.
   * @default Duration.minutes(3)
   */
  readonly authSessionValidity?: Duration;

  /**
   * Whether Cognito hides whether a user exists in its error responses.
   * @default true
   */
  readonly preventUserExistenceErrors?: boolean;

  /**
   * Whether refresh tokens can be revoked (`/oauth2/revoke`, `RevokeToken`).
   * @default true
   */
  readonly enableTokenRevocation?: boolean;

  /**
   * Whether the client may propagate the user's device context data for threat protection. Needs a client secret.
   * @default false
   */
  readonly enablePropagateAdditionalUserContextData?: boolean;

  /**
   * Amazon Pinpoint analytics.
   * @default - no analytics
   */
  readonly analytics?: cognito.AnalyticsConfiguration;
}

/** Properties of an {@link AppClient}. */
export interface AppClientProps extends AppClientOptions {
  /** The user pool the client belongs to. */
  readonly userPool: cognito.IUserPool;
}

/**
 * A Cognito user pool app client with secure defaults, validated at synth time.
 *
 * Every setting of `AWS::Cognito::UserPoolClient` is reachable, and the final CloudFormation properties (escape-hatch
 * overrides included) are checked by the same rule engine as `cognito-client-lint`: every violation is reported
 * at once, with the property, the value, why, the fix and the rule id.
 */
export class AppClient extends Resource implements cognito.IUserPoolClient {
  /** The client id (`Ref` of the CloudFormation resource). */
  public readonly userPoolClientId: string;
  /** The user pool the client belongs to. */
  public readonly userPool: cognito.IUserPool;
  /** The underlying CloudFormation resource (escape hatch). */
  public readonly resource: cognito.CfnUserPoolClient;
  /** The OAuth flows the client allows. */
  public readonly oAuthFlows: cognito.OAuthFlows;
  /** The OAuth scopes the client allows, as Cognito names them. */
  public readonly oAuthScopes: string[];
  /** The callback URLs of the client. */
  public readonly callbackUrls: string[];
  /** The sign-out URLs of the client. */
  public readonly logoutUrls: string[];
  /** The identity providers the client supports. */
  public readonly identityProviderNames: string[];
  /** Whether the client has a client secret. */
  public readonly hasSecret: boolean;

  private readonly domain?: HostedDomain;
  private readonly secretRotation?: UserPoolClientSecretRotationOptions;
  private readonly secretEncryptionKey?: kms.IKey;
  private secretDelivery?: UserPoolClientSecret;

  constructor(scope: Construct, id: string, props: AppClientProps) {
    super(scope, id, { physicalName: props.userPoolClientName });
    this.userPool = props.userPool;
    this.hasSecret = props.generateSecret ?? false;
    this.domain = props.domain;
    this.secretRotation = props.secretRotation;
    this.secretEncryptionKey = props.secretEncryptionKey;

    const oAuth = props.oAuth;
    this.oAuthFlows = oAuth ? oAuth.flows ?? { authorizationCodeGrant: true } : {};
    this.oAuthScopes = (oAuth?.scopes ?? []).map((s) => s.scopeName);
    this.callbackUrls = oAuth?.callbackUrls ?? [];
    this.logoutUrls = oAuth?.logoutUrls ?? [];
    this.identityProviderNames = (props.supportedIdentityProviders
      ?? [cognito.UserPoolClientIdentityProvider.COGNITO, ...this.userPool.identityProviders.map(providerOf)])
      .map((p) => p.name);
    const rotationGrace = props.refreshTokenRotationGracePeriod;

    this.resource = new RenderOnceUserPoolClient(this, 'Resource', {
      userPoolId: this.userPool.userPoolId,
      clientName: props.userPoolClientName,
      generateSecret: this.hasSecret,
      explicitAuthFlows: authFlowsOf(props.authFlows, rotationGrace !== undefined),
      allowedOAuthFlowsUserPoolClient: oAuth !== undefined,
      allowedOAuthFlows: oAuth ? oAuthFlowNames(this.oAuthFlows) : undefined,
      allowedOAuthScopes: oAuth?.scopes ? this.oAuthScopes : undefined,
      callbackUrLs: oAuth?.callbackUrls,
      logoutUrLs: oAuth?.logoutUrls,
      defaultRedirectUri: oAuth?.defaultRedirectUri,
      supportedIdentityProviders: this.identityProviderNames.length ? this.identityProviderNames : undefined,
      readAttributes: props.readAttributes?.attributes(),
      writeAttributes: props.writeAttributes?.attributes(),
      ...tokenValidities(props),
      authSessionValidity: props.authSessionValidity ? wholeMinutes(props.authSessionValidity) : undefined,
      refreshTokenRotation: rotationGrace !== undefined
        ? { feature: 'ENABLED', retryGracePeriodSeconds: rotationGrace.toSeconds() }
        : undefined,
      preventUserExistenceErrors: (props.preventUserExistenceErrors ?? true) ? 'ENABLED' : 'LEGACY',
      enableTokenRevocation: props.enableTokenRevocation ?? true,
      enablePropagateAdditionalUserContextData: props.enablePropagateAdditionalUserContextData,
      analyticsConfiguration: analyticsOf(props.analytics),
    });
    this.userPoolClientId = this.resource.ref;

    StackLint.of(this).register({ construct: this, resource: this.resource, dependenciesIn: (index) => this.dependenciesIn(index) });
    if (this.secretRotation || this.secretEncryptionKey) this.deliverSecret();
    if (props.verifyOnDeploy) this.verifyOnDeploy(props.verificationTimeout);
  }

  /** A reference to this client, for aws-cdk-lib's typed references. */
  public get userPoolClientRef(): cognito.UserPoolClientReference {
    return { userPoolId: this.userPool.userPoolId, clientId: this.userPoolClientId };
  }

  /**
   * The client secret as a Secrets Manager dynamic reference (`{{resolve:secretsmanager:...}}`), never plaintext.
   * Reading it creates the secret delivery (see {@link secret}).
   */
  public get userPoolClientSecret(): SecretValue {
    return this.deliverSecret().clientSecretValue();
  }

  /**
   * The Secrets Manager secret holding `{ clientId, clientSecret, userPoolId, tokenEndpoint, scopes }`.
   * Created on first use by a custom resource that copies the generated client secret into it; the value never
   * appears in a template, a log or a CloudFormation response. Only for clients with a secret.
   */
  public get secret(): UserPoolClientSecret {
    return this.deliverSecret();
  }

  /** Resource servers and identity providers of the same stack that this client names: CloudFormation must create them first. */
  private dependenciesIn(index: StackCognitoIndex): CfnResource[] {
    const stack = Stack.of(this);
    const pool = index.poolKey(this.userPool.userPoolId);
    // Only tokens need resolving; most scopes and provider names are literals. A token that holds a reference to a
    // resource (`OAuthScope.resourceServer()` joins the server's Ref) never resolves to a literal, and the reference is
    // itself the dependency: it is not resolved at all (0.2 ms a scope).
    const resolve = (value: string): unknown => {
      if (!Token.isUnresolved(value)) return value;
      if (Tokenization.reverseString(value).tokens.some((token) => Reference.isReference(token))) return undefined;
      return stack.resolve(value);
    };
    const found: CfnResource[] = [];
    for (const scope of this.oAuthScopes) {
      const resolved = resolve(scope);
      const identifier = typeof resolved === 'string' ? splitCustomScope(resolved)?.identifier : undefined;
      const server = identifier ? index.resourceServers.get(`${pool}|${identifier}`) : undefined;
      if (server) found.push(server);
    }
    for (const name of this.identityProviderNames) {
      const resolved = resolve(name);
      const provider = typeof resolved === 'string' ? index.identityProviders.get(`${pool}|${resolved}`) : undefined;
      if (provider) found.push(provider);
    }
    return found;
  }

  private deliverSecret(): UserPoolClientSecret {
    if (!this.hasSecret) {
      throw new Error(`${this.node.path}: this client has no secret (generateSecret is false), so there is no secret to deliver. Fix: set generateSecret: true, or use M2MClient.`);
    }
    this.secretDelivery ??= new UserPoolClientSecret(this, 'Secret', {
      userPool: this.userPool,
      userPoolClient: this,
      scopes: this.oAuthScopes,
      tokenEndpoint: this.domain?.tokenEndpoint,
      domain: this.domain,
      encryptionKey: this.secretEncryptionKey,
      rotation: this.secretRotation,
    });
    return this.secretDelivery;
  }

  private verifyOnDeploy(timeout: Duration | undefined): void {
    const domain = this.domain;
    if (!domain) {
      throw new Error(`${this.node.path}: Property verifyOnDeploy: value true is not allowed because the check needs the endpoints of the domain the client signs in through. Fix: set domain (a HostedDomain).`);
    }
    const clientCredentials = this.oAuthFlows.clientCredentials === true;
    const codeFlowCallback = this.oAuthFlows.authorizationCodeGrant ? this.callbackUrls[0] : undefined;
    if (!clientCredentials && codeFlowCallback === undefined) {
      throw new Error(`${this.node.path}: Property verifyOnDeploy: value true is not allowed because the client has neither the client_credentials flow nor a code-grant callback URL, so there is nothing to sign in with. Fix: configure oAuth, or drop verifyOnDeploy.`);
    }
    new ClientVerification(this, 'Verification', {
      userPool: this.userPool,
      userPoolClient: this,
      tokenEndpoint: domain.tokenEndpoint,
      issuer: domain.issuer,
      jwksUri: domain.jwksUri,
      discoveryUrl: domain.openIdConfigurationUrl,
      scopes: clientCredentials ? this.oAuthScopes : undefined,
      clientSecret: clientCredentials ? this.deliverSecret() : undefined,
      authorizeUrl: codeFlowCallback !== undefined ? domain.authorizeEndpoint : undefined,
      callbackUrl: codeFlowCallback,
      domain,
      timeout,
    });
  }
}

function providerOf(provider: cognito.IUserPoolIdentityProvider): cognito.UserPoolClientIdentityProvider {
  return cognito.UserPoolClientIdentityProvider.custom(provider.providerName);
}

function authFlowsOf(flows: cognito.AuthFlow | undefined, rotation: boolean): string[] {
  const chosen = flows ?? { userSrp: true };
  const names: string[] = [];
  if (chosen.userSrp) names.push('ALLOW_USER_SRP_AUTH');
  if (chosen.user) names.push('ALLOW_USER_AUTH');
  if (chosen.custom) names.push('ALLOW_CUSTOM_AUTH');
  if (chosen.userPassword) names.push('ALLOW_USER_PASSWORD_AUTH');
  if (chosen.adminUserPassword) names.push('ALLOW_ADMIN_USER_PASSWORD_AUTH');
  // Refresh-token rotation replaces REFRESH_TOKEN_AUTH with GetTokensFromRefreshToken.
  if (!rotation) names.push('ALLOW_REFRESH_TOKEN_AUTH');
  return names;
}

function oAuthFlowNames(flows: cognito.OAuthFlows): string[] {
  const names: string[] = [];
  if (flows.authorizationCodeGrant) names.push('code');
  if (flows.implicitCodeGrant) names.push('implicit');
  if (flows.clientCredentials) names.push('client_credentials');
  return names;
}

/** Token validities in the largest unit that keeps them whole; the unit is written next to each value. */
function tokenValidities(props: AppClientOptions) {
  const units: Record<string, string> = {};
  const out: Record<string, unknown> = {};
  const entries: Array<[keyof AppClientOptions, string, string]> = [
    ['idTokenValidity', 'idTokenValidity', 'idToken'],
    ['accessTokenValidity', 'accessTokenValidity', 'accessToken'],
    ['refreshTokenValidity', 'refreshTokenValidity', 'refreshToken'],
  ];
  for (const [prop, cfnProp, unitKey] of entries) {
    const duration = props[prop] as Duration | undefined;
    if (!duration) continue;
    const [value, unit] = inUnit(duration);
    out[cfnProp] = value;
    units[unitKey] = unit;
  }
  return Object.keys(units).length ? { ...out, tokenValidityUnits: units } : out;
}

function inUnit(duration: Duration): [number, string] {
  if (Token.isUnresolved(duration)) return [duration.toMinutes(), 'minutes'];
  const seconds = duration.toSeconds();
  for (const [unit, size] of [['days', 86_400], ['hours', 3_600], ['minutes', 60]] as const) {
    if (seconds >= size && seconds % size === 0) return [seconds / size, unit];
  }
  return [seconds, 'seconds'];
}

/** AuthSessionValidity is in minutes; a fraction is left as-is so the engine reports it, rather than rounded. */
function wholeMinutes(duration: Duration): number {
  return duration.toSeconds() / 60;
}

function analyticsOf(analytics: cognito.AnalyticsConfiguration | undefined): cognito.CfnUserPoolClient.AnalyticsConfigurationProperty | undefined {
  if (!analytics) return undefined;
  return {
    applicationArn: analytics.application?.attrArn,
    applicationId: analytics.applicationId,
    externalId: analytics.externalId,
    roleArn: analytics.role?.roleRef.roleArn,
    userDataShared: analytics.shareUserData,
  };
}
