/**
 * The JSON shape CloudFormation accepts for AWS::Cognito::UserPoolClient, built with the shared helpers of
 * `../cfn-types` (internal to the rule engine: jsii cannot describe zod types).
 *
 * Source: the CloudFormation registry schema of the resource (cfn-lint copy fe665a1921d29144.json, see
 * constraints.md [CFN]). Only JSON types, required-ness and extraneous keys are checked here; value limits
 * (lengths, enums, ranges) have their own rules so each finding names the limit it breaks.
 */
import { cfnBoolean, cfnInteger, cfnList, cfnObject, cfnProperties, cfnString } from '../cfn-types';

const optionalString = () => cfnString().optional();
const stringList = () => cfnList(cfnString());

/** The properties of one UserPoolClient resource. */
export const userPoolClientPropertiesSchema = cfnProperties({
  AccessTokenValidity: cfnInteger().optional(),
  AllowedOAuthFlows: stringList(),
  AllowedOAuthFlowsUserPoolClient: cfnBoolean().optional(),
  AllowedOAuthScopes: stringList(),
  // The registry schema sets additionalProperties: false on AnalyticsConfiguration and TokenValidityUnits,
  // but not on RefreshTokenRotation, so unknown keys are only extraneous in the first two.
  AnalyticsConfiguration: cfnObject({
    ApplicationArn: optionalString(),
    ApplicationId: optionalString(),
    ExternalId: optionalString(),
    RoleArn: optionalString(),
    UserDataShared: cfnBoolean().optional(),
  }),
  AuthSessionValidity: cfnInteger().optional(),
  CallbackURLs: stringList(),
  // ClientId, ClientSecret and Name are read-only in the registry schema. They are declared properties, so
  // they are not "extraneous"; whether CloudFormation refuses them as input is not confirmed, so they pass here.
  ClientId: optionalString(),
  ClientName: optionalString(),
  ClientSecret: optionalString(),
  DefaultRedirectURI: optionalString(),
  EnablePropagateAdditionalUserContextData: cfnBoolean().optional(),
  EnableTokenRevocation: cfnBoolean().optional(),
  ExplicitAuthFlows: stringList(),
  GenerateSecret: cfnBoolean().optional(),
  IdTokenValidity: cfnInteger().optional(),
  LogoutURLs: stringList(),
  Name: optionalString(),
  PreventUserExistenceErrors: optionalString(),
  ReadAttributes: stringList(),
  RefreshTokenRotation: cfnObject({ Feature: optionalString(), RetryGracePeriodSeconds: cfnInteger().optional() }, { open: true }),
  RefreshTokenValidity: cfnInteger().optional(),
  SupportedIdentityProviders: stringList(),
  TokenValidityUnits: cfnObject({ AccessToken: optionalString(), IdToken: optionalString(), RefreshToken: optionalString() }),
  UserPoolId: cfnString(),
  WriteAttributes: stringList(),
});
