import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'fs';
import { extname, join, resolve } from 'path';
import { describeFsError } from './load-template';

/** A file to lint. */
export interface Candidate {
  /** Absolute path. */
  readonly path: string;
  /** Identity of the file (its real path): the same file reached twice is linted once. */
  readonly key: string;
  /**
   * True when the file must be a template: it was named on the command line, or it is a `*.template.json` of a
   * cloud assembly. Files found by walking an ordinary directory may be anything and are skipped when they are not.
   */
  readonly mustBeTemplate: boolean;
}

/** The files one command-line argument stands for. */
export interface InputGroup {
  /** The argument as given. */
  readonly argument: string;
  readonly isDirectory: boolean;
  readonly candidates: Candidate[];
  /** Keys of files this argument also stands for, already listed under an earlier argument. */
  readonly repeated: string[];
  /** Set when the argument is a directory that cannot be listed. */
  readonly problem?: string;
}

const TEMPLATE_EXTENSIONS = new Set(['.json', '.yaml', '.yml', '.template']);

/** Directories that never hold the user's templates, and that can be huge. */
function isSkippedDirectory(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/**
 * A CDK cloud assembly (cdk.out, or a stage's nested `assembly-*`): it has the `cdk.out` marker file, or a manifest.json
 * that is a cloud assembly manifest (a version and artifacts). A web app's manifest.json does not make one.
 */
export function isCloudAssembly(dir: string): boolean {
  // Only a regular file: reading a FIFO named manifest.json would block the walk forever.
  if (!isRegularFile(join(dir, 'manifest.json'))) return false;
  if (existsSync(join(dir, 'cdk.out'))) return true;
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    return typeof manifest?.version === 'string' && typeof manifest?.artifacts === 'object' && manifest.artifacts !== null;
  } catch {
    return false;
  }
}

/**
 * Expands the command-line arguments into files, in argument order and then name order, each file once.
 * A path that does not exist is kept as a candidate so that loading reports it like any unreadable file.
 */
export function discoverInputs(args: readonly string[], cwd: string): InputGroup[] {
  const seenFiles = new Set<string>();
  const groups: InputGroup[] = [];
  for (const argument of args) {
    const path = resolve(cwd, argument);
    const candidates: Candidate[] = [];
    const repeated: string[] = [];
    const add = (file: string, mustBeTemplate: boolean) => {
      const key = realOrSelf(file);
      if (seenFiles.has(key)) {
        repeated.push(key);
        return;
      }
      seenFiles.add(key);
      candidates.push({ path: file, key, mustBeTemplate });
    };
    const isDirectory = isDir(path);
    if (isDirectory) {
      try {
        readdirSync(path);
      } catch (error) {
        groups.push({ argument, isDirectory, candidates, repeated, problem: describeFsError(error) });
        continue;
      }
      // One visited set per argument: guards symlink loops; files are still deduplicated across arguments.
      walk(path, new Set(), add);
    } else {
      add(path, true);
    }
    groups.push({ argument, isDirectory, candidates, repeated });
  }
  return groups;
}

function walk(dir: string, visited: Set<string>, add: (file: string, mustBeTemplate: boolean) => void): void {
  const real = realOrSelf(dir);
  if (visited.has(real)) return;
  visited.add(real);

  if (isCloudAssembly(dir)) {
    walkAssembly(dir, visited, add);
    return;
  }
  for (const name of listDir(dir)) {
    const path = join(dir, name);
    if (isDir(path)) {
      if (!isSkippedDirectory(name)) walk(path, visited, add);
    } else if (TEMPLATE_EXTENSIONS.has(extname(name).toLowerCase())) {
      add(path, false);
    }
  }
}

/** Every stack template of the assembly (nested stacks included), then the nested assemblies of stages. */
function walkAssembly(dir: string, visited: Set<string>, add: (file: string, mustBeTemplate: boolean) => void): void {
  for (const name of listDir(dir)) {
    const path = join(dir, name);
    if (name.endsWith('.template.json') && !isDir(path)) {
      add(path, true);
    } else if (name.startsWith('assembly-') && isDir(path)) {
      const real = realOrSelf(path);
      if (visited.has(real)) continue;
      visited.add(real);
      walkAssembly(path, visited, add);
    }
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
