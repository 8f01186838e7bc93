import { Rule } from '../rule';
import { domainCertificateArn } from './certificate-arn';
import { domainCertificateRegion } from './certificate-region';
import { domainCustomDomainFormat } from './custom-domain-format';
import { domainCustomDomainSubdomain } from './custom-domain-subdomain';
import { domainManagedLoginTier } from './managed-login-tier';
import { domainManagedLoginVersion } from './managed-login-version';
import { domainPrefixFormat } from './prefix-format';
import { domainPrefixLength } from './prefix-length';
import { domainPrefixReservedWord } from './prefix-reserved-word';
import { domainPropertyTypes } from './property-types';
import { domainRoutingCustomDomainOnly } from './routing-custom-domain-only';
import { domainRoutingFailover } from './routing-failover';
import { domainSecurityPolicy } from './security-policy';
import { uiCustomizationAfterDomain } from './ui-customization-after-domain';
import { uiCustomizationPropertyTypes } from './ui-customization-property-types';
import { uiCustomizationRequiresDomain } from './ui-customization-requires-domain';
import { uiCustomizationUserPoolIdFormat } from './ui-customization-user-pool-id-format';
import { domainUserPoolIdFormat } from './user-pool-id-format';

/** Rules for AWS::Cognito::UserPoolDomain and UI customization attachments, in the order they are reported. */
export const DOMAIN_RULES: readonly Rule[] = [
  // --- shape ---
  domainPropertyTypes,
  domainUserPoolIdFormat,
  // --- prefix domains (<prefix>.auth.<region>.amazoncognito.com) ---
  domainPrefixLength,
  domainPrefixFormat,
  domainPrefixReservedWord,
  // --- custom domains ---
  domainCustomDomainFormat,
  domainCustomDomainSubdomain,
  domainCertificateArn,
  domainCertificateRegion,
  domainSecurityPolicy,
  // --- managed login and routing ---
  domainManagedLoginVersion,
  domainManagedLoginTier,
  domainRoutingFailover,
  domainRoutingCustomDomainOnly,
  // --- AWS::Cognito::UserPoolUICustomizationAttachment ---
  uiCustomizationPropertyTypes,
  uiCustomizationUserPoolIdFormat,
  uiCustomizationRequiresDomain,
  uiCustomizationAfterDomain,
];
