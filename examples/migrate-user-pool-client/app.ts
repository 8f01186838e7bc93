/**
 * Moving an existing aws-cdk-lib `UserPoolClient` to `AppClient` without replacing the deployed client: users,
 * sessions and the client id stay.
 *
 * CloudFormation keeps a resource when its logical id stays the same and no create-only property changes (for a
 * user pool client: UserPoolId and GenerateSecret). The logical id comes from the construct path, so the
 * `AppClient` takes the old client's place in the tree: the same scope (the pool, as `userPool.addClient` used) and
 * the same id. Its CfnUserPoolClient is then `<pool>/Web/Resource`, exactly as before.
 * Where the new client cannot live at the old path, pin the old id instead:
 * `client.resource.overrideLogicalId('UsersWeb1A2B3C4D')` (the id from `cdk.out/*.template.json`).
 *
 * Synthesize: `npx cdk synth --app "npx ts-node --prefer-ts-exts examples/migrate-user-pool-client/app.ts"`
 */
import { App, Stack, StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { AppClient } from '../../src';

export interface OrdersIdentityStackProps extends StackProps {
  /** false: the app as it was (aws-cdk-lib's UserPoolClient); true: after the move to AppClient. */
  readonly migrated: boolean;
}

const callbackUrls = ['https://orders.example.com/callback'];
const logoutUrls = ['https://orders.example.com/'];
const writeAttributes = new cognito.ClientAttributes().withStandardAttributes({ email: true, givenName: true });

export class OrdersIdentityStack extends Stack {
  constructor(scope: Construct, id: string, props: OrdersIdentityStackProps) {
    super(scope, id, props);
    const userPool = new cognito.UserPool(this, 'Users');

    if (!props.migrated) {
      // Before.
      userPool.addClient('Web', {
        generateSecret: false,
        oAuth: {
          flows: { authorizationCodeGrant: true },
          scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL],
          callbackUrls,
          logoutUrls,
        },
        writeAttributes,
      });
    } else {
      // After: same scope, same id, same create-only properties (generateSecret stays false).
      new AppClient(userPool, 'Web', {
        userPool,
        generateSecret: false,
        oAuth: {
          flows: { authorizationCodeGrant: true },
          scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL],
          callbackUrls,
          logoutUrls,
        },
        writeAttributes,
      });
    }
  }
}

if (require.main === module) {
  const app = new App();
  new OrdersIdentityStack(app, 'OrdersIdentity', { migrated: true, env: { region: 'eu-west-1' } });
  app.synth();
}
