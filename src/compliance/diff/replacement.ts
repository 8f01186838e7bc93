/**
 * What CloudFormation replaces, and what a replacement breaks for everyone who holds the old resource's identity.
 * Create-only properties come from the CloudFormation resource schemas (createOnlyProperties):
 */
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpoolclient.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpooldomain.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpoolresourceserver.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpooluicustomizationattachment.html
// https://github.com/aws-cloudformation/cfn-lint/blob/main/src/cfnlint/data/schemas/providers/us_east_1/aws-cognito-userpoolclient.json

export const CLIENT = 'AWS::Cognito::UserPoolClient';
export const DOMAIN = 'AWS::Cognito::UserPoolDomain';
export const RESOURCE_SERVER = 'AWS::Cognito::UserPoolResourceServer';
export const UI_CUSTOMIZATION = 'AWS::Cognito::UserPoolUICustomizationAttachment';

/** The resource types the diff compares: the ones the rule engine checks. */
export const DIFFED_TYPES: readonly string[] = [CLIENT, DOMAIN, RESOURCE_SERVER, UI_CUSTOMIZATION];

interface ReplacementFacts {
  /** Noun for messages. */
  readonly noun: string;
  /** Properties whose change makes CloudFormation replace the resource. */
  readonly createOnly: readonly string[];
  /** What a new resource breaks, completing "so ...". */
  readonly breaks: string;
}

export const REPLACEMENTS: Readonly<Record<string, ReplacementFacts>> = {
  [CLIENT]: {
    noun: 'client',
    createOnly: ['UserPoolId', 'GenerateSecret'],
    breaks: 'the client gets a new client id (and a new secret, if it has one): every app, service, identity pool and '
      + 'API authorizer configured with the old id stops working until it gets the new one, and tokens issued to the old client can no longer be refreshed',
  },
  [DOMAIN]: {
    noun: 'domain',
    createOnly: ['UserPoolId', 'Domain'],
    breaks: 'the old domain is deleted: its sign-in, token, logout and OAuth endpoints move to a new URL, and every app '
      + 'and identity provider (SAML/OIDC redirect to /oauth2/idpresponse) configured with the old one must be updated',
  },
  [RESOURCE_SERVER]: {
    noun: 'resource server',
    createOnly: ['UserPoolId', 'Identifier'],
    breaks: 'its scopes are recreated under the new identifier (`<identifier>/<scope>`): clients that ask for the old '
      + 'scope names fail, and APIs that check the old names in access tokens reject them',
  },
  [UI_CUSTOMIZATION]: {
    noun: 'UI customization',
    createOnly: ['UserPoolId', 'ClientId'],
    breaks: 'the hosted UI customization is deleted and applied again to the new target',
  },
};

/** True when changing `property` of a `type` resource replaces it. */
export function isCreateOnly(type: string, property: string): boolean {
  return REPLACEMENTS[type]?.createOnly.includes(property) ?? false;
}

export function replacementMessage(type: string, property: string): string {
  const facts = REPLACEMENTS[type];
  return `${property} is create-only: CloudFormation replaces the ${facts.noun}, so ${facts.breaks}`;
}

export function renameMessage(type: string, beforeId: string, afterId: string): string {
  const facts = REPLACEMENTS[type];
  return `probable rename: ${beforeId} disappears while ${afterId} of the same user pool appears; CloudFormation creates `
    + `${afterId} as a new ${facts.noun} and deletes ${beforeId}, so ${facts.breaks}`;
}
