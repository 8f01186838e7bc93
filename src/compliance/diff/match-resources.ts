/** Which resource of the before-state is which resource of the after-state. */
import { DIFFED_TYPES } from './replacement';
import { canonical } from './values';

/** A diffed resource as found in one template. */
export interface ResourceEntry {
  readonly logicalId: string;
  readonly type: string;
  /** The raw Properties value (an object, absent, or an intrinsic that hides them). */
  readonly properties: unknown;
  /** The raw resource, for everything else (Metadata, DependsOn). */
  readonly raw: Record<string, unknown>;
}

/** One resource seen from both sides; `before` or `after` is missing for a removed or added resource. */
export interface ResourcePair {
  readonly before?: ResourceEntry;
  readonly after?: ResourceEntry;
  /** Different logical ids of the same type and user pool: CloudFormation sees a delete and a create. */
  readonly renamed: boolean;
}

/** The clients, domains, resource servers and UI customizations of a template, in template order. */
export function diffedResources(resources: Readonly<Record<string, unknown>>): ResourceEntry[] {
  const entries: ResourceEntry[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (resource === null || typeof resource !== 'object' || Array.isArray(resource)) continue;
    const type = (resource as { Type?: unknown }).Type;
    if (typeof type !== 'string' || !DIFFED_TYPES.includes(type)) continue;
    entries.push({ logicalId, type, properties: (resource as { Properties?: unknown }).Properties, raw: resource as Record<string, unknown> });
  }
  return entries;
}

/** The user pool a resource belongs to, as text (intrinsics included), or undefined when it cannot be read. */
function poolKey(entry: ResourceEntry): string | undefined {
  const props = entry.properties;
  if (props === null || typeof props !== 'object' || Array.isArray(props)) return undefined;
  return canonical((props as Record<string, unknown>).UserPoolId);
}

/** How many properties two resources share with the same value: the closest one is the probable new name. */
function similarity(a: ResourceEntry, b: ResourceEntry): number {
  const pa = (a.properties ?? {}) as Record<string, unknown>;
  const pb = (b.properties ?? {}) as Record<string, unknown>;
  return Object.keys(pa).filter((key) => key in pb && canonical(pa[key]) === canonical(pb[key])).length;
}

/**
 * Pairs resources by logical id (same type), then each remaining before-resource with the most similar remaining
 * after-resource of the same type and user pool (a probable rename). Pairs come in after-template order, removed
 * resources last.
 */
export function matchResources(before: readonly ResourceEntry[], after: readonly ResourceEntry[]): ResourcePair[] {
  const beforeById = new Map(before.map((entry) => [entry.logicalId, entry]));
  const pairedBefore = new Set<string>();
  const byAfter = new Map<string, ResourcePair>();
  for (const entry of after) {
    const old = beforeById.get(entry.logicalId);
    if (old && old.type === entry.type) {
      byAfter.set(entry.logicalId, { before: old, after: entry, renamed: false });
      pairedBefore.add(old.logicalId);
    }
  }
  const added = after.filter((entry) => !byAfter.has(entry.logicalId));
  const removed: ResourceEntry[] = [];
  for (const old of before.filter((entry) => !pairedBefore.has(entry.logicalId))) {
    const pool = poolKey(old);
    const candidates = pool === undefined ? []
      : added.filter((entry) => entry.type === old.type && poolKey(entry) === pool && !byAfter.has(entry.logicalId));
    if (candidates.length === 0) {
      removed.push(old);
      continue;
    }
    const best = candidates.reduce((a, b) => (similarity(old, b) > similarity(old, a) ? b : a));
    byAfter.set(best.logicalId, { before: old, after: best, renamed: true });
  }
  const pairs = after.map((entry) => byAfter.get(entry.logicalId) ?? { after: entry, renamed: false });
  return [...pairs, ...removed.map((entry) => ({ before: entry, renamed: false }))];
}
