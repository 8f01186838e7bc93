import { defineRule } from '../rule';
import { TemplateModel } from '../template-model';
import { Severity } from '../types';

// CloudFormation creates resources in parallel unless one depends on another; the attachment fails with "There has
// to be an existing domain associated with this user pool" if it runs before the domain exists (the measured pass
// fixture of pf-cognito-ui-customization-requires-domain uses DependsOn). The race itself is not measured: warning.
export const uiCustomizationAfterDomain = defineRule({
  id: 'ui-customization-after-domain',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolUICustomizationAttachment',
  description: 'A UI customization attachment depends (DependsOn or a reference) on the UserPoolDomain of its pool, so it is created after it.',
  docUrl: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-dependson.html',
  constraints: [],
  check: (attachment) => {
    const pool = attachment.pool;
    if (!pool || pool.domainLogicalIds.length === 0) return [];
    const before = dependenciesOf(attachment.logicalId, attachment.model);
    if (pool.domainLogicalIds.some((domain) => before.has(domain))) return [];
    return [{
      property: 'DependsOn',
      value: attachment.dependsOn.length ? [...attachment.dependsOn] : undefined,
      because: `nothing orders it after the domain of user pool ${pool.logicalId} (${pool.domainLogicalIds.join(', ')}), so CloudFormation may create it first and Cognito then rejects it`,
      fix: `add DependsOn: ${pool.domainLogicalIds[0]} (in CDK: attachment.node.addDependency(domain))`,
    }];
  },
});

/** Every logical id `logicalId` waits for, directly or through other resources (DependsOn, Ref, GetAtt, Sub). */
function dependenciesOf(logicalId: string, model: TemplateModel): Set<string> {
  const seen = new Set<string>();
  const queue = [logicalId];
  while (queue.length > 0) {
    const resource = model.resources[queue.pop()!];
    if (!resource || typeof resource !== 'object') continue;
    const direct = [...dependsOnList(resource.DependsOn), ...referencedIds(resource.Properties)];
    for (const id of direct) {
      if (seen.has(id) || !(id in model.resources)) continue;
      seen.add(id);
      queue.push(id);
    }
  }
  return seen;
}

function dependsOnList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function referencedIds(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) {
    value.forEach((item) => referencedIds(item, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') {
        found.push(inner);
      } else if (key === 'Fn::GetAtt') {
        const target = Array.isArray(inner) ? inner[0] : typeof inner === 'string' ? inner.split('.')[0] : undefined;
        if (typeof target === 'string') found.push(target);
      } else if (key === 'Fn::Sub') {
        const text = Array.isArray(inner) ? inner[0] : inner;
        if (typeof text === 'string') {
          for (const match of text.matchAll(/\$\{([^!}][^}.]*)(?:\.[^}]*)?\}/g)) found.push(match[1]);
        }
      }
      referencedIds(inner, found);
    }
  }
  return found;
}
