import { checkStringLimits } from '../constraints';
import { defineRule } from '../rule';
import { Severity } from '../types';
import { DOMAIN_PREFIX_DOC, domainKind } from './domain-kind';

// Measured (pf-cognito-domain-prefix-length): a 64-character prefix fails with
// "Member must have length less than or equal to 63"; 63 deploys (constraints D02).
export const domainPrefixLength = defineRule({
  id: 'domain-prefix-length',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolDomain',
  description: 'A domain prefix (no CustomDomainConfig) has 1 to 63 characters.',
  docUrl: DOMAIN_PREFIX_DOC,
  constraints: ['D02'],
  check: (domain) => {
    if (domainKind(domain) !== 'prefix') return [];
    return checkStringLimits('Domain', domain.string('Domain'), { minLength: 1, maxLength: 63 },
      'shorten the prefix to at most 63 characters (it becomes the first DNS label of <prefix>.auth.<region>.amazoncognito.com)');
  },
});
