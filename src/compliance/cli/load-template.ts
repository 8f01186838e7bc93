import { readFileSync, Stats, statSync } from 'fs';
import { extname } from 'path';
import { Template, templateShapeProblem } from './template-schema';
import { DuplicateKey } from '../../rules/template/duplicate-key';

/** A file that parsed and has the shape of a template. */
export interface LoadedTemplate {
  readonly ok: true;
  readonly path: string;
  readonly template: Template;
  /** Line (1-based) of each resource's logical id in the file, when known. */
  readonly resourceLines: ReadonlyMap<string, number>;
  /** Keys a mapping repeats (YAML: anywhere; JSON: in the Resources section); the last value is the one kept. */
  readonly duplicateKeys: readonly DuplicateKey[];
  /** Values nested deeper than {@link MAX_NESTING_DEPTH}, replaced by an unknown value (paths from the root). */
  readonly tooDeep: ReadonlyArray<readonly string[]>;
}

/** Why a file could not be used. */
export interface LoadFailure {
  readonly ok: false;
  readonly path: string;
  /** `unreadable`: missing or no access; `syntax`: broken JSON/YAML; `shape`: parsed, but not a template. */
  readonly reason: 'unreadable' | 'syntax' | 'shape';
  /** One line for people, without the file name. */
  readonly problem: string;
  /** The text mentions CloudFormation (AWSTemplateFormatVersion or an `AWS::X::Y` type): it was meant as a template. */
  readonly mentionsCloudFormation: boolean;
}

export type LoadResult = LoadedTemplate | LoadFailure;

/**
 * Deeper than any real template; the engine and the schema walk values recursively. A value nested deeper is
 * replaced by {@link TOO_DEEP} (an intrinsic no rule can read: unknown) and the rest of the template is linted.
 */
export const MAX_NESTING_DEPTH = 100;

/** What stands in for a value nested too deep: an intrinsic function, so every rule treats it as unknown. */
export const TOO_DEEP = Object.freeze({ 'Fn::NestedTooDeep': `more than ${MAX_NESTING_DEPTH} levels` });

/** Templates are at most 1 MB for CloudFormation; anything far larger is not one, and reading it all would hurt. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const CLOUDFORMATION_HINT = /AWSTemplateFormatVersion|\bAWS::[A-Za-z0-9]+::[A-Za-z0-9]+/;

/** Reads, parses and checks one file. Never throws. */
export function loadTemplate(path: string): LoadResult {
  let text = '';
  const fail = (reason: LoadFailure['reason'], problem: string): LoadFailure =>
    ({ ok: false, path, reason, problem, mentionsCloudFormation: CLOUDFORMATION_HINT.test(text) });

  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return fail('unreadable', 'is a directory');
    // Reading a FIFO blocks until someone writes to it, and a device such as /dev/zero never ends.
    if (!stat.isFile()) return fail('unreadable', `is not a regular file (${specialFileKind(stat)})`);
    if (stat.size > MAX_FILE_BYTES) return fail('unreadable', `file is too large (${stat.size} bytes)`);
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    return fail('unreadable', describeFsError(error));
  }

  let data: unknown;
  let resourceLines: ReadonlyMap<string, number> = new Map();
  let duplicateKeys: DuplicateKey[] = [];
  let tooDeep: string[][];
  try {
    if (looksLikeJson(path, text)) {
      data = parseJson(text);
      // One walk cuts what nests too deep and counts the keys the Resources section kept, for the duplicate-key scan.
      const cut = cutTooDeep(data, MAX_NESTING_DEPTH);
      tooDeep = cut.replaced;
      ({ resourceLines, duplicateKeys } = scanJsonResources(text, data, cut.resourcesKeys));
    } else {
      // The yaml package loads only for YAML input: most CI runs lint JSON from cdk.out.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { parseCloudFormationYaml } = require('./cfn-yaml') as typeof import('./cfn-yaml');
      ({ data, resourceLines, duplicateKeys } = parseCloudFormationYaml(text));
      tooDeep = cutTooDeep(data, MAX_NESTING_DEPTH).replaced;
    }
  } catch (error) {
    if (error instanceof RangeError) return fail('syntax', 'nesting is too deep');
    return fail('syntax', error instanceof Error ? error.message : String(error));
  }

  const problem = templateShapeProblem(data);
  if (problem) return fail('shape', `not a CloudFormation template (${problem})`);
  return { ok: true, path, template: data as Template, resourceLines, duplicateKeys, tooDeep };
}

/** `.json` files are JSON; YAML files and extension-less `.template` files are sniffed by their first character. */
function looksLikeJson(path: string, text: string): boolean {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return true;
  if (ext === '.yaml' || ext === '.yml') return false;
  return text.trimStart().startsWith('{');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(describeJsonError(message, text));
  }
}

/** V8 says "... in JSON at position 14"; people want a line and a column. */
export function describeJsonError(message: string, text: string): string {
  const at = /^(.*?) in JSON at position (\d+)/.exec(message);
  if (at) {
    const { line, column } = lineAndColumn(text, Number(at[2]));
    return `JSON parse error at line ${line}, column ${column}: ${at[1]}`;
  }
  if (/Unexpected end of JSON input/.test(message)) {
    const { line, column } = lineAndColumn(text, text.length);
    return `JSON parse error at line ${line}, column ${column}: unexpected end of input`;
  }
  // e.g. `Unexpected token 'x', "{"a": x}" is not valid JSON`: keep the token, drop the echoed source.
  const token = /^(Unexpected token .*?), ".*" is not valid JSON$/s.exec(message);
  return `JSON parse error: ${token ? token[1] : message.split('\n')[0]}`;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** One open object or array while scanning JSON text. */
interface JsonFrame {
  readonly isObject: boolean;
  /** The container this one is a value of, and its key there (array items as `[n]`): the path, built only when needed. */
  readonly parent?: JsonFrame;
  readonly key: string;
  /**
   * Object: its keys so far and the line of each. Most objects have a few keys, so they are kept in arrays (no Map per
   * object: a 10,000-client template has about 100,000 objects); an object that grows past {@link SMALL_OBJECT} keys
   * gets a Map index.
   */
  keys?: string[];
  lines?: number[];
  index?: Map<string, number>;
  /** Object: every line of each repeated key, found when it repeats. */
  repeated?: Map<string, number[]>;
  /** Object: the next string is a key. */
  expectingKey: boolean;
  /** Object: the key of the value being read. */
  current: string;
  /** Array: the index of the value being read. */
  itemIndex: number;
}

/** Keys an object holds before a Map indexes them. */
const SMALL_OBJECT = 16;

/** Records `key` at `line` in the object `frame`, noting a repeat. */
function addKey(frame: JsonFrame, key: string, line: number): void {
  const keys = (frame.keys ??= []);
  const lines = (frame.lines ??= []);
  let at = -1;
  if (frame.index) at = frame.index.get(key) ?? -1;
  else at = keys.indexOf(key);
  if (at >= 0) {
    frame.repeated ??= new Map();
    const all = frame.repeated.get(key) ?? [lines[at]];
    all.push(line);
    frame.repeated.set(key, all);
    return;
  }
  keys.push(key);
  lines.push(line);
  if (frame.index) frame.index.set(key, keys.length - 1);
  else if (keys.length > SMALL_OBJECT) frame.index = new Map(keys.map((k, i) => [k, i]));
}

/**
 * Line of each logical id and every repeated key of the Resources section of a JSON template. JSON.parse keeps no
 * positions and silently keeps the last of repeated keys (as CloudFormation does), so a pass over the Resources text
 * finds both; the rest of the file is not scanned (it would cost time and holds nothing the rules judge).
 * Called only on text JSON.parse accepted, so a string never holds a raw line break.
 *
 * Given `parsed` (what JSON.parse made of `text`), a quick pass first counts the keys the section spells: a repeated key
 * leaves fewer keys in the parsed section than in its text, and only then is the full pass, which keeps every object's
 * keys to name each repeat, needed. Nearly every template repeats nothing (issue 15: the full pass cost 25-40 ms of
 * a 450-client run).
 */
export function scanJsonResources(
  text: string,
  parsed?: unknown,
  /** The keys of the parsed Resources section at every level, when the caller has counted them. */
  parsedResourcesKeys?: number,
): { resourceLines: Map<string, number>; duplicateKeys: DuplicateKey[] } {
  let open = topLevelResourcesOpen(text, 0, 0);
  if (open < 0) return { resourceLines: new Map(), duplicateKeys: [] };
  const keys = parsed === undefined ? undefined : parsedResourcesKeys ?? countKeys((parsed as { Resources?: unknown } | null)?.Resources);
  for (;;) {
    const scanned = scanResourcesAt(text, open, keys);
    // JSON.parse keeps the last of two top-level Resources keys: the section after this one, if any, is the one to scan.
    const later = scanned.end < 0 ? -1 : topLevelResourcesOpen(text, scanned.end + 1, 1);
    if (later < 0) return { resourceLines: scanned.resourceLines, duplicateKeys: scanned.duplicateKeys };
    open = later;
  }
}

/** The quick pass when the parsed section's key count is known and matches the text's, else the full pass. */
function scanResourcesAt(text: string, open: number, parsedKeys: number | undefined): ScannedResources {
  if (parsedKeys !== undefined) {
    const quick = quickScan(text, open);
    if (quick && quick.keys === parsedKeys) return { resourceLines: quick.resourceLines, duplicateKeys: [], end: quick.end };
  }
  return fullScan(text, open);
}

/** What a pass over one Resources object found, and where the object ends (-1: it does not close). */
interface ScannedResources {
  readonly resourceLines: Map<string, number>;
  readonly duplicateKeys: DuplicateKey[];
  readonly end: number;
}

/**
 * The index of the `{` that opens the value of the next top-level `Resources` key from `from` (where the scan is
 * `depthAtFrom` levels deep), or -1. Only the text up to it is scanned; a `"Resources": {` nested in an earlier
 * section (a Metadata entry, a parameter's default) is not it.
 */
function topLevelResourcesOpen(text: string, from: number, depthAtFrom: number): number {
  let depth = depthAtFrom;
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) {
      const quote = i;
      i = stringEnd(text, i);
      if (depth !== 1) continue;
      const raw = text.slice(quote + 1, i);
      if (raw !== RESOURCES && !(raw.includes('\\') && decodeJsonString(text.slice(quote, i + 1)) === RESOURCES)) continue;
      let next = skipSpace(text, i + 1);
      // A string at the top level that is not followed by a colon is a value, not a key.
      if (text.charCodeAt(next) !== 58 /* : */) continue;
      next = skipSpace(text, next + 1);
      // A Resources value that is not an object holds nothing to scan; a later top-level Resources key may.
      if (text.charCodeAt(next) === 123 /* { */) return next;
    } else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      depth++;
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) {
      depth--;
    }
  }
  return -1;
}

const RESOURCES = 'Resources';

/** The index of the first character at or after `from` that is not JSON white space. */
function skipSpace(text: string, from: number): number {
  let at = from;
  for (let ch = text.charCodeAt(at); ch === 32 || ch === 10 || ch === 13 || ch === 9; ch = text.charCodeAt(++at));
  return at;
}

/**
 * The keys of the object opening at `open` (every level), and the line of each of its own keys; undefined when the
 * object does not close. Only strings and brackets are looked at; lines are counted only up to each logical id.
 */
function quickScan(text: string, open: number): { keys: number; resourceLines: Map<string, number>; end: number } | undefined {
  const resourceLines = new Map<string, number>();
  let keys = 0;
  let depth = 0;
  // Lines are counted up to each logical id by jumping from line break to line break (each is visited once; a
  // single-line file costs one search).
  let line = 1;
  let nextBreak = text.indexOf('\n');
  for (let i = open; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) {
      const from = i;
      i = stringEnd(text, i);
      const next = skipSpace(text, i + 1);
      if (text.charCodeAt(next) !== 58 /* : */) continue;
      keys++;
      if (depth === 1) {
        while (nextBreak >= 0 && nextBreak < from) {
          line++;
          nextBreak = text.indexOf('\n', nextBreak + 1);
        }
        const raw = text.slice(from + 1, i);
        // The last occurrence of a logical id is the resource CloudFormation deploys.
        resourceLines.set(raw.includes('\\') ? decodeJsonString(text.slice(from, i + 1)) : raw, line);
      }
      i = next;
    } else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      depth++;
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) {
      if (--depth === 0) return { keys, resourceLines, end: i };
    }
  }
  return undefined;
}

/** The index of the quote closing the string that opens at `from`: the next quote not escaped by an odd run of backslashes. */
function stringEnd(text: string, from: number): number {
  let i = from;
  for (;;) {
    i = text.indexOf('"', i + 1);
    if (i < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === 92 /* backslash */) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
}

/** How many keys the objects of a parsed JSON value hold, at every level (iterative: parsed JSON may nest deep). */
function countKeys(root: unknown): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const key in value) {
      count++;
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return count;
}

/** The pass that keeps every object's keys, to name each repeated key with its path and lines. */
function fullScan(text: string, open: number): ScannedResources {
  const resourceLines = new Map<string, number>();
  const duplicateKeys: DuplicateKey[] = [];
  let line = text.slice(0, open).split('\n').length;
  const stack: JsonFrame[] = [];
  const keyIn = (parent: JsonFrame | undefined): string =>
    (parent ? (parent.isObject ? parent.current : `[${parent.itemIndex}]`) : 'Resources');
  const pathOf = (frame: JsonFrame): string[] => {
    const path: string[] = [];
    for (let at: JsonFrame | undefined = frame; at; at = at.parent) path.unshift(at.key);
    return path;
  };
  for (let i = open; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */) {
      line++;
    } else if (ch === 34 /* " */) {
      // A string (strings may hold any bracket).
      const from = i;
      i = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top?.isObject && top.expectingKey) {
        const raw = text.slice(from + 1, i);
        const key = raw.includes('\\') ? decodeJsonString(text.slice(from, i + 1)) : raw;
        top.expectingKey = false;
        top.current = key;
        addKey(top, key, line);
        // The last occurrence of a logical id is the resource CloudFormation deploys.
        if (stack.length === 1) resourceLines.set(key, line);
      }
    } else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      const isObject = ch === 123;
      const parent = stack[stack.length - 1];
      stack.push({ isObject, parent, key: keyIn(parent), expectingKey: isObject, current: '', itemIndex: 0 });
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) {
      const frame = stack.pop();
      if (frame?.repeated) {
        // In the order the keys first appear, as the object spells them.
        const position = (key: string) => frame.index?.get(key) ?? frame.keys!.indexOf(key);
        const repeated = [...frame.repeated].sort(([a], [b]) => position(a) - position(b));
        for (const [key, lines] of repeated) duplicateKeys.push({ path: [...pathOf(frame), key], lines });
      }
      if (stack.length === 0) return { resourceLines, duplicateKeys, end: i };
    } else if (ch === 44 /* , */) {
      const top = stack[stack.length - 1];
      if (top?.isObject) top.expectingKey = true;
      else if (top) top.itemIndex++;
    }
  }
  return { resourceLines, duplicateKeys, end: -1 };
}

function decodeJsonString(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}

/** What {@link cutTooDeep} did. */
export interface Cut {
  /** The paths (from the root) of the values replaced by {@link TOO_DEEP}. */
  readonly replaced: string[][];
  /** The keys of the objects of the top-level Resources section, at every level, as far as the walk went. */
  readonly resourcesKeys: number;
}

/**
 * Replaces every value nested deeper than `limit` with {@link TOO_DEEP}, in place, and counts the keys of the
 * Resources section on the way (a value cut off is not counted, so the duplicate-key scan then takes its full pass).
 * Recursive, without allocating: the cut bounds the recursion at `limit` frames, whatever the document's depth; a
 * YAML alias cycle is cut at the limit too.
 */
export function cutTooDeep(root: unknown, limit: number): Cut {
  const walk: Walk = { limit, path: [], replaced: [], keys: 0 };
  if (root !== null && typeof root === 'object') visit(root, 0, false, walk);
  return { replaced: walk.replaced, resourcesKeys: walk.keys };
}

/** The state of one {@link cutTooDeep} walk. */
interface Walk {
  readonly limit: number;
  /** Keys from the root to the container being walked (array positions as numbers, as Object.keys would name them). */
  readonly path: Array<string | number>;
  readonly replaced: string[][];
  keys: number;
}

function visit(container: object, depth: number, counting: boolean, walk: Walk): void {
  if (Array.isArray(container)) {
    for (let i = 0; i < container.length; i++) visitChild(container as unknown[], i, depth, counting, walk);
    return;
  }
  for (const key in container) {
    if (!Object.prototype.hasOwnProperty.call(container, key)) continue;
    if (counting) walk.keys++;
    // The top-level Resources section and everything in it is counted.
    visitChild(container as Record<string, unknown>, key, depth, counting || (depth === 0 && key === 'Resources'), walk);
  }
}

function visitChild(container: Record<string, unknown> | unknown[], key: string | number, depth: number, counting: boolean, walk: Walk): void {
  const values = container as Record<string | number, unknown>;
  const child = values[key];
  if (child === null || typeof child !== 'object') return;
  if (depth + 1 >= walk.limit) {
    values[key] = TOO_DEEP;
    walk.replaced.push([...walk.path, key].map(String));
    return;
  }
  walk.path.push(key);
  visit(child, depth + 1, counting, walk);
  walk.path.pop();
}

function specialFileKind(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a file';
}

/** A file-system error in a few words (`no such file or directory`), without the syscall and path. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ELOOP': return 'too many levels of symbolic links';
    default: return error instanceof Error ? error.message : String(error);
  }
}
