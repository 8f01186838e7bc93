import { ResourceView } from '../rule';
import { UNKNOWN } from '../values';

/**
 * Whether a UserPoolDomain is a prefix domain (`<prefix>.auth.<region>.amazoncognito.com`) or a custom domain:
 * the presence of CustomDomainConfig decides. Undefined when CustomDomainConfig is an intrinsic (e.g. Fn::If).
 */
export function domainKind(domain: ResourceView): 'prefix' | 'custom' | undefined {
  const config = domain.object('CustomDomainConfig');
  if (config === UNKNOWN) return undefined;
  return config === undefined ? 'prefix' : 'custom';
}

export const DOMAIN_PREFIX_DOC = 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-assign-domain-prefix.html';
export const CUSTOM_DOMAIN_DOC = 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-add-custom-domain.html';
export const CREATE_DOMAIN_API = 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolDomain.html';
