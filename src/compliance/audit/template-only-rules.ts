/**
 * Rules the audit does not run, and why: each judges something that exists only in a template (its syntax, the
 * order CloudFormation creates resources in, metadata this library's constructs write), never in what Cognito
 * returns. The one list the auditor, `--disable` and the README's audit section read.
 */
export const TEMPLATE_ONLY_RULES: Readonly<Record<string, string>> = {
  'client-property-types': 'template syntax (JSON types, property names); API responses are typed',
  'domain-property-types': 'template syntax (JSON types, property names); API responses are typed',
  'resource-server-property-types': 'template syntax (JSON types, property names); API responses are typed',
  'client-depends-on-pool-resources': 'creation order (DependsOn) inside one stack',
  'ui-customization-property-types': 'a template resource (UI customization attachment); the audit reads no UI customization',
  'ui-customization-requires-domain': 'a template resource (UI customization attachment); the audit reads no UI customization',
  'ui-customization-after-domain': 'creation order (DependsOn) inside one stack',
  'profile-public-client-no-secret': 'the profile tag this library writes into template metadata; a deployed client has none',
  'profile-public-client-code-grant-only': 'the profile tag this library writes into template metadata; a deployed client has none',
  'profile-m2m-client-credentials-only': 'the profile tag this library writes into template metadata; a deployed client has none',
  'profile-m2m-resource-server-scopes-only': 'the profile tag this library writes into template metadata; a deployed client has none',
};

export const TEMPLATE_ONLY_RULE_IDS: readonly string[] = Object.keys(TEMPLATE_ONLY_RULES);
