import { Duration, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { AppClient } from './app-client';
import { UserClientOptions } from './client-options';
import { clientAdminScopePublicClient } from '../rules/client/admin-scope-public-client';
import { PROFILE_METADATA_KEY } from '../rules/profile';

const ADMIN_SCOPE_RULE_ID = clientAdminScopePublicClient.id;

/** Properties of a {@link PublicSpaClient}. */
export interface PublicSpaClientProps extends UserClientOptions {
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
   * Acknowledge `aws.cognito.signin.user.admin` in `scopes`, which lets the browser's access token call user APIs such
   * as `UpdateUserAttributes` and `ChangePassword` directly. Cognito accepts the scope, so without this it is the
   * warning `client-admin-scope-public-client`, like any risky value; this records the acknowledgement with its reason.
   * @default false
   */
  readonly allowAdminScope?: boolean;

  /**
   * Identity providers users may sign in with.
   * @default - COGNITO plus every provider registered on the user pool
   */
  readonly identityProviders?: cognito.UserPoolClientIdentityProvider[];
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
    // The admin scope is a warning (Cognito accepts it; severity is a promise): allowAdminScope is its acknowledgement.
    if (props.allowAdminScope) {
      Validations.of(this).acknowledge({
        id: ADMIN_SCOPE_RULE_ID,
        reason: 'allowAdminScope: true on this PublicSpaClient: the app calls Cognito user APIs with its access token',
      });
    }
    this.resource.addMetadata(PROFILE_METADATA_KEY, 'public-spa');
  }
}
