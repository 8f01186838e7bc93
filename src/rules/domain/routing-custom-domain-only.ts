import { defineRule } from '../rule';
import { Severity } from '../types';
import { isKnown } from '../values';
import { CREATE_DOMAIN_API, domainKind } from './domain-kind';

// API CreateUserPoolDomain Routing doc: routing is "currently only supported for custom domains" (constraints D08).
// Whether a prefix domain with Routing is rejected at deploy is unconfirmed, hence a warning.
export const domainRoutingCustomDomainOnly = defineRule({
  id: 'domain-routing-custom-domain-only',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolDomain',
  description: 'Routing is set only on custom domains (documented; rejection of a prefix domain with Routing is unconfirmed).',
  docUrl: CREATE_DOMAIN_API,
  constraints: ['D08'],
  check: (domain) => {
    const routing = domain.object('Routing');
    if (domainKind(domain) !== 'prefix' || !isKnown(routing)) return [];
    return [{
      property: 'Routing',
      value: routing,
      because: 'Cognito documents routing (regional failover) for custom domains only, and this is a prefix domain',
      fix: 'remove Routing, or use a custom domain (CustomDomainConfig) for failover',
    }];
  },
});
