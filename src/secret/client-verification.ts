import { CustomResource, Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ClientVerificationFunction } from './client-verification-function';
import { singletonProvider } from './internal/provider';
import { UserPoolClientSecret } from './user-pool-client-secret';

/**
 * Properties of a ClientVerification.
 */
export interface ClientVerificationProps {
  /** The user pool that owns the client. */
  readonly userPool: cognito.IUserPool;

  /** The app client to verify. */
  readonly userPoolClient: cognito.IUserPoolClient;

  /** The OAuth 2.0 token endpoint, e.g. `https://auth.example.com/oauth2/token`. */
  readonly tokenEndpoint: string;

  /** The expected token issuer, e.g. `https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc`. */
  readonly issuer: string;

  /** The JWKS URI that signs the pool's tokens, e.g. `<issuer>/.well-known/jwks.json`. */
  readonly jwksUri: string;

  /**
   * The OpenID Connect discovery document; when set, its issuer and endpoints must match the ones above.
   *
   * @default - the discovery document is not checked
   */
  readonly discoveryUrl?: string;

  /**
   * Scopes to request and to find in the access token's `scope` claim.
   *
   * @default - no scopes requested
   */
  readonly scopes?: string[];

  /**
   * The authorize endpoint, e.g. `https://auth.example.com/oauth2/authorize`. With `callbackUrl`, the check asks
   * it to start a code flow and expects a redirect to the login page, not `error=redirect_mismatch`.
   *
   * @default - the authorize redirect is not checked
   */
  readonly authorizeUrl?: string;

  /**
   * One of the client's callback URLs, used with `authorizeUrl`.
   *
   * @default - the authorize redirect is not checked
   */
  readonly callbackUrl?: string;

  /**
   * The client's delivered secret. When set, the check obtains a client_credentials token with it and verifies the
   * token's signature and claims (client_id, scope, token_use, iss) against the JWKS.
   *
   * @default - no token is requested (public client)
   */
  readonly clientSecret?: UserPoolClientSecret;

  /**
   * How long to keep retrying a domain that is still propagating (DNS failures, 5xx) before failing the deployment.
   * At most 14 minutes. A custom domain needs its DNS alias record to the domain's CloudFront distribution in place
   * before the check can pass.
   *
   * @default Duration.minutes(5)
   */
  readonly timeout?: Duration;

  /**
   * The user pool domain that serves the endpoints. The check waits for it, so that CloudFormation does not run the
   * check before the domain exists.
   *
   * @default - no dependency (the endpoints are plain strings)
   */
  readonly domain?: cognito.IUserPoolDomain;
}

/**
 * An opt-in post-deploy check of an app client: fails the deployment with a readable reason when the client
 * cannot obtain a valid token, or when the authorize endpoint rejects its callback URL.
 */
export class ClientVerification extends Construct {
  constructor(scope: Construct, id: string, props: ClientVerificationProps) {
    super(scope, id);
    const timeout = props.timeout ?? Duration.minutes(5);
    if (!timeout.isUnresolved() && timeout.toSeconds() > Duration.minutes(14).toSeconds()) {
      throw new Error(`ClientVerification: timeout must be at most 14 minutes (the Lambda limit is 15), got ${timeout.toHumanString()}. Fix: lower timeout.`);
    }
    if ((props.authorizeUrl === undefined) !== (props.callbackUrl === undefined)) {
      throw new Error('ClientVerification: authorizeUrl and callbackUrl go together. Fix: set both, or neither.');
    }
    if (!props.clientSecret && !props.authorizeUrl && !props.discoveryUrl) {
      throw new Error('ClientVerification: nothing to check. Fix: set clientSecret (confidential client), authorizeUrl with callbackUrl (public client), or discoveryUrl.');
    }

    const { onEvent, provider } = singletonProvider(this, 'CdkCognitoClientsClientVerification',
      (host, fnId) => new ClientVerificationFunction(host, fnId, {
        timeout: Duration.minutes(15),
        description: 'Verifies Cognito app clients after deployment (cdk-cognito-clients)',
      }),
      Duration.minutes(15));

    const resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::CognitoClientVerification',
      properties: {
        UserPoolId: props.userPool.userPoolId,
        ClientId: props.userPoolClient.userPoolClientId,
        // A GetAtt of the writer: the check runs after the secret has been written.
        SecretArn: props.clientSecret?.writtenSecretArn,
        TokenEndpoint: props.tokenEndpoint,
        Issuer: props.issuer,
        JwksUri: props.jwksUri,
        DiscoveryUrl: props.discoveryUrl,
        Scopes: props.scopes,
        AuthorizeUrl: props.authorizeUrl,
        CallbackUrl: props.callbackUrl,
        TimeoutSeconds: String(timeout.toSeconds()),
      },
    });
    if (props.domain) resource.node.addDependency(props.domain);
    if (props.clientSecret) {
      const grant = props.clientSecret.grantRead(onEvent);
      grant.applyBefore(resource);
    }
  }
}
