/**
 * Which way a value moved: toward less safe (regression), more safe (improvement), or neither (change). A move from or
 * to a value that is unknown until deploy is always a change: the tool cannot tell, so it never claims a regression.
 */
import { ListItem, showItems } from './values';
import { isLoopback, parseUrl } from '../../rules/client/redirect-urls';
import { isKnown, Maybe, Unknown, UNKNOWN } from '../../rules/values';

export interface Verdict {
  readonly kind: 'regression' | 'improvement' | 'change';
  readonly message: string;
}

export const UNKNOWN_MOVE = 'the value is unknown until deploy on at least one side, so the direction cannot be judged';

/** How a list moved, for lists where more items means more reach (flows, scopes, URLs, attributes). */
export interface ListWording {
  /** Plural noun: `OAuth flows`, `callback URLs`. */
  readonly noun: string;
  /** Rank of an item: higher is riskier. Items of equal rank are interchangeable for the verdict. */
  readonly risk?: (value: string) => number;
  /** Why a riskier item matters, added to the message. */
  readonly riskNote?: (added: readonly ListItem[]) => string | undefined;
}

/**
 * Compares two lists as sets (order and repeats do not count).
 * Only added items: regression (more reach). Only removed: improvement. Both: riskier additions make a regression,
 * more additions than removals too; riskier removals an improvement; otherwise a change. Any unknown item among the
 * added or removed makes the verdict a change, except when known items are only added (more reach either way).
 */
export function compareLists(before: readonly ListItem[], after: readonly ListItem[], wording: ListWording): Verdict {
  const beforeKeys = new Set(before.map((item) => item.key));
  const afterKeys = new Set(after.map((item) => item.key));
  const added = unique(after.filter((item) => !beforeKeys.has(item.key)));
  const removed = unique(before.filter((item) => !afterKeys.has(item.key)));
  const parts = [
    added.length ? `adds ${showItems(added)}` : '',
    removed.length ? `removes ${showItems(removed)}` : '',
  ].filter(Boolean).join(' and ');
  if (added.length === 0 && removed.length === 0) return { kind: 'change', message: `the same ${wording.noun}, written differently (order, repeats or form)` };

  const unknownInvolved = [...added, ...removed].some((item) => !isKnown(item.value));
  const knownAdded = added.filter((item) => isKnown(item.value));
  const note = wording.riskNote?.(knownAdded);
  const withNote = (text: string) => (note ? `${text}; ${note}` : text);
  if (removed.length === 0 && knownAdded.length > 0) return { kind: 'regression', message: withNote(`more ${wording.noun}: ${parts}`) };
  if (unknownInvolved) return { kind: 'change', message: `${wording.noun}: ${parts}; ${UNKNOWN_MOVE}` };
  if (added.length === 0) return { kind: 'improvement', message: `fewer ${wording.noun}: ${parts}` };

  const maxRisk = (items: readonly ListItem[]) => Math.max(...items.map((item) => wording.risk?.(item.value as string) ?? 0));
  const riskAdded = maxRisk(added);
  const riskRemoved = maxRisk(removed);
  if (riskAdded > riskRemoved) return { kind: 'regression', message: withNote(`riskier ${wording.noun}: ${parts}`) };
  if (added.length > removed.length) return { kind: 'regression', message: withNote(`more ${wording.noun}: ${parts}`) };
  if (riskAdded < riskRemoved) return { kind: 'improvement', message: `safer ${wording.noun}: ${parts}` };
  return { kind: 'change', message: `other ${wording.noun}: ${parts}` };
}

function unique(items: readonly ListItem[]): ListItem[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.key) && seen.add(item.key));
}

/**
 * A setting with a safe and an unsafe value (booleans, enums): `values` lists the known values from safest to riskiest,
 * `fallback` is what Cognito uses when the property is omitted.
 */
export function compareRanked<T>(
  before: Maybe<T>,
  after: Maybe<T>,
  options: { values: readonly T[]; fallback: T; describe: (value: T) => string; unsafe: string; safe: string },
): Verdict {
  if (!isKnown(before === undefined ? options.fallback : before) || !isKnown(after === undefined ? options.fallback : after)) {
    return { kind: 'change', message: UNKNOWN_MOVE };
  }
  const from = (before === undefined ? options.fallback : before) as T;
  const to = (after === undefined ? options.fallback : after) as T;
  const rankFrom = options.values.indexOf(from);
  const rankTo = options.values.indexOf(to);
  const move = `${options.describe(from)} -> ${options.describe(to)}`;
  if (from === to) return { kind: 'change', message: `same effect (${options.describe(to)}), written differently (an omitted value means ${options.describe(options.fallback)})` };
  if (rankFrom < 0 || rankTo < 0) return { kind: 'change', message: move };
  return rankTo > rankFrom ? { kind: 'regression', message: `${options.unsafe} (${move})` } : { kind: 'improvement', message: `${options.safe} (${move})` };
}

/** A number where larger means a longer exposure (token and session lifetimes); `undefined` sides take `fallback`. */
export function compareDuration(
  before: number | Unknown,
  after: number | Unknown,
  options: { label: string; describe: (seconds: number) => string; describeBefore?: string; describeAfter?: string },
): Verdict {
  if (before === UNKNOWN || after === UNKNOWN) return { kind: 'change', message: `${options.label}: ${UNKNOWN_MOVE}` };
  const move = `${options.describeBefore ?? options.describe(before)} -> ${options.describeAfter ?? options.describe(after)}`;
  if (after > before) return { kind: 'regression', message: `longer ${options.label} (${move}): a stolen token stays usable for longer` };
  if (after < before) return { kind: 'improvement', message: `shorter ${options.label} (${move})` };
  return { kind: 'change', message: `same ${options.label} (${move}), written differently` };
}

/** `3600` -> `1 hour`, `5400` -> `90 minutes`, `86400` -> `1 day`. */
export function describeSeconds(seconds: number): string {
  const units: Array<[number, string]> = [[86_400, 'day'], [3_600, 'hour'], [60, 'minute'], [1, 'second']];
  for (const [size, unit] of units) {
    if (seconds >= size && seconds % size === 0) return `${seconds / size} ${unit}${seconds === size ? '' : 's'}`;
  }
  return `${seconds} seconds`;
}

const DANGEROUS_SCHEMES = ['javascript:', 'data:', 'vbscript:', 'file:'];

/**
 * How loose a redirect URL is: 3 for plain http to a real host, a wildcard, a script or file scheme, or text that is
 * not a URL; 2 for localhost (3 in a production stack: any program on the user's machine that listens on the port
 * receives the code); 1 for https and app schemes.
 */
export function urlLooseness(text: string, productionStack: boolean): number {
  const url = parseUrl(text);
  if (!url || text.includes('*') || DANGEROUS_SCHEMES.includes(url.protocol)) return 3;
  if (isLoopback(url)) return productionStack ? 3 : 2;
  if (url.protocol === 'http:') return 3;
  return 1;
}

/** A stack whose name says production (`Prod`, `production`, `OrdersProd`, `live`). */
export function isProductionStack(name: string): boolean {
  return /prod|\blive\b/i.test(name);
}
