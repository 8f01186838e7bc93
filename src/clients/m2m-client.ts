import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { HostedDomain } from '../domain/hosted-domain';
import { PROFILE_METADATA_KEY } from '../rules/profile';
import type { UserPoolClientSecretRotationOptions } from '../secret';
import { AppClient } from './app-client';

/** Properties of an {@link M2MClient}. */
export interface M2MClientProps {
  /** The user pool the client belongs to. */
  readonly userPool: cognito.IUserPool;

  /**
   * Resource-server scopes the service may request, e.g. `OAuthScope.resourceServer(api, readScope)`.
   * At least one; OIDC scopes (openid, email, phone, profile) and the admin scope are refused.
   */
  readonly scopes: cognito.OAuthScope[];

  /**
   * Validity of the access token: 5 minutes to 1 day.
   * @default Duration.minutes(60)
   */
  readonly accessTokenValidity?: Duration;

  /**
   * Name of the app client.
   * @default - CloudFormation generates one
   */
  readonly userPoolClientName?: string;

  /**
   * The hosted domain whose token endpoint the service calls; stored in the delivered secret as `tokenEndpoint`.
   * @default - none (rotation and verifyOnDeploy need it)
   */
  readonly domain?: HostedDomain;

  /**
   * Rotate the client secret on a schedule with zero downtime. Needs `domain`.
   * @default - no rotation
   */
  readonly secretRotation?: UserPoolClientSecretRotationOptions;

  /**
   * The KMS key that encrypts the delivered secret.
   * @default - the account's `aws/secretsmanager` key
   */
  readonly secretEncryptionKey?: kms.IKey;

  /**
   * After deploy, request a token with client_credentials and verify it against the pool's JWKS; fail the deployment
   * with a readable reason when that does not work. Needs `domain`.
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

/**
 * A machine-to-machine client: a generated secret, the `client_credentials` grant only, resource-server scopes only,
 * no user sign-in flows beyond the refresh flow Cognito requires, no callback URLs.
 *
 * The client secret reaches the service through Secrets Manager (`client.secret.grantRead(fn)`), never through the
 * template.
 */
export class M2MClient extends AppClient {
  constructor(scope: Construct, id: string, props: M2MClientProps) {
    super(scope, id, {
      userPool: props.userPool,
      userPoolClientName: props.userPoolClientName,
      generateSecret: true,
      authFlows: {},
      oAuth: { flows: { clientCredentials: true }, scopes: props.scopes },
      supportedIdentityProviders: [],
      accessTokenValidity: props.accessTokenValidity ?? Duration.minutes(60),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      domain: props.domain,
      secretRotation: props.secretRotation,
      secretEncryptionKey: props.secretEncryptionKey,
      verifyOnDeploy: props.verifyOnDeploy,
      verificationTimeout: props.verificationTimeout,
    });
    this.resource.addMetadata(PROFILE_METADATA_KEY, 'm2m');
  }
}
