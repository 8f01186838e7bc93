import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Whether `id` (e.g. `CognitoClients-client-implicit-grant`) is acknowledged on `construct` or an ancestor with
 * `Validations.of(construct).acknowledge({ id, reason })`.
 *
 * cdk-nag 3 matches an acknowledgement against the exact id it reports, so an acknowledgement of a rule would not
 * cover that rule's granular findings (`<rule>[<finding>]`). The pack asks this before it reports granular findings,
 * so acknowledging the rule id covers all of them, as cdk-nag users expect from rule-level suppressions.
 * CDK records a bare id as `Annotation::<id>` (older versions `annotation::<id>`), hence the prefix is ignored.
 */
// https://github.com/cdklabs/cdk-nag/blob/main/src/nag-pack.ts (isAcknowledged: the same metadata, exact ids)
export function isAcknowledged(construct: IConstruct, id: string): boolean {
  for (let current: IConstruct | undefined = construct; current; current = current.node.scope) {
    for (const entry of current.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      const ids = Object.keys(entry.data as Record<string, unknown>).map((key) => key.replace(/^annotation::/i, ''));
      if (ids.includes(id)) return true;
    }
  }
  return false;
}
