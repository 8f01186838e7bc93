import { defineRule, ResourceView } from '../rule';
import { Severity, Violation } from '../types';
import { intrinsicName, isKnown, readObject } from '../values';

// API reference, WriteAttributes: a client that offers IdP sign-in must be able to write every attribute mapped from
// that IdP, or Cognito "throws an error when it tries to update the attribute" (constraints C36). Cognito does not
// check this when the client is created (the mapping lives on the IdP resource and may change later); the failure
// comes at each federated sign-in. It deploys, so this is a warning.
export const clientWriteAttributesIdpMapped = defineRule({
  id: 'client-write-attributes-idp-mapped',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'An explicit WriteAttributes list contains every attribute mapped by the identity providers the client supports (otherwise federated sign-in fails at runtime).',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-WriteAttributes',
  constraints: ['C36'],
  check: (client) => {
    const pool = client.pool;
    const writable = client.strings('WriteAttributes');
    if (!pool || !isKnown(writable) || !writable.every(isKnown)) return [];
    const violations: Violation[] = [];
    for (const provider of supportedProviders(client)) {
      const mapping = readObject(provider.attributeMapping);
      if (!isKnown(mapping)) continue;
      // `username` maps to the user name, not to a writable attribute.
      const missing = Object.keys(mapping).filter((attribute) => attribute !== 'username' && !writable.includes(attribute));
      if (missing.length === 0) continue;
      violations.push({
        property: 'WriteAttributes',
        value: writable,
        because: `identity provider ${provider.name} (${provider.logicalId}) maps ${missing.join(', ')}, which this client may not write, so Cognito fails the sign-in when it updates them`,
        fix: `add ${missing.join(', ')} to WriteAttributes, or drop the mapping`,
      });
    }
    return violations;
  },
});

interface ProviderResource {
  readonly logicalId: string;
  readonly name: string;
  readonly attributeMapping: unknown;
}

/** Identity providers of the client's pool that SupportedIdentityProviders names (by literal name or by Ref). */
function supportedProviders(client: ResourceView): ProviderResource[] {
  const raw = client.properties.SupportedIdentityProviders;
  if (!Array.isArray(raw) || !client.pool) return [];
  const providers: ProviderResource[] = [];
  for (const { logicalId, providerName: name, attributeMapping } of client.pool.identityProviders) {
    const named = raw.some((item) =>
      (isKnown(name) && item === name)
      || (intrinsicName(item) === 'Ref' && (item as { Ref: unknown }).Ref === logicalId));
    if (named) providers.push({ logicalId, name: isKnown(name) ? name : logicalId, attributeMapping });
  }
  return providers;
}
