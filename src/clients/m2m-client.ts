import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { AppClient } from './app-client';
import { ClientBaseOptions, SecretClientOptions } from './client-options';
import { PROFILE_METADATA_KEY } from '../rules/profile';

/** Properties of an {@link M2MClient}. */
export interface M2MClientProps extends ClientBaseOptions, SecretClientOptions {
  /** The user pool the client belongs to. */
  readonly userPool: cognito.IUserPool;

  /**
   * Resource-server scopes the service may request, e.g. `OAuthScope.resourceServer(api, readScope)`.
   * At least one; OIDC scopes (openid, email, phone, profile) and the admin scope are refused.
   */
  readonly scopes: cognito.OAuthScope[];
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
