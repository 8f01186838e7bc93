import { defineRule } from '../rule';
import { Severity } from '../types';
import { isKnown } from '../values';
import { CUSTOM_DOMAIN_DOC, domainKind } from './domain-kind';

// Measured (pf-cognito-custom-domain-fqdn, API text): "Custom domain is not a valid subdomain: Was not able to resolve
// a DNS A record for the parent domain or domain parent is a top-level domain." (constraints D04). A two-label name
// (example.com) always has a top-level domain as parent. Deeper names whose parent is a public suffix (example.co.uk)
// are not judged: no suffix list is consulted, and whether Cognito rejects them is unconfirmed.
export const domainCustomDomainSubdomain = defineRule({
  id: 'domain-custom-domain-subdomain',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolDomain',
  description: 'A custom domain is a subdomain (auth.example.com), not a domain directly under a top-level domain (example.com).',
  docUrl: CUSTOM_DOMAIN_DOC,
  constraints: ['D04'],
  check: (domain) => {
    const name = domain.string('Domain');
    if (domainKind(domain) !== 'custom' || !isKnown(name)) return [];
    const labels = name.replace(/\.$/, '').split('.');
    if (labels.length !== 2 || labels.some((label) => label === '')) return [];
    return [{
      property: 'Domain',
      value: name,
      because: `its parent "${labels[1]}" is a top-level domain, and Cognito accepts only a subdomain whose parent domain has a DNS A record`,
      fix: `use a subdomain such as "auth.${name}", and give its parent domain an A record before deploying`,
    }];
  },
});
