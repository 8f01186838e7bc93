/**
 * A compliance job in CI: the validation plugin fails `cdk synth` on a deploy-breaking client, and the workflow in
 * cognito-compliance.yml lints the cloud assembly again with the GitHub Action and uploads SARIF to code scanning,
 * so warnings show up in the Security tab and on pull requests.
 *
 * Synthesize: `npx cdk synth --app "npx ts-node --prefer-ts-exts examples/compliance-ci/app.ts"`
 */
import { App, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { CognitoClientChecks, PublicSpaClient } from '../../src';

export class StorefrontIdentityStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const userPool = new cognito.UserPool(this, 'Shoppers', { featurePlan: cognito.FeaturePlan.ESSENTIALS });
    new PublicSpaClient(this, 'Storefront', {
      userPool,
      callbackUrls: ['https://shop.example.com/callback'],
      logoutUrls: ['https://shop.example.com/'],
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }),
    });
    // An older client that draws warnings (implicit grant, every scope): reported, and the SARIF upload shows them.
    userPool.addClient('Kiosk', { oAuth: { callbackUrls: ['https://kiosk.example.com/callback'] } });
  }
}

/** The app as `cdk synth` runs it: the plugin checks every user pool client of every stack. */
export function storefrontApp(): App {
  const app = new App();
  Validations.of(app).addPlugins(new CognitoClientChecks());
  new StorefrontIdentityStack(app, 'StorefrontIdentity', { env: { region: 'eu-west-1' } });
  return app;
}

if (require.main === module) {
  storefrontApp().synth();
}
