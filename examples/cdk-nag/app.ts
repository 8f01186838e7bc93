/**
 * For teams that review compliance with cdk-nag: the Cognito client rules as a cdk-nag pack next to
 * AwsSolutionsChecks, acknowledged the cdk-nag way.
 *
 * Synthesize: `npx cdk synth --app "npx ts-node --prefer-ts-exts examples/cdk-nag/app.ts"`
 */
import { App, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Construct } from 'constructs';
import { CognitoClientsNagPack } from '../../src/compliance/nag';

export class PartnerPortalStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const userPool = new cognito.UserPool(this, 'Partners', {
      featurePlan: cognito.FeaturePlan.PLUS,
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
      passwordPolicy: { minLength: 12, requireUppercase: true, requireDigits: true, requireSymbols: true },
    });
    const legacyClient = userPool.addClient('LegacyPortal', { oAuth: { callbackUrls: ['https://partners.example.com/callback'] } });

    Validations.of(legacyClient).acknowledge({ id: 'CognitoClients-client-implicit-grant', reason: 'Legacy SPA, migration tracked in JIRA-123' });
  }
}

/** The app as `cdk synth` runs it: cdk-nag's AWS Solutions pack and the Cognito client rules side by side. */
export function partnerPortalApp(): App {
  const app = new App();
  new PartnerPortalStack(app, 'PartnerPortal', { env: { region: 'eu-west-1' } });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new CognitoClientsNagPack(app));
  return app;
}

if (require.main === module) {
  partnerPortalApp().synth();
}
