/** Token lifetimes of an app client: units, defaults and limits shared by the token rules. */
import { ResourceView } from '../rule';
import { isKnown, Maybe, readString, UNKNOWN, Unknown } from '../values';

export type TokenKind = 'AccessToken' | 'IdToken' | 'RefreshToken';

export const TOKEN_KINDS: readonly TokenKind[] = ['AccessToken', 'IdToken', 'RefreshToken'];

/** Seconds per TokenValidityUnits value. */
export const TIME_UNITS: Readonly<Record<string, number>> = { seconds: 1, minutes: 60, hours: 3_600, days: 86_400 };

const HOUR = 3_600;
const DAY = 86_400;

export interface TokenLimits {
  /** The `*TokenValidity` property. */
  readonly property: string;
  readonly label: string;
  /** Unit Cognito applies when TokenValidityUnits does not name one. */
  readonly defaultUnit: string;
  /** Lifetime Cognito uses when the validity is omitted. */
  readonly defaultSeconds: number;
  /** Bounds of the raw integer (CloudFormation registry schema). */
  readonly rawMin: number;
  readonly rawMax: number;
  /** Bounds of the lifetime after the unit is applied, in seconds. */
  readonly minSeconds: number;
  readonly maxSeconds: number;
  readonly rangeText: string;
}

/** Access and ID tokens share their limits and defaults. */
const ACCESS_AND_ID_TOKEN = {
  defaultUnit: 'hours',
  defaultSeconds: HOUR,
  rawMin: 1,
  rawMax: 86_400,
  minSeconds: 5 * 60,
  maxSeconds: DAY,
  rangeText: '5 minutes to 1 day',
} as const;

// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_TokenValidityUnitsType.html
// and the measured pf-cognito-token-validity-range deploys (units omitted: hours for access/id, days for refresh).
export const TOKEN_LIMITS: Readonly<Record<TokenKind, TokenLimits>> = {
  AccessToken: { property: 'AccessTokenValidity', label: 'access token', ...ACCESS_AND_ID_TOKEN },
  IdToken: { property: 'IdTokenValidity', label: 'ID token', ...ACCESS_AND_ID_TOKEN },
  RefreshToken: {
    property: 'RefreshTokenValidity',
    label: 'refresh token',
    defaultUnit: 'days',
    defaultSeconds: 30 * DAY,
    rawMin: 1,
    rawMax: 315_360_000,
    minSeconds: HOUR,
    maxSeconds: 3_650 * DAY,
    rangeText: '60 minutes to 10 years (3650 days)',
  },
};

/** The unit that applies to `kind`: the written one, the default when none is written, UNKNOWN for tokens. */
export function unitOf(client: ResourceView, kind: TokenKind): Maybe<string> {
  const units = client.object('TokenValidityUnits');
  if (units === UNKNOWN) return UNKNOWN;
  const unit = units === undefined ? undefined : readString(units[kind], client.model);
  return unit === undefined ? TOKEN_LIMITS[kind].defaultUnit : unit;
}

/** One token's configured lifetime. */
export interface TokenLifetime {
  readonly kind: TokenKind;
  /** The written validity, undefined when omitted. */
  readonly raw: Maybe<number>;
  readonly unit: Maybe<string>;
  /** Lifetime in seconds (the Cognito default when omitted), or UNKNOWN when the value or unit is not knowable or invalid. */
  readonly seconds: number | Unknown;
}

/** The lifetime of one token of `client`, read once per resource (four rules compare them). */
export function lifetimeOf(client: ResourceView, kind: TokenKind): TokenLifetime {
  return client.memo(LIFETIME_KEYS[kind], () => readLifetime(client, kind));
}

const LIFETIME_KEYS: Readonly<Record<TokenKind, string>> = { AccessToken: 'lifetime:AccessToken', IdToken: 'lifetime:IdToken', RefreshToken: 'lifetime:RefreshToken' };

function readLifetime(client: ResourceView, kind: TokenKind): TokenLifetime {
  const limits = TOKEN_LIMITS[kind];
  const raw = client.number(limits.property);
  const unit = unitOf(client, kind);
  if (raw === undefined) return { kind, raw, unit, seconds: limits.defaultSeconds };
  if (!isKnown(raw) || !isKnown(unit) || !Object.hasOwn(TIME_UNITS, unit)) return { kind, raw, unit, seconds: UNKNOWN };
  return { kind, raw, unit, seconds: raw * TIME_UNITS[unit] };
}

/** True when the lifetime is a whole number within both the raw and the effective limits. */
export function isWithinLimits(lifetime: TokenLifetime): lifetime is TokenLifetime & { seconds: number } {
  const limits = TOKEN_LIMITS[lifetime.kind];
  if (!isKnown(lifetime.seconds)) return false;
  if (lifetime.raw === undefined) return true;
  const raw = lifetime.raw as number;
  return Number.isInteger(raw) && raw >= limits.rawMin && raw <= limits.rawMax
    && lifetime.seconds >= limits.minSeconds && lifetime.seconds <= limits.maxSeconds;
}

/** "25 hours", or "1 hour" / "90 seconds": how the template wrote it. */
export function describeLifetime(raw: number, unit: string): string {
  return `${raw} ${raw === 1 ? unit.replace(/s$/, '') : unit}`;
}

/** "an access token", "an ID token", "a refresh token". */
export function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
}
