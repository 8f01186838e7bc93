import { defineRule } from '../rule';
import { Severity } from '../types';
import { isKnown } from '../values';
import { DOMAIN_PREFIX_DOC, domainKind } from './domain-kind';

// Measured (pf-cognito-domain-prefix-format): "PF_Probe_Domain" fails with "The domain name contains an invalid
// character ... ^[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?$" (constraints D02). The length part of that pattern is
// domain-prefix-length's job, so this rule checks the shape only.
const PREFIX_SHAPE = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export const domainPrefixFormat = defineRule({
  id: 'domain-prefix-format',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolDomain',
  description: 'A domain prefix (no CustomDomainConfig) has only lower-case letters, digits and hyphens, and neither starts nor ends with a hyphen.',
  docUrl: DOMAIN_PREFIX_DOC,
  constraints: ['D02'],
  check: (domain) => {
    const prefix = domain.string('Domain');
    if (domainKind(domain) !== 'prefix' || !isKnown(prefix) || prefix === '' || PREFIX_SHAPE.test(prefix)) return [];
    const suggestion = prefix.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
    return [{
      property: 'Domain',
      value: prefix,
      because: 'a domain prefix takes only lower-case letters, digits and hyphens, with a letter or digit at both ends (no dots: a full host name needs CustomDomainConfig)',
      fix: suggestion && PREFIX_SHAPE.test(suggestion) ? `use a prefix such as "${suggestion}"` : 'use lower-case letters, digits and inner hyphens only',
    }];
  },
});
