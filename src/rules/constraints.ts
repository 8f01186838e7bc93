import { Violation } from './types';
import { isKnown, Maybe, Unknown } from './values';

/** A documented limit on a string value: length, anchored pattern, or enum. */
export interface StringLimits {
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Matched against the whole value, as Cognito matches its model patterns. */
  readonly pattern?: RegExp;
  /**
   * A cheaper pattern that accepts only values `pattern` accepts, tried first; `pattern` decides the rest. For the
   * Unicode property classes, whose first use alone costs milliseconds to compile: most values are plain ASCII.
   */
  readonly fastPattern?: RegExp;
  /** Human-readable description of the pattern, e.g. "letters, digits, spaces and +=,.@-". */
  readonly patternDescription?: string;
  readonly allowed?: readonly string[];
}

/**
 * Checks one known string against its limits; returns at most one violation (the first limit broken),
 * so a single bad value is reported once.
 */
export function checkStringLimits(property: string, value: Maybe<string>, limits: StringLimits, fix: string): Violation[] {
  if (!isKnown(value)) return [];
  const because = brokenLimit(value, limits);
  return because === undefined ? [] : [{ property, value, because, fix }];
}

/** True when a known string respects every limit (no violation is built). */
export function respectsLimits(value: string, limits: StringLimits): boolean {
  return brokenLimit(value, limits) === undefined;
}

/** Why `value` breaks its limits (the first limit broken), or undefined when it respects them all. */
function brokenLimit(value: string, limits: StringLimits): string | undefined {
  // Fast paths: fewer UTF-16 units than the maximum means fewer code points; twice the minimum in units means enough.
  if (limits.minLength !== undefined && value.length < 2 * limits.minLength && codePoints(value) < limits.minLength) {
    return `it must have at least ${limits.minLength} character(s)`;
  }
  if (limits.maxLength !== undefined && value.length > limits.maxLength && codePoints(value) > limits.maxLength) {
    return `it has ${codePoints(value)} characters and the maximum is ${limits.maxLength}`;
  }
  if (limits.allowed && !limits.allowed.includes(value)) {
    return `it must be one of ${limits.allowed.join(', ')}`;
  }
  if (limits.pattern && !limits.fastPattern?.test(value) && !limits.pattern.test(value)) {
    return `it must consist of ${limits.patternDescription ?? `the pattern ${limits.pattern.source}`} only`;
  }
  return undefined;
}

/** Length in Unicode code points, as the service counts (a surrogate pair is one character). */
function codePoints(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** Checks every known item of a list; the property path of each finding carries its index. */
export function checkEachString(
  property: string,
  items: Maybe<Array<string | Unknown>>,
  limits: StringLimits,
  fix: string,
): Violation[] {
  if (!isKnown(items)) return [];
  const violations: Violation[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (!isKnown(item)) continue;
    // The property path is built only for a value that breaks a limit (most do not).
    const because = brokenLimit(item, limits);
    if (because !== undefined) violations.push({ property: `${property}[${index}]`, value: item, because, fix });
  }
  return violations;
}

/** Checks the item count of a known list. */
export function checkMaxItems(property: string, items: Maybe<unknown[]>, maxItems: number, fix: string): Violation[] {
  if (!isKnown(items) || items.length <= maxItems) return [];
  return [{ property, value: `${items.length} items`, because: `at most ${maxItems} are allowed`, fix }];
}

/** Checks that a known number lies within [min, max]. */
export function checkRange(property: string, value: Maybe<number>, min: number, max: number, fix: string): Violation[] {
  if (!isKnown(value)) return [];
  if (!Number.isInteger(value) || value < min || value > max) {
    return [{ property, value, because: `it must be a whole number from ${min} to ${max}`, fix }];
  }
  return [];
}
