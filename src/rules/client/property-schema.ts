/**
 * The JSON shape CloudFormation accepts for AWS::Cognito::UserPoolClient, as a zod schema.
 *
 * Internal to the rule engine: nothing here may be re-exported from the package entry point, because jsii
 * cannot describe zod types. The rule in `property-types.ts` turns zod issues into plain violations.
 *
 * Source: the CloudFormation registry schema of the resource (cfn-lint copy fe665a1921d29144.json, see
 * constraints.md [CFN]). Only JSON types, required-ness and extraneous keys are checked here; value limits
 * (lengths, enums, ranges) have their own rules so each finding names the limit it breaks.
 */
import { z } from 'zod';
import { intrinsicName } from '../values';

const isIntrinsic = (value: unknown) => intrinsicName(value) !== undefined;

/**
 * A scalar slot: one predicate, so zod reports exactly one issue with our own message. An intrinsic
 * (`{ Ref }`, `{ Fn::* }`) fits any slot because its value is only known at deploy.
 */
function scalar(test: (value: unknown) => boolean, expected: string) {
  return z.custom<unknown>((value) => isIntrinsic(value) || test(value), { error: `it must be ${expected}` });
}

/** A list or object slot, or an intrinsic in its place; `expected` completes "it must be ...". */
function orIntrinsic<T extends z.ZodType>(schema: T, expected: string) {
  return z.union([z.custom<unknown>(isIntrinsic), schema], { error: `it must be ${expected}` });
}

const string = () => scalar((v) => typeof v === 'string', 'a string');
// CloudFormation converts the strings "true"/"false" for Boolean properties.
const boolean = () => scalar((v) => typeof v === 'boolean' || (typeof v === 'string' && /^(true|false)$/i.test(v)),
  'a boolean (true or false; the strings "true" and "false" also work)');
// CloudFormation converts numeric strings for Integer properties.
const integer = () => scalar((v) => (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^\s*[-+]?\d+\s*$/.test(v)),
  'a whole number (a numeric string such as "60" also works)');
const stringList = () => orIntrinsic(z.array(string()), 'a list of strings');

/** Optional, and JSON null is treated as absent like the value readers do. */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish();
}

const TOKEN_VALIDITY_UNITS_SHAPE = {
  AccessToken: optional(string()),
  IdToken: optional(string()),
  RefreshToken: optional(string()),
};

const ANALYTICS_CONFIGURATION_SHAPE = {
  ApplicationArn: optional(string()),
  ApplicationId: optional(string()),
  ExternalId: optional(string()),
  RoleArn: optional(string()),
  UserDataShared: optional(boolean()),
};

const REFRESH_TOKEN_ROTATION_SHAPE = {
  Feature: optional(string()),
  RetryGracePeriodSeconds: optional(integer()),
};

const CLIENT_SHAPE = {
  AccessTokenValidity: optional(integer()),
  AllowedOAuthFlows: optional(stringList()),
  AllowedOAuthFlowsUserPoolClient: optional(boolean()),
  AllowedOAuthScopes: optional(stringList()),
  // The registry schema sets additionalProperties: false on AnalyticsConfiguration and TokenValidityUnits,
  // but not on RefreshTokenRotation, so unknown keys are only extraneous in the first two.
  AnalyticsConfiguration: optional(orIntrinsic(z.strictObject(ANALYTICS_CONFIGURATION_SHAPE), 'an object')),
  AuthSessionValidity: optional(integer()),
  CallbackURLs: optional(stringList()),
  // ClientId, ClientSecret and Name are read-only in the registry schema. They are declared properties, so
  // they are not "extraneous"; whether CloudFormation refuses them as input is not confirmed, so they pass here.
  ClientId: optional(string()),
  ClientName: optional(string()),
  ClientSecret: optional(string()),
  DefaultRedirectURI: optional(string()),
  EnablePropagateAdditionalUserContextData: optional(boolean()),
  EnableTokenRevocation: optional(boolean()),
  ExplicitAuthFlows: optional(stringList()),
  GenerateSecret: optional(boolean()),
  IdTokenValidity: optional(integer()),
  LogoutURLs: optional(stringList()),
  Name: optional(string()),
  PreventUserExistenceErrors: optional(string()),
  ReadAttributes: optional(stringList()),
  RefreshTokenRotation: optional(orIntrinsic(z.looseObject(REFRESH_TOKEN_ROTATION_SHAPE), 'an object')),
  RefreshTokenValidity: optional(integer()),
  SupportedIdentityProviders: optional(stringList()),
  TokenValidityUnits: optional(orIntrinsic(z.strictObject(TOKEN_VALIDITY_UNITS_SHAPE), 'an object')),
  UserPoolId: string(),
  WriteAttributes: optional(stringList()),
};

/** The properties of one UserPoolClient resource. */
export const userPoolClientPropertiesSchema = z.strictObject(CLIENT_SHAPE);

/** Valid key names per object path (`''` is the resource's Properties), for the fix of an extraneous key. */
export const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(CLIENT_SHAPE),
  'AnalyticsConfiguration': Object.keys(ANALYTICS_CONFIGURATION_SHAPE),
  'TokenValidityUnits': Object.keys(TOKEN_VALIDITY_UNITS_SHAPE),
};

/** Properties CloudFormation requires. */
export const REQUIRED_PROPERTIES: readonly string[] = ['UserPoolId'];
