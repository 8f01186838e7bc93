/**
 * The read-only Cognito operations the audit sends, the IAM action each needs, and the rules that judge what it
 * returns. One table: the reader sends only these, the README's IAM policy lists exactly these (a test checks both),
 * and an operation the caller may not call turns off exactly the rules listed here.
 */
import { Rule } from '../../rules/rule';

export type AuditOperation =
  | 'ListUserPools'
  | 'DescribeUserPool'
  | 'ListUserPoolClients'
  | 'DescribeUserPoolClient'
  | 'ListResourceServers'
  | 'ListIdentityProviders'
  | 'DescribeIdentityProvider'
  | 'DescribeUserPoolDomain';

interface OperationNeeds {
  /** Every rule of these resource types needs the operation's answer. */
  readonly resourceTypes: readonly string[];
  /** And these rules of other types (cross-resource facts). */
  readonly ruleIds: readonly string[];
  /**
   * Whether IAM lets a policy name user pool ARNs for it; otherwise the action takes only `*`.
   * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncognitouserpools.html
   */
  readonly poolResource: boolean;
}

const CLIENT = 'AWS::Cognito::UserPoolClient';
const DOMAIN = 'AWS::Cognito::UserPoolDomain';
const RESOURCE_SERVER = 'AWS::Cognito::UserPoolResourceServer';

export const AUDIT_OPERATIONS: Readonly<Record<AuditOperation, OperationNeeds>> = {
  // Without it there is no pool to audit (unless pools are named): every rule.
  ListUserPools: { resourceTypes: [CLIENT, DOMAIN, RESOURCE_SERVER], ruleIds: [], poolResource: false },
  // Schema, tier and the pool's domain names.
  DescribeUserPool: {
    resourceTypes: [DOMAIN],
    ruleIds: ['client-read-attributes-exist', 'client-write-attributes-exist', 'client-write-attributes-required', 'client-user-auth-tier'],
    poolResource: true,
  },
  ListUserPoolClients: { resourceTypes: [CLIENT], ruleIds: [], poolResource: true },
  DescribeUserPoolClient: { resourceTypes: [CLIENT], ruleIds: [], poolResource: true },
  ListResourceServers: { resourceTypes: [RESOURCE_SERVER], ruleIds: ['client-oauth-scopes-exist'], poolResource: true },
  ListIdentityProviders: { resourceTypes: [], ruleIds: ['client-identity-providers-exist', 'client-write-attributes-idp-mapped'], poolResource: true },
  // Attribute mappings (the list gives names only).
  DescribeIdentityProvider: { resourceTypes: [], ruleIds: ['client-write-attributes-idp-mapped'], poolResource: true },
  // CustomDomainConfig, ManagedLoginVersion, Routing.
  DescribeUserPoolDomain: { resourceTypes: [DOMAIN], ruleIds: [], poolResource: false },
};

export const AUDIT_OPERATION_NAMES = Object.keys(AUDIT_OPERATIONS) as AuditOperation[];

/** `cognito-idp:<Operation>`: every operation here is authorized by the IAM action of the same name. */
export function iamActionOf(operation: AuditOperation): string {
  return `cognito-idp:${operation}`;
}

/** Ids of the rules (among `rules`) that cannot run without `operation`'s answer, in rule order. */
export function rulesNeeding(operation: AuditOperation, rules: readonly Rule[]): string[] {
  const needs = AUDIT_OPERATIONS[operation];
  return rules.filter((rule) => needs.resourceTypes.includes(rule.resourceType) || needs.ruleIds.includes(rule.id)).map((rule) => rule.id);
}

/**
 * The least-privilege policy the audit needs, as an IAM policy document: pool-scoped actions on user pool ARNs,
 * the others on `*`.
 */
export function auditIamPolicy(): { Version: string; Statement: Array<{ Sid: string; Effect: string; Action: string[]; Resource: string }> } {
  const pooled = AUDIT_OPERATION_NAMES.filter((op) => AUDIT_OPERATIONS[op].poolResource).map(iamActionOf);
  const unscoped = AUDIT_OPERATION_NAMES.filter((op) => !AUDIT_OPERATIONS[op].poolResource).map(iamActionOf);
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'CognitoClientAuditPools', Effect: 'Allow', Action: pooled, Resource: 'arn:aws:cognito-idp:*:*:userpool/*' },
      { Sid: 'CognitoClientAuditAccount', Effect: 'Allow', Action: unscoped, Resource: '*' },
    ],
  };
}
