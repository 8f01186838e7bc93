// The cdk-nag rule pack has its own entry point (`cdk-cognito-clients/lib/compliance/nag`) and is not exported from
// the package index: only users who import it need cdk-nag, an optional peer dependency.
export { CognitoClientsNagPack, CognitoClientsNagPackProps } from './cognito-clients-nag-pack';
