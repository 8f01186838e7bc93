import { checkPropertyTypes } from '../cfn-types';
import { defineRule } from '../rule';
import { Severity } from '../types';
import { userPoolClientPropertiesSchema } from './property-schema';

// CloudFormation registry schema of AWS::Cognito::UserPoolClient (constraints.md [CFN]): types, required UserPoolId,
// additionalProperties: false ("extraneous key" on deploy).
export const clientPropertyTypes = defineRule({
  id: 'client-property-types',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'Every property has the JSON type CloudFormation expects (intrinsic functions allowed anywhere), UserPoolId is present, and no property name is unknown.',
  docUrl: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpoolclient.html',
  constraints: ['C01'],
  check: (client) => checkPropertyTypes(userPoolClientPropertiesSchema, client.properties),
});
