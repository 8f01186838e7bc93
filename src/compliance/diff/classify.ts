/**
 * Classifies the property changes of one resource seen twice (same logical id, or a probable rename).
 * Create-only properties are replacements; properties with a safe direction are regressions or improvements;
 * the rest are changes. Findings of the rule engine are merged in later (see diff-stack.ts).
 */
import {
  compareDuration, compareLists, compareRanked, describeSeconds, ListWording, UNKNOWN_MOVE, urlLooseness, Verdict,
} from './direction';
import { CLIENT, isCreateOnly, replacementMessage } from './replacement';
import { ChangeKind } from './types';
import { canonical, listItems, literalItems, show } from './values';
import { DEFAULT_AUTH_FLOWS, rotationFeature } from '../../rules/client/auth-flows';
import { ADMIN_SCOPE } from '../../rules/client/scopes';
import { describeLifetime, lifetimeOf, TOKEN_KINDS, TOKEN_LIMITS, TokenKind, TokenLifetime } from '../../rules/client/token-lifetimes';
import { ResourceView } from '../../rules/rule';
import { isKnown, readObject, UNKNOWN } from '../../rules/values';

/** One changed property (or token lifetime) with what it means; usually one verdict, two for GenerateSecret. */
export interface PropertyChange {
  readonly property: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly verdicts: ReadonlyArray<{ readonly kind: ChangeKind; readonly message: string }>;
}

export interface ClassifyContext {
  /** The pair is a probable rename: it is replaced anyway, so create-only properties add nothing. */
  readonly renamed: boolean;
  /** The stack looks like production (localhost redirect URLs count as loose there). */
  readonly production: boolean;
}

type Direction = (before: ResourceView, after: ResourceView, context: ClassifyContext) => Verdict;

const TOKEN_PROPERTIES = new Set(['TokenValidityUnits', ...TOKEN_KINDS.map((kind) => TOKEN_LIMITS[kind].property)]);

/** The changed properties of `before` -> `after`, in the after-template's order, token lifetimes last. */
export function classifyProperties(type: string, before: ResourceView, after: ResourceView, context: ClassifyContext): PropertyChange[] {
  const names = [...new Set([...Object.keys(after.properties), ...Object.keys(before.properties)])];
  const changes: PropertyChange[] = [];
  for (const property of names) {
    if (type === CLIENT && TOKEN_PROPERTIES.has(property)) continue;
    const from = before.properties[property];
    const to = after.properties[property];
    if (canonical(from) === canonical(to)) continue;
    const verdicts: Array<{ kind: ChangeKind; message: string }> = [];
    if (isCreateOnly(type, property)) {
      verdicts.push(context.renamed
        ? { kind: 'change', message: `${property}: ${show(from)} -> ${show(to)} (the resource is replaced anyway: it was renamed)` }
        : { kind: 'replacement', message: replacementMessage(type, property) });
    }
    const direction = type === CLIENT ? CLIENT_DIRECTIONS[property] : undefined;
    if (direction) {
      const verdict = direction(before, after, context);
      // A create-only property's plain change adds nothing to its replacement; a safer or riskier one does.
      if (verdicts.length === 0 || verdict.kind !== 'change') verdicts.push({ kind: verdict.kind, message: `${property}: ${verdict.message}` });
    } else if (verdicts.length === 0) {
      verdicts.push({ kind: 'change', message: `${property}: ${show(from)} -> ${show(to)}` });
    }
    changes.push({ property, before: from ?? null, after: to ?? null, verdicts });
  }
  if (type === CLIENT) changes.push(...tokenLifetimeChanges(before, after));
  return changes;
}

/** Scopes: the admin scope lets tokens change the user's own profile through the Cognito API. */
const SCOPES: ListWording = {
  noun: 'OAuth scopes',
  risk: (scope) => (scope === ADMIN_SCOPE ? 2 : 1),
  riskNote: (added) => (added.some((item) => item.value === ADMIN_SCOPE)
    ? `${ADMIN_SCOPE} lets the client's access tokens read and change the user's own profile through the Cognito API` : undefined),
};

/** Flows: the implicit grant puts tokens in the URL fragment (RFC 9700 2.1.2). */
const OAUTH_FLOWS: ListWording = {
  noun: 'OAuth flows',
  risk: (flow) => (flow === 'implicit' ? 2 : 1),
  riskNote: (added) => (added.some((item) => item.value === 'implicit') ? 'the implicit grant returns tokens in the redirect URL fragment' : undefined),
};

/** Attributes whose value other systems trust (verification state, custom authorization data) are the risky ones to write. */
const WRITE_ATTRIBUTES: ListWording = {
  noun: 'writable attributes',
  risk: (name) => (/_verified$/.test(name) ? 3 : name.startsWith('custom:') ? 2 : 1),
};

function redirectUrlWording(noun: string, production: boolean): ListWording {
  return {
    noun,
    risk: (url) => urlLooseness(url, production),
    riskNote: (added) => {
      const loose = added.filter((item) => urlLooseness(item.value as string, production) === 3);
      return loose.length ? `looser: ${loose.map((item) => JSON.stringify(item.value)).join(', ')} (plain http, a wildcard, a script or file scheme, not a URL, or localhost in a production stack)` : undefined;
    },
  };
}

function list(property: string, wording: ListWording | ((context: ClassifyContext) => ListWording), absent: readonly string[] = []): Direction {
  return (before, after, context) => {
    const words = typeof wording === 'function' ? wording(context) : wording;
    const from = listItems(before, property);
    const to = listItems(after, property);
    if (from === UNKNOWN || to === UNKNOWN) return { kind: 'change', message: `${words.noun}: ${UNKNOWN_MOVE}` };
    return compareLists(from ?? literalItems(absent), to ?? literalItems(absent), words);
  };
}

/** Absent WriteAttributes lets the client write every writable attribute; a list restricts it. */
const writeAttributes: Direction = (before, after, context) => {
  const from = listItems(before, 'WriteAttributes');
  const to = listItems(after, 'WriteAttributes');
  if (from === UNKNOWN || to === UNKNOWN) return { kind: 'change', message: `writable attributes: ${UNKNOWN_MOVE}` };
  if (from === undefined && to !== undefined) return { kind: 'improvement', message: 'write access restricted to the listed attributes (before: every writable attribute)' };
  if (from !== undefined && to === undefined) return { kind: 'regression', message: 'write attributes widened: without a list the client may write every writable attribute of the user' };
  return list('WriteAttributes', WRITE_ATTRIBUTES)(before, after, context);
};

const booleanSetting = (property: string, options: { safe: boolean; fallback: boolean; unsafe: string; safer: string }): Direction =>
  (before, after) => compareRanked(before.boolean(property), after.boolean(property), {
    values: [options.safe, !options.safe], fallback: options.fallback, describe: String, unsafe: options.unsafe, safe: options.safer,
  });

const preventUserExistenceErrors: Direction = (before, after) => compareRanked(before.string('PreventUserExistenceErrors'), after.string('PreventUserExistenceErrors'), {
  values: ['ENABLED', 'LEGACY'],
  fallback: 'LEGACY',
  describe: (value) => value,
  unsafe: 'user existence errors revealed again: sign-in and password-reset answers tell an attacker which user names exist',
  safe: 'user existence errors hidden',
});

const refreshTokenRotation: Direction = (before, after) => {
  const verdict = compareRanked(rotationFeature(before), rotationFeature(after), {
    values: ['ENABLED', 'DISABLED'],
    fallback: 'DISABLED',
    describe: (value) => value,
    unsafe: 'refresh token rotation switched off: a stolen refresh token stays usable until it expires',
    safe: 'refresh token rotation switched on',
  });
  return verdict.kind === 'change' && verdict.message.startsWith('same effect') ? { kind: 'change', message: 'other rotation settings (Feature unchanged)' } : verdict;
};

/** Minutes a sign-in session token lives (default 3). */
const authSessionValidity: Direction = (before, after) => {
  const minutes = (view: ResourceView) => {
    const value = view.number('AuthSessionValidity');
    return value === undefined ? 3 * 60 : isKnown(value) ? value * 60 : UNKNOWN;
  };
  return compareDuration(minutes(before), minutes(after), { label: 'sign-in session lifetime', describe: describeSeconds });
};

const defaultRedirectUri: Direction = (before, after, context) => {
  const from = before.string('DefaultRedirectURI');
  const to = after.string('DefaultRedirectURI');
  if (!isKnown(from) || !isKnown(to)) return { kind: 'change', message: from === UNKNOWN || to === UNKNOWN ? UNKNOWN_MOVE : `${show(from)} -> ${show(to)}` };
  const looser = urlLooseness(to, context.production) - urlLooseness(from, context.production);
  if (looser > 0) return { kind: 'regression', message: `looser default redirect URI (${show(from)} -> ${show(to)})` };
  if (looser < 0) return { kind: 'improvement', message: `safer default redirect URI (${show(from)} -> ${show(to)})` };
  return { kind: 'change', message: `${show(from)} -> ${show(to)}` };
};

// Defaults from the CreateUserPoolClient API reference:
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html
const CLIENT_DIRECTIONS: Readonly<Record<string, Direction>> = {
  AllowedOAuthFlows: list('AllowedOAuthFlows', OAUTH_FLOWS),
  AllowedOAuthScopes: list('AllowedOAuthScopes', SCOPES),
  ExplicitAuthFlows: list('ExplicitAuthFlows', { noun: 'auth flows' }, DEFAULT_AUTH_FLOWS),
  CallbackURLs: list('CallbackURLs', (context) => redirectUrlWording('callback URLs', context.production)),
  LogoutURLs: list('LogoutURLs', (context) => redirectUrlWording('sign-out URLs', context.production)),
  WriteAttributes: writeAttributes,
  AllowedOAuthFlowsUserPoolClient: booleanSetting('AllowedOAuthFlowsUserPoolClient', {
    safe: false, fallback: false, unsafe: 'OAuth switched on for the client', safer: 'OAuth switched off for the client',
  }),
  EnableTokenRevocation: booleanSetting('EnableTokenRevocation', {
    safe: true, fallback: true, unsafe: 'token revocation switched off: refresh tokens can no longer be revoked', safer: 'token revocation switched on',
  }),
  GenerateSecret: booleanSetting('GenerateSecret', {
    safe: true, fallback: false, unsafe: 'secret removed: the client becomes public, and anyone with its client id can use the flows it allows', safer: 'secret added',
  }),
  PreventUserExistenceErrors: preventUserExistenceErrors,
  RefreshTokenRotation: refreshTokenRotation,
  AuthSessionValidity: authSessionValidity,
  DefaultRedirectURI: defaultRedirectUri,
};

/**
 * Token lifetimes compare in seconds, with TokenValidityUnits applied (default hours for access and ID tokens, days
 * for refresh tokens; the engine's own reading), so `60 minutes` -> `1 hour` is no longer-lived token.
 */
function tokenLifetimeChanges(before: ResourceView, after: ResourceView): PropertyChange[] {
  const changes: PropertyChange[] = [];
  for (const kind of TOKEN_KINDS) {
    const property = TOKEN_LIMITS[kind].property;
    const same = canonical(before.properties[property]) === canonical(after.properties[property])
      && canonical(unitOfKind(before, kind)) === canonical(unitOfKind(after, kind));
    if (same) continue;
    const from = lifetimeOf(before, kind);
    const to = lifetimeOf(after, kind);
    const verdict = compareDuration(from.seconds, to.seconds, {
      label: `${TOKEN_LIMITS[kind].label} lifetime`, describe: describeSeconds, describeBefore: describe(from, before), describeAfter: describe(to, after),
    });
    changes.push({ property, before: describe(from, before), after: describe(to, after), verdicts: [{ kind: verdict.kind, message: `${property}: ${verdict.message}` }] });
  }
  // A units object that changed in a way no lifetime reads (an extra key) is still a change.
  const unitsBefore = canonical(before.properties.TokenValidityUnits);
  const unitsAfter = canonical(after.properties.TokenValidityUnits);
  if (changes.length === 0 && unitsBefore !== unitsAfter) {
    const [from, to] = [before.properties.TokenValidityUnits, after.properties.TokenValidityUnits];
    changes.push({ property: 'TokenValidityUnits', before: from ?? null, after: to ?? null, verdicts: [{ kind: 'change', message: `TokenValidityUnits: ${show(from)} -> ${show(to)}` }] });
  }
  return changes;
}

/** The written unit of one token (the whole TokenValidityUnits when it is an intrinsic). */
function unitOfKind(view: ResourceView, kind: TokenKind): unknown {
  const units = readObject(view.properties.TokenValidityUnits);
  if (units === UNKNOWN) return view.properties.TokenValidityUnits;
  return units?.[kind];
}

/** `60 minutes`, `1 hour (default)`, or the raw text of a value unknown until deploy. */
function describe(lifetime: TokenLifetime, view: ResourceView): string {
  if (lifetime.raw === undefined) return `${describeSeconds(TOKEN_LIMITS[lifetime.kind].defaultSeconds)} (default)`;
  if (isKnown(lifetime.raw) && isKnown(lifetime.unit)) return describeLifetime(lifetime.raw, lifetime.unit);
  return `${show(view.properties[TOKEN_LIMITS[lifetime.kind].property])} ${isKnown(lifetime.unit) ? lifetime.unit : '(unit unknown until deploy)'}`;
}
