import { cfnProperties, cfnString, checkPropertyTypes } from '../cfn-types';
import { defineRule } from '../rule';
import { Severity } from '../types';

// Property names, types and required names from the CloudFormation resource schema of
// AWS::Cognito::UserPoolUICustomizationAttachment (additionalProperties false).
export const ATTACHMENT_PROPERTIES = cfnProperties({
  UserPoolId: cfnString(),
  ClientId: cfnString(),
  CSS: cfnString().optional(),
});

export const uiCustomizationPropertyTypes = defineRule({
  id: 'ui-customization-property-types',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolUICustomizationAttachment',
  description: 'UserPoolId and ClientId are present, CSS is a string, and no property name is unknown.',
  docUrl: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpooluicustomizationattachment.html',
  constraints: [],
  check: (attachment) => checkPropertyTypes(ATTACHMENT_PROPERTIES, attachment.properties),
});
