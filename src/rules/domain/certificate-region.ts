import { defineRule } from '../rule';
import { Severity } from '../types';
import { isKnown, readString } from '../values';
import { CUSTOM_DOMAIN_DOC } from './domain-kind';

// Measured (pf-cognito-custom-domain-cert-region): a certificate in ap-northeast-1 fails with "The specified SSL
// certificate doesn't exist, isn't in us-east-1 region, ..." (CloudFront; constraints D04). Judged only in the
// commercial partition: where other partitions keep these certificates is unconfirmed.
const ACM_ARN = /^arn:([^:]+):acm:([^:]*):/;

export const domainCertificateRegion = defineRule({
  id: 'domain-certificate-region',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolDomain',
  description: 'The ACM certificate of a custom domain is in us-east-1, where CloudFront reads certificates.',
  docUrl: CUSTOM_DOMAIN_DOC,
  constraints: ['D04'],
  check: (domain) => {
    const config = domain.object('CustomDomainConfig');
    if (!isKnown(config)) return [];
    const arn = readString(config.CertificateArn, domain.model);
    const match = isKnown(arn) ? ACM_ARN.exec(arn) : null;
    if (!match || match[1] !== 'aws' || match[2] === 'us-east-1') return [];
    return [{
      property: 'CustomDomainConfig.CertificateArn',
      value: arn,
      because: `the certificate is in ${match[2] || 'no region'}, and the CloudFront distribution behind a custom domain reads certificates from us-east-1 only`,
      fix: 'request or import the certificate in us-east-1 (in CDK, from a stack whose env.region is us-east-1) and use that ARN',
    }];
  },
});
