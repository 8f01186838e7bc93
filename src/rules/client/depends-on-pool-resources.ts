import { defineRule, ResourceView } from '../rule';
import { serversOwningScope } from '../template-model';
import { Severity, Violation } from '../types';
import { knownStrings } from './oauth';

// Deploy errors "Invalid scope requested" / "The provider ... does not exist" when CloudFormation creates the
// client first (constraints C12, C20; aws/aws-cdk#15692). DependsOn: CloudFormation user guide.
export const clientDependsOnPoolResources = defineRule({
  id: 'client-depends-on-pool-resources',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'A client that uses a resource server scope or an identity provider of its pool should depend on that resource, or CloudFormation may create the client first.',
  docUrl: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-dependson.html',
  constraints: ['C12', 'C20'],
  check: (client) => {
    const pool = client.pool;
    if (!pool) return [];
    const scopes = knownStrings(client, 'AllowedOAuthScopes');
    const providers = knownStrings(client, 'SupportedIdentityProviders');
    // Most clients name no resource server scope and no identity provider of the template: nothing to set up.
    if (!scopes.some(({ value }) => serversOwningScope(pool, value).length > 0)
      && (pool.identityProviders.length === 0 || providers.length === 0)) return [];
    const violations: Violation[] = [];
    // One finding per missing dependency, on the first entry that needs it.
    const reported = new Set<string>();
    const report = (logicalId: string, property: string, value: string, kind: string, symptom: string) => {
      if (reported.has(logicalId) || dependsOn(client, logicalId)) return;
      reported.add(logicalId);
      violations.push({
        property,
        value,
        because: `it comes from ${kind} ${logicalId}, which the client neither references nor lists in DependsOn, so CloudFormation may create the client first and the deploy fails with "${symptom}"`,
        fix: `add DependsOn: ${logicalId} to ${client.logicalId} (in CDK: client.node.addDependency(...))`,
      });
    };
    for (const { value, index } of scopes) {
      // Identifiers may contain slashes (`https://api.example.com/v2`): the longest matching one owns the scope.
      const owner = serversOwningScope(pool, value)[0];
      if (owner) report(owner.logicalId, `AllowedOAuthScopes[${index}]`, value, 'resource server', 'Invalid scope requested');
    }
    for (const { value, index } of providers) {
      for (const provider of pool.identityProviders) {
        if (provider.providerName === value) {
          report(provider.logicalId, `SupportedIdentityProviders[${index}]`, value, 'identity provider', `The provider ${value} does not exist`);
        }
      }
    }
    return violations;
  },
});

function dependsOn(client: ResourceView, logicalId: string): boolean {
  return client.dependsOn.includes(logicalId) || client.references(logicalId);
}
