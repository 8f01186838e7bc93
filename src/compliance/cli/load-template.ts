import { readFileSync, Stats, statSync } from 'fs';
import { extname } from 'path';
import { parseCloudFormationYaml } from './cfn-yaml';
import { Template, templateShapeProblem } from './template-schema';

/** A file that parsed and has the shape of a template. */
export interface LoadedTemplate {
  readonly ok: true;
  readonly path: string;
  readonly template: Template;
  /** Line (1-based) of each resource's logical id in the file, when known. */
  readonly resourceLines: ReadonlyMap<string, number>;
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

/** Deeper than any real template; the engine and the schema walk values recursively. */
export const MAX_NESTING_DEPTH = 100;

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
  try {
    if (looksLikeJson(path, text)) {
      data = parseJson(text);
      resourceLines = jsonResourceLines(text);
    } else {
      ({ data, resourceLines } = parseCloudFormationYaml(text));
    }
  } catch (error) {
    if (error instanceof RangeError) return fail('syntax', 'nesting is too deep');
    return fail('syntax', error instanceof Error ? error.message : String(error));
  }

  if (depthExceeds(data, MAX_NESTING_DEPTH)) {
    return fail('syntax', `nesting is deeper than ${MAX_NESTING_DEPTH} levels`);
  }
  const problem = templateShapeProblem(data);
  if (problem) return fail('shape', `not a CloudFormation template (${problem})`);
  return { ok: true, path, template: data as Template, resourceLines };
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

/**
 * Line of each logical id in a JSON template. JSON.parse keeps no positions, so this finds the first
 * `"LogicalId":` after `"Resources":`; logical ids are alphanumeric, so the match is exact in practice.
 */
function jsonResourceLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const start = /"Resources"\s*:\s*\{/.exec(text);
  if (!start) return lines;
  const keyPattern = /"([A-Za-z0-9]+)"\s*:/y;
  const open = start.index + start[0].length - 1;
  let line = text.slice(0, open).split('\n').length;
  // Walk the Resources object once: only keys at depth 1 are logical ids; strings may hold any bracket.
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') {
        i++;
      } else if (ch === '"') {
        inString = false;
      }
    } else if (ch === '{' || ch === '[') {
      depth++;
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) break;
    } else if (ch === '"') {
      inString = true;
      if (depth === 1) {
        keyPattern.lastIndex = i;
        const match = keyPattern.exec(text);
        if (match && !lines.has(match[1])) lines.set(match[1], line);
      }
    }
  }
  return lines;
}

/** Iterative, so that a hostile document cannot overflow the stack here. */
function depthExceeds(root: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
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
