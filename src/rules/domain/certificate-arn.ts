import { checkStringLimits } from '../constraints';
import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { isKnown, readString } from '../values';

// API model CustomDomainConfigType: CertificateArn is required, 20-2048 characters, ARN pattern (constraints D06).
// The CloudFormation schema does not mark it required, so only Cognito rejects the gap, at deploy.
const ARN = /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:(?:[\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(?::[\w+=/,.@-]+)?(?::[\w+=/,.@-]+)?$/;

export const domainCertificateArn = defineRule({
  id: 'domain-certificate-arn',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolDomain',
  description: 'CustomDomainConfig has a CertificateArn, and it is an ARN of 20 to 2048 characters.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CustomDomainConfigType.html',
  constraints: ['D06'],
  check: (domain) => {
    const config = domain.object('CustomDomainConfig');
    if (!isKnown(config)) return [];
    const arn = readString(config.CertificateArn, domain.model);
    if (arn === undefined) {
      const missing: Violation = {
        property: 'CustomDomainConfig.CertificateArn',
        because: 'a custom domain is served over HTTPS and Cognito requires the ARN of its ACM certificate',
        fix: 'add CertificateArn with the ARN of an ACM certificate in us-east-1 that covers the domain',
      };
      return [missing];
    }
    return checkStringLimits('CustomDomainConfig.CertificateArn', arn,
      { minLength: 20, maxLength: 2048, pattern: ARN, patternDescription: 'an ARN (arn:partition:acm:region:account:certificate/id)' },
      'use the full ARN of the ACM certificate, e.g. arn:aws:acm:us-east-1:123456789012:certificate/<id>');
  },
});
