/**
 * Rules the audit does not run, and why: each judges something that exists only in a template (its syntax, the
 * order CloudFormation creates resources in, metadata this library's constructs write, resources and files the
 * audit does not read), never in what Cognito returns. The one list the auditor and the README's audit section read.
 */
import { ALL_RULES } from '../../rules/catalogue';

/** Every rule of these types: the audit reads no such thing from Cognito. */
const TYPES_NOT_READ: Readonly<Record<string, string>> = {
  'AWS::Cognito::UserPoolUICustomizationAttachment': 'a template resource (UI customization attachment); the audit reads no UI customization',
  'Template': 'the template file itself',
};

const SYNTAX = 'template syntax (JSON types, property names); API responses are typed';
const PROFILE = 'the profile tag this library writes into template metadata; a deployed client has none';

/** These rules, whatever their type. */
const RULES: Readonly<Record<string, string>> = {
  'client-property-types': SYNTAX,
  'domain-property-types': SYNTAX,
  'resource-server-property-types': SYNTAX,
  'client-depends-on-pool-resources': 'creation order (DependsOn) inside one stack',
  'profile-public-client-no-secret': PROFILE,
  'profile-public-client-code-grant-only': PROFILE,
  'profile-m2m-client-credentials-only': PROFILE,
  'profile-m2m-resource-server-scopes-only': PROFILE,
};

/** Rule id to the reason the audit does not run it, in catalogue order. */
export const TEMPLATE_ONLY_RULES: Readonly<Record<string, string>> = Object.fromEntries(ALL_RULES
  .map((rule) => [rule.id, RULES[rule.id] ?? TYPES_NOT_READ[rule.resourceType]] as const)
  .filter(([, reason]) => reason !== undefined));

export const TEMPLATE_ONLY_RULE_IDS: readonly string[] = Object.keys(TEMPLATE_ONLY_RULES);
