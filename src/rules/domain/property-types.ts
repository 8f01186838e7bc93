import { cfnInteger, cfnObject, cfnProperties, cfnString, checkPropertyTypes } from '../cfn-types';
import { defineRule } from '../rule';
import { Severity } from '../types';

// Property names, types and required names from the CloudFormation resource schema of AWS::Cognito::UserPoolDomain
// (constraints D01; the registry schema sets additionalProperties false, so unknown names fail the deploy).
export const DOMAIN_PROPERTIES = cfnProperties({
  UserPoolId: cfnString(),
  Domain: cfnString(),
  CustomDomainConfig: cfnObject({ CertificateArn: cfnString().optional(), SecurityPolicy: cfnString().optional() }),
  ManagedLoginVersion: cfnInteger().optional(),
  Routing: cfnObject({
    Failover: cfnObject({ PrimaryRoute53HealthCheckId: cfnString().optional(), SecondaryRegion: cfnString().optional() }),
  }),
});

export const domainPropertyTypes = defineRule({
  id: 'domain-property-types',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolDomain',
  description: 'Domain and UserPoolId are present, every property has its CloudFormation type, and no property name is unknown.',
  docUrl: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpooldomain.html',
  constraints: ['D01'],
  check: (domain) => checkPropertyTypes(DOMAIN_PROPERTIES, domain.properties),
});
