/** Findings of the rule engine on both sides, keyed so that the same problem is recognised on both. */
import { canonical } from './values';
import { Finding } from '../../rules';
import { TOKEN_KINDS, TOKEN_LIMITS, TokenKind } from '../../rules/client/token-lifetimes';

const SEGMENT = /([^.[\]]+)|\[(\d+)\]/g;

/** `CallbackURLs[2]` -> [`CallbackURLs`, 2]; `TokenValidityUnits.AccessToken` -> [`TokenValidityUnits`, `AccessToken`]. */
function segments(path: string): Array<string | number> {
  return [...path.matchAll(SEGMENT)].map((match) => (match[2] !== undefined ? Number(match[2]) : match[1]));
}

/** The value a finding's property path points at in `properties`; undefined when the path does not resolve. */
export function valueAt(properties: unknown, path: string): unknown {
  let current: unknown = properties;
  for (const segment of segments(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = typeof segment === 'number'
      ? (Array.isArray(current) ? current[segment] : undefined)
      : (Object.hasOwn(current, segment) ? (current as Record<string, unknown>)[segment] : undefined);
  }
  return current;
}

/**
 * The property path with each list index replaced by the item it points at (`CallbackURLs[="http://x"]`), so a
 * finding on a URL that moved from index 2 to 3 is still the same finding.
 */
function stablePath(properties: unknown, path: string): string {
  let current: unknown = properties;
  let out = '';
  for (const segment of segments(path)) {
    const next = current !== null && typeof current === 'object'
      ? (current as Record<string | number, unknown>)[segment as never]
      : undefined;
    if (typeof segment === 'number') {
      out += Array.isArray(current) && next !== undefined ? `[=${canonical(next)}]` : `[${segment}]`;
    } else {
      out += out ? `.${segment}` : segment;
    }
    current = next;
  }
  return out;
}

/** Identity of a finding across the two sides: rule id, logical id (after a rename, the new one) and stable path. */
export function findingKey(finding: Finding, logicalId: string, properties: unknown): string {
  return JSON.stringify([finding.ruleId, logicalId, stablePath(properties, finding.property)]);
}

/**
 * The property a finding belongs to when it is merged with a value change: its first segment, except that the
 * unit of a token belongs to that token's lifetime.
 */
export function slotOf(property: string): string {
  const [first, second] = segments(property);
  if (first === 'TokenValidityUnits' && TOKEN_KINDS.includes(second as TokenKind)) return TOKEN_LIMITS[second as TokenKind].property;
  return String(first ?? property);
}
