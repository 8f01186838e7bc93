import { checkStringLimits } from '../constraints';
import { defineRule } from '../rule';
import { Severity } from '../types';
import { isKnown, readString } from '../values';

// API model SecurityPolicyType enum (constraints D06).
const POLICIES = ['TLS_V1', 'TLS_V1_2_2021', 'TLS_V1_3_2025'];

export const domainSecurityPolicy = defineRule({
  id: 'domain-security-policy',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolDomain',
  description: 'CustomDomainConfig.SecurityPolicy is TLS_V1, TLS_V1_2_2021 or TLS_V1_3_2025.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CustomDomainConfigType.html',
  constraints: ['D06'],
  check: (domain) => {
    const config = domain.object('CustomDomainConfig');
    if (!isKnown(config)) return [];
    return checkStringLimits('CustomDomainConfig.SecurityPolicy', readString(config.SecurityPolicy, domain.model),
      { allowed: POLICIES }, 'use TLS_V1_2_2021 (or TLS_V1_3_2025 for TLS 1.3 only), written exactly so');
  },
});
