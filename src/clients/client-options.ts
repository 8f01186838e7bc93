import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { HostedDomain } from '../domain/hosted-domain';
import type { UserPoolClientSecretRotationOptions } from '../secret';

// The props every client construct shares, declared once so their names, types and docs cannot drift apart (jsii has no
// Pick<>, so the sharing is by interface inheritance). Where a construct has its own default, the doc says so.

/** Settings every client construct of this library takes ({@link AppClient}, {@link PublicSpaClient}, {@link M2MClient}). */
export interface ClientBaseOptions {
  /**
   * Name of the app client.
   * @default - CloudFormation generates one
   */
  readonly userPoolClientName?: string;

  /**
   * Validity of the access token: 5 minutes to 1 day.
   * @default - Duration.minutes(60); Duration.minutes(15) for a `PublicSpaClient`, because a browser is where tokens leak
   */
  readonly accessTokenValidity?: Duration;

  /**
   * The hosted domain the client signs in through or gets tokens from. Gives the delivered secret its `tokenEndpoint`
   * and the post-deploy check its endpoints.
   * @default - none: the secret holds no token endpoint, and neither rotation nor `verifyOnDeploy` is possible
   */
  readonly domain?: HostedDomain;

  /**
   * After deploy, prove that the client works, and fail the deployment with a readable reason when it does not:
   * a `client_credentials` client gets a token whose signature and claims are verified against the pool's JWKS;
   * a code-grant client's first callback URL is accepted by `/oauth2/authorize` and the discovery document matches
   * the domain's endpoints. Needs `domain`. Adds a Lambda-backed custom resource.
   * @default false
   */
  readonly verifyOnDeploy?: boolean;

  /**
   * How long the `verifyOnDeploy` check keeps retrying a domain that is still propagating, at most 14 minutes.
   * A custom domain needs its DNS alias record to the domain's CloudFront distribution before the check can pass.
   * @default Duration.minutes(5)
   */
  readonly verificationTimeout?: Duration;
}

/** Settings of the clients that sign users in ({@link AppClient}, {@link PublicSpaClient}). */
export interface UserClientOptions extends ClientBaseOptions {
  /**
   * Authentication flows the client may use with `InitiateAuth`/`AdminInitiateAuth`, for apps that sign users in with
   * the SDK instead of the managed login pages. The flows are always written out. `ALLOW_REFRESH_TOKEN_AUTH` is added
   * unless refresh-token rotation is on.
   * @default - SRP only (`ALLOW_USER_SRP_AUTH`, `ALLOW_REFRESH_TOKEN_AUTH`); Cognito's own default would also allow custom auth
   */
  readonly authFlows?: cognito.AuthFlow;

  /**
   * Validity of the ID token: 5 minutes to 1 day.
   * @default - Duration.minutes(60); Duration.minutes(15) for a `PublicSpaClient`
   */
  readonly idTokenValidity?: Duration;

  /**
   * Validity of the refresh token: 60 minutes to 10 years, and at least the access and ID token validity.
   * @default Duration.days(30)
   */
  readonly refreshTokenValidity?: Duration;

  /**
   * Turns on refresh-token rotation with this grace period (0 to 60 seconds) during which the old refresh token
   * still works. With rotation on, `ALLOW_REFRESH_TOKEN_AUTH` is not added to the auth flows.
   * @default - rotation off
   */
  readonly refreshTokenRotationGracePeriod?: Duration;

  /**
   * Attributes the client can read.
   * @default - every attribute (Cognito's default)
   */
  readonly readAttributes?: cognito.ClientAttributes;

  /**
   * Attributes the client can write.
   * @default - every mutable attribute (Cognito's default); the `client-write-attributes-unrestricted` advice applies
   */
  readonly writeAttributes?: cognito.ClientAttributes;
}

/** Settings of the clients that have a secret ({@link AppClient} with `generateSecret`, {@link M2MClient}). */
export interface SecretClientOptions {
  /**
   * Rotate the client secret on a schedule (Secrets Manager's alternating strategy: a value that was current stays
   * valid until the next rotation starts). Only for clients with a secret and the `client_credentials` flow; needs
   * `domain` (each new secret must get a token at the token endpoint before it becomes current).
   * @default - no rotation
   */
  readonly secretRotation?: UserPoolClientSecretRotationOptions;

  /**
   * The KMS key that encrypts the delivered secret. Only for clients with a secret.
   * @default - the account's `aws/secretsmanager` key
   */
  readonly secretEncryptionKey?: kms.IKey;
}
