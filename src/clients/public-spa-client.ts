import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { AppClient } from './app-client';
import type { HostedDomain } from '../domain/hosted-domain';
import { PROFILE_METADATA_KEY } from '../rules/profile';

/** Properties of a {@link PublicSpaClient}. */
export interface PublicSpaClientProps {
  /** The user pool the client belongs to. */
  readonly userPool: cognito.IUserPool;

  /**
   * Where Cognito may redirect after sign-in. HTTPS, or `http://localhost`, `http://127.0.0.1`, `http://[::1]` for
   * local development, or an app scheme (`myapp://callback`) for mobile apps; no fragment.
   */
  readonly callbackUrls: string[];

  /**
   * Where Cognito may redirect after sign-out (`/logout?logout_uri=`). Same rules as the callback URLs.
   * @default - no sign-out redirect
   */
  readonly logoutUrls?: string[];

  /**
   * The redirect used when a request names none. Must be one of `callbackUrls`.
   * @default - none
   */
  readonly defaultRedirectUri?: string;

  /**
   * OAuth scopes the app may request.
   * @default [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE]
   */
  readonly scopes?: cognito.OAuthScope[];

  /**
   * Allow `aws.cognito.signin.user.admin`, which lets the browser's access token call user APIs such as
   * `UpdateUserAttributes` and `ChangePassword` directly. Refused unless set.
   * @default false
   */
  readonly allowAdminScope?: boolean;

  /**
   * Identity providers users may sign in with.
   * @default - COGNITO plus every provider registered on the user pool
   */
  readonly identityProviders?: cognito.UserPoolClientIdentityProvider[];

  /**
   * Authentication flows for apps that sign users in with the SDK instead of the managed login pages.
   * @default - SRP (`ALLOW_USER_SRP_AUTH`) and refresh
   */
  readonly authFlows?: cognito.AuthFlow;

  /**
   * Name of the app client.
   * @default - CloudFormation generates one
   */
  readonly userPoolClientName?: string;

  /**
   * Validity of the access token: 5 minutes to 1 day. Short, because a browser is where tokens leak.
   * @default Duration.minutes(15)
   */
  readonly accessTokenValidity?: Duration;

  /**
   * Validity of the ID token: 5 minutes to 1 day.
   * @default Duration.minutes(15)
   */
  readonly idTokenValidity?: Duration;

  /**
   * Validity of the refresh token: 60 minutes to 10 years.
   * @default Duration.days(30)
   */
  readonly refreshTokenValidity?: Duration;

  /**
   * Turn on refresh-token rotation with this grace period (0 to 60 seconds).
   * @default - rotation off
   */
  readonly refreshTokenRotationGracePeriod?: Duration;

  /**
   * Attributes the app can read.
   * @default - every attribute (Cognito's default)
   */
  readonly readAttributes?: cognito.ClientAttributes;

  /**
   * Attributes the app can write.
   * @default - every mutable attribute (Cognito's default)
   */
  readonly writeAttributes?: cognito.ClientAttributes;

  /**
   * The hosted domain the app signs in through (needed by `verifyOnDeploy`).
   * @default - none
   */
  readonly domain?: HostedDomain;

  /**
   * After deploy, check that `/oauth2/authorize` accepts the first callback URL (a redirect to the login page, not
   * `error=redirect_mismatch`) and that the discovery document matches the domain. Needs `domain`.
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
 * A client for browser and mobile apps: no secret, authorization code grant only, SRP and refresh auth flows,
 * short-lived tokens, token revocation on and user-existence errors hidden.
 *
 * The app must use PKCE (`code_challenge_method=S256`) on `/oauth2/authorize`: a public client has no secret, so PKCE is
 * what binds the code to the app that asked for it. Amplify, oidc-client-ts and AppAuth do this by default.
 */
export class PublicSpaClient extends AppClient {
  constructor(scope: Construct, id: string, props: PublicSpaClientProps) {
    const scopes = props.scopes ?? [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE];
    if (!props.allowAdminScope && scopes.some((s) => s.scopeName === cognito.OAuthScope.COGNITO_ADMIN.scopeName)) {
      throw new Error(`${scope.node.path}/${id}: Property scopes: value "aws.cognito.signin.user.admin" is not allowed because it lets any browser holding the access token call user APIs such as UpdateUserAttributes. Fix: remove it, or set allowAdminScope: true if the app really calls those APIs.`);
    }
    super(scope, id, {
      userPool: props.userPool,
      userPoolClientName: props.userPoolClientName,
      generateSecret: false,
      authFlows: props.authFlows ?? { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes,
        callbackUrls: props.callbackUrls,
        logoutUrls: props.logoutUrls,
        defaultRedirectUri: props.defaultRedirectUri,
      },
      supportedIdentityProviders: props.identityProviders,
      accessTokenValidity: props.accessTokenValidity ?? Duration.minutes(15),
      idTokenValidity: props.idTokenValidity ?? Duration.minutes(15),
      refreshTokenValidity: props.refreshTokenValidity ?? Duration.days(30),
      refreshTokenRotationGracePeriod: props.refreshTokenRotationGracePeriod,
      readAttributes: props.readAttributes,
      writeAttributes: props.writeAttributes,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      domain: props.domain,
      verifyOnDeploy: props.verifyOnDeploy,
      verificationTimeout: props.verificationTimeout,
    });
    this.resource.addMetadata(PROFILE_METADATA_KEY, 'public-spa');
  }
}
