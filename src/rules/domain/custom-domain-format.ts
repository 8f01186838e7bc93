import { defineRule } from '../rule';
import { Severity } from '../types';
import { isKnown } from '../values';
import { CUSTOM_DOMAIN_DOC, domainKind } from './domain-kind';

// Measured (pf-cognito-custom-domain-fqdn): Domain "pfprobe" with CustomDomainConfig fails with "Custom domain is not
// a valid subdomain"; the pattern is the one cfn-lint's enhanced schema applies to custom domains (constraints D04).
const FQDN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

export const domainCustomDomainFormat = defineRule({
  id: 'domain-custom-domain-format',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolDomain',
  description: 'A custom domain (CustomDomainConfig present) is a fully qualified lower-case host name such as auth.example.com.',
  docUrl: CUSTOM_DOMAIN_DOC,
  constraints: ['D04'],
  check: (domain) => {
    const name = domain.string('Domain');
    if (domainKind(domain) !== 'custom' || !isKnown(name) || FQDN.test(name)) return [];
    return [{
      property: 'Domain',
      value: name,
      because: name.includes('.')
        ? 'a custom domain must be a lower-case host name made of dot-separated labels of letters, digits and inner hyphens'
        : 'with CustomDomainConfig the domain must be a full host name such as auth.example.com, not a prefix',
      fix: name.includes('.')
        ? `use the lower-case host name (e.g. "${name.toLowerCase().replace(/\.+$/, '')}")`
        : 'give the full host name of your subdomain, or remove CustomDomainConfig to use it as an amazoncognito.com prefix',
    }];
  },
});
