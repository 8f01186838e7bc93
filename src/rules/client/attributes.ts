/** Attribute permissions of an app client, shared by the ReadAttributes/WriteAttributes rules. */
import { ResourceView } from '../rule';
import { Violation } from '../types';
import { isKnown } from '../values';

// `sub` is the user's immutable id, always present but not part of the attribute list the template model builds;
// whether Cognito accepts it in ReadAttributes is not confirmed, so the existence rules leave it alone.
const NOT_JUDGED: readonly string[] = ['sub'];

/**
 * One violation per entry of `property` that names no attribute of the client's pool. Silent unless the pool is
 * created in this template and its schema is fully readable.
 */
export function missingAttributes(client: ResourceView, property: 'ReadAttributes' | 'WriteAttributes', because: string): Violation[] {
  const pool = client.pool;
  const names = client.strings(property);
  if (!pool || !isKnown(names) || !isKnown(pool.attributes)) return [];
  const attributes = pool.attributes;
  const custom = [...attributes].filter((name) => name.startsWith('custom:'));
  const violations: Violation[] = [];
  names.forEach((name, index) => {
    if (!isKnown(name) || attributes.has(name) || NOT_JUDGED.includes(name)) return;
    const bare = !name.includes(':') && attributes.has(`custom:${name}`);
    violations.push({
      property: `${property}[${index}]`,
      value: name,
      because: `user pool ${pool.logicalId} has no attribute of that name (custom attributes there: ${custom.length ? custom.join(', ') : 'none'}); ${because}`,
      fix: bare
        ? `write custom:${name}: custom attributes are addressed with the custom: prefix`
        : `add the attribute to the Schema of ${pool.logicalId}, or remove it from ${property}`,
    });
  });
  return violations;
}

/** One violation per WriteAttributes entry that `reasonFor` refuses (returns a reason for). */
export function refusedWriteAttributes(
  client: ResourceView,
  reasonFor: (name: string) => string | undefined,
  fix: (name: string) => string,
): Violation[] {
  const names = client.strings('WriteAttributes');
  if (!isKnown(names)) return [];
  const violations: Violation[] = [];
  names.forEach((name, index) => {
    if (!isKnown(name)) return;
    const because = reasonFor(name);
    if (because !== undefined) violations.push({ property: `WriteAttributes[${index}]`, value: name, because, fix: fix(name) });
  });
  return violations;
}
