import { defineRule } from '../rule';
import { Severity } from '../types';
import { isKnown } from '../values';
import { knownStrings } from './oauth';

// Measured: "The provider Google does not exist for User Pool us-east-1_..." (constraints C20, pf-cognito-supported-identity-providers-exists)
export const clientIdentityProvidersExist = defineRule({
  id: 'client-identity-providers-exist',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'Every SupportedIdentityProviders entry is COGNITO or the ProviderName of an identity provider of the same user pool.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-SupportedIdentityProviders',
  constraints: ['C20'],
  check: (client) => {
    const pool = client.pool;
    if (!pool) return [];
    const names = pool.identityProviders.map((provider) => provider.providerName);
    // A provider whose name or pool we cannot read could be the one a client names.
    if (!names.every(isKnown) || client.model.hasUnplacedIdentityProvider) return [];
    const defined = names.filter(isKnown);
    return knownStrings(client, 'SupportedIdentityProviders')
      .filter(({ value }) => value !== 'COGNITO' && !defined.includes(value))
      .map(({ value, index }) => ({
        property: `SupportedIdentityProviders[${index}]`,
        value,
        because: `user pool ${pool.logicalId} has no identity provider of that name (defined: ${['COGNITO', ...defined].join(', ')})`,
        fix: `add an AWS::Cognito::UserPoolIdentityProvider with ProviderName ${JSON.stringify(value)} to ${pool.logicalId} (and DependsOn it), or remove the entry; names are case-sensitive`,
      }));
  },
});
