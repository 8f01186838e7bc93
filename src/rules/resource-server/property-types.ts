import { cfnList, cfnObject, cfnProperties, cfnString, checkPropertyTypes } from '../cfn-types';
import { defineRule } from '../rule';
import { Severity } from '../types';

// Property names, types and required names from the CloudFormation resource schema of
// AWS::Cognito::UserPoolResourceServer (additionalProperties false). ScopeName and ScopeDescription being required
// is reported by resource-server-scope-name and resource-server-scope-description.
export const RESOURCE_SERVER_PROPERTIES = cfnProperties({
  UserPoolId: cfnString(),
  Identifier: cfnString(),
  Name: cfnString(),
  Scopes: cfnList(cfnObject({ ScopeName: cfnString().optional(), ScopeDescription: cfnString().optional() })),
});

export const resourceServerPropertyTypes = defineRule({
  id: 'resource-server-property-types',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolResourceServer',
  description: 'UserPoolId, Identifier and Name are present, every property has its CloudFormation type, and no property name is unknown.',
  docUrl: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpoolresourceserver.html',
  constraints: ['R01', 'R02'],
  check: (server) => checkPropertyTypes(RESOURCE_SERVER_PROPERTIES, server.properties),
});
