import { respectsLimits, StringLimits } from '../constraints';
import { ResourceView } from '../rule';
import { isKnown } from '../values';

/** What every redirect URL rule shares: the properties, the documented limits, parsing and the loopback test. */

export const CALLBACK_URLS = 'CallbackURLs';
export const LOGOUT_URLS = 'LogoutURLs';
export const REDIRECT_URL_PROPERTIES: readonly string[] = [CALLBACK_URLS, LOGOUT_URLS];

// API model RedirectUrlType / CallbackURLsListType / LogoutURLsListType (constraints C14, C15, C19).
export const MAX_REDIRECT_URLS = 100;
export const REDIRECT_URL_LIMITS: StringLimits = {
  minLength: 1,
  maxLength: 1024,
  pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u,
  // Every printable ASCII character but space is a letter, digit, punctuation or symbol.
  fastPattern: /^[\x21-\x7e]+$/,
  patternDescription: 'letters, digits, marks, symbols and punctuation (no spaces or control characters)',
};

// The hosts Cognito lets use plain http (CreateUserPoolClient CallbackURLs doc, constraint C18), as the
// WHATWG URL parser spells them in `hostname` (lower case; IPv6 in brackets).
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** One known redirect URL of a client. */
export interface RedirectUrl {
  /** The property path, e.g. `CallbackURLs[2]`. */
  readonly property: string;
  /** Which list it is in: `CallbackURLs` or `LogoutURLs`. */
  readonly list: string;
  readonly text: string;
  /** The parsed URL, or undefined when the text is not an absolute URL. */
  readonly url: ParsedUrl | undefined;
}

/** What the rules read of a parsed URL, as the WHATWG URL parser gives it. */
export interface ParsedUrl {
  /** The scheme, lower case, with its colon: `https:`. */
  readonly protocol: string;
  /** The host as the parser spells it (lower case, IPv6 in brackets); '' for a URL without a host. */
  readonly hostname: string;
  /** True when the URL has a fragment, an empty one (`.../cb#`) included. */
  readonly hasFragment: boolean;
}

/**
 * The known URLs of the given lists that respect the length and character limits. Values that break the
 * limits are reported by `client-redirect-urls-format` alone, so the other URL rules skip them. The result is
 * shared between rules and must not be modified.
 */
export function redirectUrls(client: ResourceView, lists: readonly string[] = REDIRECT_URL_PROPERTIES): readonly RedirectUrl[] {
  if (lists === REDIRECT_URL_PROPERTIES) return client.memo(ALL_LISTS_KEY, () => [...urlsOf(client, CALLBACK_URLS), ...urlsOf(client, LOGOUT_URLS)]);
  return lists.length === 1 ? urlsOf(client, lists[0]) : lists.flatMap((list) => urlsOf(client, list));
}

/** The well-formed known URLs of one list, parsed once per resource. */
function urlsOf(client: ResourceView, list: string): readonly RedirectUrl[] {
  return client.memo(MEMO_KEYS[list] ?? `redirectUrls:${list}`, () => {
    const urls: RedirectUrl[] = [];
    const items = client.strings(list);
    if (!isKnown(items)) return urls;
    for (let index = 0; index < items.length; index++) {
      const text = items[index];
      if (isKnown(text) && isWellFormed(text)) urls.push({ property: `${list}[${index}]`, list, text, url: parseUrl(text) });
    }
    return urls;
  });
}

/** The memo keys of the two lists and of both together, built once. */
const MEMO_KEYS: Readonly<Record<string, string>> = { [CALLBACK_URLS]: `redirectUrls:${CALLBACK_URLS}`, [LOGOUT_URLS]: `redirectUrls:${LOGOUT_URLS}` };
const ALL_LISTS_KEY = 'redirectUrls:*';

/** True when the text respects the documented length and character limits of a redirect URL. */
export function isWellFormed(text: string): boolean {
  return respectsLimits(text, REDIRECT_URL_LIMITS);
}

/**
 * Parses as the WHATWG URL parser does; undefined when the text is not an absolute URL.
 *
 * Most redirect URLs are plain `https://host/path` or `http://localhost:3000/...`, and `new URL()` costs about 10 us
 * each on code that has not warmed up (issue 15: the largest single cost of the URL rules at synth). Such a URL is
 * read directly: a lower-case http(s) scheme, a host of lower-case letter-led labels (never an IPv4 address, which the
 * parser rewrites, nor punycode, which it validates), an optional port up to 65535, then a path or query of printable
 * ASCII without `#`. For these the parser cannot fail and gives exactly this scheme and host, and no fragment (a test
 * holds the two together over generated URLs). Anything else goes to `new URL()`.
 */
export function parseUrl(text: string): ParsedUrl | undefined {
  const simple = SIMPLE_HTTP_URL.exec(text);
  if (simple && !simple[2].includes('xn--') && (simple[3] === undefined || Number(simple[3]) <= 65_535)) {
    return { protocol: `${simple[1]}:`, hostname: simple[2], hasFragment: false };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  return { protocol: url.protocol, hostname: url.hostname, hasFragment: url.hash !== '' || url.href.endsWith('#') };
}

const SIMPLE_HTTP_URL = /^(https?):\/\/((?:[a-z][a-z0-9-]*\.)*[a-z][a-z0-9-]*)(?::([0-9]{1,5}))?(?:[/?][\x21\x22\x24-\x7e]*)?$/;

/** True for localhost, 127.0.0.1 and [::1], compared on the parsed host (so `localhost.evil.com` is not loopback). */
export function isLoopback(url: ParsedUrl): boolean {
  return LOOPBACK_HOSTS.includes(url.hostname);
}

/** True when the URL has a fragment, an empty one (`.../cb#`) included. */
export function hasFragment(url: ParsedUrl): boolean {
  return url.hasFragment;
}
