import { checkStringLimits } from '../constraints';
import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { isKnown, readObject, readString } from '../values';
import { CREATE_DOMAIN_API } from './domain-kind';

// API model FailoverType: SecondaryRegion (5-32 characters) and PrimaryRoute53HealthCheckId (at most 64) are
// required (constraints D08).
export const domainRoutingFailover = defineRule({
  id: 'domain-routing-failover',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolDomain',
  description: 'Routing.Failover has a SecondaryRegion (5-32 characters) and a PrimaryRoute53HealthCheckId (at most 64 characters).',
  docUrl: CREATE_DOMAIN_API,
  constraints: ['D08'],
  check: (domain) => {
    const routing = domain.object('Routing');
    const failover = isKnown(routing) ? readObject(routing.Failover) : undefined;
    if (!isKnown(failover)) return [];
    const violations: Violation[] = [];
    const region = readString(failover.SecondaryRegion, domain.model);
    const healthCheck = readString(failover.PrimaryRoute53HealthCheckId, domain.model);
    if (region === undefined) {
      violations.push({
        property: 'Routing.Failover.SecondaryRegion',
        because: 'failover needs the region to fail over to',
        fix: 'add SecondaryRegion, e.g. us-west-2',
      });
    }
    if (healthCheck === undefined) {
      violations.push({
        property: 'Routing.Failover.PrimaryRoute53HealthCheckId',
        because: 'failover needs the Route 53 health check that decides when the primary region is down',
        fix: 'add PrimaryRoute53HealthCheckId with the id of a Route 53 health check',
      });
    }
    violations.push(
      ...checkStringLimits('Routing.Failover.SecondaryRegion', region, { minLength: 5, maxLength: 32 }, 'give a region name such as us-west-2'),
      ...checkStringLimits('Routing.Failover.PrimaryRoute53HealthCheckId', healthCheck, { maxLength: 64 }, 'give the id of the Route 53 health check'),
    );
    return violations;
  },
});
