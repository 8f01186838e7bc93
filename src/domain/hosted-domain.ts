import { Resource, Stack, Token } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct, IConstruct } from 'constructs';
import { StackLint } from '../private/stack-lint';
import { checkAuthorizeRequest, checkLogoutRequest, ClientEndpointSettings, EndpointProblem } from '../rules/endpoints/authorize-request';

/** Properties of a {@link HostedDomain}. */
export interface HostedDomainProps {
  /** The user pool the domain serves. */
  readonly userPool: cognito.IUserPool;

  /**
   * A Cognito prefix domain: `https://<prefix>.auth.<region>.amazoncognito.com`. Lower-case letters, digits and inner
   * hyphens, 1 to 63 characters, without the words aws, amazon or cognito. Exactly one of `prefix` and `customDomain`.
   * @default - no prefix domain
   */
  readonly prefix?: string;

  /**
   * A custom domain (a subdomain such as `auth.example.com`) with an ACM certificate in us-east-1.
   * Exactly one of `prefix` and `customDomain`.
   * @default - no custom domain
   */
  readonly customDomain?: cognito.CustomDomainOptions;

  /**
   * Classic hosted UI (1) or managed login (2). Managed login needs the Essentials or Plus feature plan.
   * @default - Cognito's default, the classic hosted UI
   */
  readonly managedLoginVersion?: cognito.ManagedLoginVersion;

  /**
   * Use the FIPS endpoints (`auth-fips`, `cognito-idp-fips`), where Cognito offers them.
   * @default - true in AWS GovCloud (US) regions, where Cognito has FIPS endpoints only; false elsewhere
   */
  readonly fips?: boolean;
}

/** Options of {@link HostedDomain.authorizeUrl}. */
export interface AuthorizeUrlOptions {
  /** Where Cognito redirects after sign-in; must be one of the client's callback URLs. */
  readonly redirectUri: string;
  /**
   * Scopes to request; a subset of the client's.
   * @default - the client's scopes (Cognito's default when `scope` is omitted)
   */
  readonly scopes?: string[];
  /**
   * `code` (authorization code grant) or `token` (implicit grant).
   * @default 'code'
   */
  readonly responseType?: string;
  /**
   * An opaque value the app checks on return, against CSRF. Usually generated per request by the app.
   * @default - no state parameter
   */
  readonly state?: string;
  /**
   * Skip the managed login pages and go straight to this identity provider.
   * @default - the user chooses on the login page
   */
  readonly identityProvider?: string;
  /**
   * The PKCE code challenge, `BASE64URL(SHA256(code_verifier))`. Required for clients without a secret.
   * `code_challenge_method` is always `S256`, the only method Cognito accepts.
   * @default - no PKCE (refused for public clients)
   */
  readonly codeChallenge?: string;
}

/** Options of {@link HostedDomain.logoutUrl}. */
export interface LogoutUrlOptions {
  /** Where Cognito redirects after sign-out; must be one of the client's logout URLs. */
  readonly logoutUri: string;
}

/**
 * A user pool domain, prefix or custom, validated at synth time, with every OAuth 2.0 and OIDC endpoint as an
 * attribute and sign-in/sign-out URLs checked against the client they are for.
 */
export class HostedDomain extends Resource implements cognito.IUserPoolDomain {
  /** The domain: the prefix, or the full custom domain name (`Ref` of the resource). */
  public readonly domainName: string;
  /** The underlying CloudFormation resource (escape hatch). */
  public readonly resource: cognito.CfnUserPoolDomain;
  /** `https://<domain>`: the managed login pages and OAuth 2.0 endpoints live under it. */
  public readonly baseUrl: string;
  /** `/oauth2/authorize`: where sign-in starts. */
  public readonly authorizeEndpoint: string;
  /** `/oauth2/token`: exchanges codes, refresh tokens and client credentials for tokens. */
  public readonly tokenEndpoint: string;
  /** `/oauth2/userInfo`: the signed-in user's attributes. */
  public readonly userInfoEndpoint: string;
  /** `/oauth2/revoke`: revokes a refresh token. */
  public readonly revokeEndpoint: string;
  /** `/logout`: signs the user out of the managed login session. */
  public readonly logoutEndpoint: string;
  /** The token issuer, `https://cognito-idp.<region>.<suffix>/<userPoolId>`. */
  public readonly issuer: string;
  /** The OIDC discovery document under the issuer. */
  public readonly openIdConfigurationUrl: string;
  /** The JSON Web Key Set that signs the pool's tokens. */
  public readonly jwksUri: string;

  private readonly userPool: cognito.IUserPool;
  private readonly urlChecks: Array<() => EndpointProblem[]> = [];

  constructor(scope: Construct, id: string, props: HostedDomainProps) {
    super(scope, id);
    if ((props.prefix === undefined) === (props.customDomain === undefined)) {
      throw new Error(`${this.node.path}: Property prefix/customDomain: ${props.prefix === undefined ? 'neither is' : 'both are'} set, which is not allowed because a domain is either a Cognito prefix domain or a custom domain. Fix: set exactly one of prefix and customDomain.`);
    }
    this.userPool = props.userPool;
    const stack = Stack.of(this);
    const fips = props.fips ?? (!Token.isUnresolved(stack.region) && stack.region.startsWith('us-gov-'));

    this.resource = new cognito.CfnUserPoolDomain(this, 'Resource', {
      userPoolId: props.userPool.userPoolId,
      domain: props.prefix ?? props.customDomain!.domainName,
      customDomainConfig: props.customDomain ? { certificateArn: props.customDomain.certificate.certificateRef.certificateArn } : undefined,
      managedLoginVersion: props.managedLoginVersion,
    });
    this.domainName = this.resource.ref;
    StackLint.of(this).register({ construct: this, resource: this.resource });

    const host = props.customDomain
      ? props.customDomain.domainName
      : `${props.prefix}.${fips ? 'auth-fips' : 'auth'}.${stack.region}.amazoncognito.com`;
    this.baseUrl = `https://${host}`;
    this.authorizeEndpoint = `${this.baseUrl}/oauth2/authorize`;
    this.tokenEndpoint = `${this.baseUrl}/oauth2/token`;
    this.userInfoEndpoint = `${this.baseUrl}/oauth2/userInfo`;
    this.revokeEndpoint = `${this.baseUrl}/oauth2/revoke`;
    this.logoutEndpoint = `${this.baseUrl}/logout`;
    this.issuer = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${props.userPool.userPoolId}`;
    this.openIdConfigurationUrl = `${this.issuer}/.well-known/openid-configuration`;
    this.jwksUri = `${this.issuer}/.well-known/jwks.json`;

    this.node.addValidation({ validate: () => this.urlChecks.flatMap((check) => check().map((p) => p.message)) });
  }

  /** A reference to this domain, for aws-cdk-lib's typed references. */
  public get userPoolDomainRef(): cognito.UserPoolDomainReference {
    return { userPoolId: this.userPool.userPoolId, domain: this.domainName };
  }

  /** The CloudFront distribution in front of a custom domain (the target of its DNS alias record). */
  public get cloudFrontEndpoint(): string {
    return this.resource.attrCloudFrontDistribution;
  }

  /**
   * A sign-in URL: `/oauth2/authorize` with every parameter encoded. Synthesis fails when Cognito would refuse it:
   * a redirect URI that is not a callback URL, scopes or a response type the client does not allow, an identity
   * provider the client does not support, or a client without a secret and without PKCE.
   */
  public authorizeUrl(client: cognito.IUserPoolClient, options: AuthorizeUrlOptions): string {
    const responseType = options.responseType ?? 'code';
    const settings = clientSettings(client);
    this.urlChecks.push(() => {
      const known = settings();
      return known ? checkAuthorizeRequest(known, { ...options, responseType }) : [];
    });
    const query: Array<[string, string | undefined]> = [
      ['response_type', responseType],
      ['client_id', client.userPoolClientId],
      ['redirect_uri', options.redirectUri],
      ['scope', options.scopes?.join(' ')],
      ['state', options.state],
      ['identity_provider', options.identityProvider],
      ['code_challenge', options.codeChallenge],
      ['code_challenge_method', options.codeChallenge !== undefined ? 'S256' : undefined],
    ];
    return `${this.authorizeEndpoint}?${encodeQuery(query)}`;
  }

  /** A sign-out URL: `/logout?client_id=...&logout_uri=...`. Synthesis fails when `logoutUri` is not a logout URL of the client. */
  public logoutUrl(client: cognito.IUserPoolClient, options: LogoutUrlOptions): string {
    const settings = clientSettings(client);
    this.urlChecks.push(() => {
      const known = settings();
      return known ? checkLogoutRequest(known, options.logoutUri) : [];
    });
    return `${this.logoutEndpoint}?${encodeQuery([['client_id', client.userPoolClientId], ['logout_uri', options.logoutUri]])}`;
  }
}

/**
 * Query string encoding that leaves CDK tokens intact: a token (the client id, a region) is substituted at deploy
 * with a value that needs no encoding, while percent-encoding its placeholder would corrupt it.
 */
function encodeQuery(pairs: Array<[string, string | undefined]>): string {
  return pairs
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeAroundTokens(value)}`)
    .join('&');
}

/** A CDK string token's placeholder, e.g. `${Token[TOKEN.123]}`. */
const STRING_TOKEN = /\$\{Token\[[^\]]*\]\}/g;

/**
 * Percent-encodes the literal text of a value and keeps its token placeholders: a value that mixes both
 * (`${region}&redirect_uri=...`) must not smuggle `&`, `#` or spaces into the URL unencoded.
 */
function encodeAroundTokens(value: string): string {
  if (!Token.isUnresolved(value)) return encodeURIComponent(value);
  let encoded = '';
  let literalStart = 0;
  for (const match of value.matchAll(STRING_TOKEN)) {
    encoded += encodeURIComponent(value.slice(literalStart, match.index)) + match[0];
    literalStart = match.index! + match[0].length;
  }
  return encoded + encodeURIComponent(value.slice(literalStart));
}

/**
 * The final CloudFormation properties of the client, read lazily at validation time (overrides included);
 * undefined for an imported client, whose settings cannot be known.
 */
function clientSettings(client: cognito.IUserPoolClient): () => ClientEndpointSettings | undefined {
  const resource = findClientResource(client);
  return () => {
    if (!resource) return undefined;
    const stack = Stack.of(resource);
    const rendered = stack.resolve((resource as any)._toCloudFormation()) as { Resources: Record<string, { Properties?: ClientEndpointSettings }> };
    return Object.values(rendered.Resources)[0]?.Properties ?? {};
  };
}

function findClientResource(client: IConstruct): cognito.CfnUserPoolClient | undefined {
  const child = client.node.defaultChild;
  return child instanceof cognito.CfnUserPoolClient ? child : undefined;
}
