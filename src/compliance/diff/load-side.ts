import { readFileSync } from 'fs';
import { basename, dirname, join, relative, resolve, sep } from 'path';
import { discoverInputs, isCloudAssembly } from '../cli/discover-inputs';
import { LoadedTemplate, loadTemplate } from '../cli/load-template';

/** One stack of one side: a template and the name it is matched by. */
export interface StackInput {
  readonly name: string;
  /** Path relative to the working directory, `/`-separated. */
  readonly file: string;
  readonly loaded: LoadedTemplate;
}

/** An input that could not be read: reported as one line, and the comparison does not run. */
export interface DiffInputError {
  readonly file: string;
  readonly problem: string;
}

/** The stacks of one side (`<before>` or `<after>`). */
export interface Side {
  readonly stacks: ReadonlyMap<string, StackInput>;
  readonly errors: readonly DiffInputError[];
  /** The argument named one file (not a directory): such a side is one stack, whatever its name. */
  readonly singleFile: boolean;
}

/**
 * Loads every template an argument stands for, with the CLI's own discovery (cloud assemblies, nested stage
 * assemblies, nested stacks, plain directories) and loader (JSON, YAML with CloudFormation tags, SAM).
 * Stacks are named by their cloud assembly artifact id (nested stacks by their template's name), or by their path
 * under the directory argument without the extension, or, for a file argument, by the file name without it.
 */
export function loadSide(argument: string, cwd: string): Side {
  const display = (path: string) => relative(cwd, path).split(sep).join('/') || '.';
  const stacks = new Map<string, StackInput>();
  const errors: DiffInputError[] = [];
  const [group] = discoverInputs([argument], cwd);
  const root = resolve(cwd, argument);
  if (group.problem) return { stacks, errors: [{ file: display(root), problem: group.problem }], singleFile: false };

  const artifactIds = new ArtifactIds();
  let failed = 0;
  for (const candidate of group.candidates) {
    const loaded = loadTemplate(candidate.path);
    if (!loaded.ok) {
      // As the lint command does: a walk meets manifests and unrelated files; only templates that fail are errors.
      if (candidate.mustBeTemplate || loaded.reason === 'unreadable' || (loaded.reason === 'syntax' && loaded.mentionsCloudFormation)) {
        errors.push({ file: display(candidate.path), problem: loaded.problem });
        failed++;
      }
      continue;
    }
    const file = display(candidate.path);
    let name = group.isDirectory ? artifactIds.nameOf(candidate.path) ?? withoutExtension(relative(root, candidate.path).split(sep).join('/')) : withoutExtension(basename(candidate.path));
    // Two templates of one side with one name (two assemblies in one folder): the path tells them apart.
    if (stacks.has(name)) name = file;
    stacks.set(name, { name, file, loaded });
  }
  if (group.isDirectory && stacks.size === 0 && failed === 0) {
    errors.push({ file: display(root), problem: 'no CloudFormation templates found in this directory' });
  }
  return { stacks, errors, singleFile: !group.isDirectory };
}

/** `App.template.json` -> `App`, `Auth1234.nested.template.json` -> `Auth1234`, `stacks/auth.yaml` -> `stacks/auth`. */
export function withoutExtension(path: string): string {
  return path.replace(/(\.nested)?\.template\.json$/i, '').replace(/\.(json|ya?ml|template)$/i, '');
}

/** Artifact ids of the stacks of cloud assemblies, read from each assembly's manifest.json once. */
class ArtifactIds {
  private readonly byDirectory = new Map<string, ReadonlyMap<string, string>>();

  /** The artifact id of the stack whose template is `path`, or undefined when no assembly manifest names it. */
  public nameOf(path: string): string | undefined {
    const dir = dirname(path);
    let ids = this.byDirectory.get(dir);
    if (!ids) {
      ids = isCloudAssembly(dir) ? readArtifactIds(dir) : new Map();
      this.byDirectory.set(dir, ids);
    }
    return ids.get(basename(path)) ?? (isCloudAssembly(dir) ? withoutExtension(basename(path)) : undefined);
  }
}

/** Template file name -> artifact id, for every `aws:cloudformation:stack` artifact of the manifest. */
function readArtifactIds(dir: string): ReadonlyMap<string, string> {
  const ids = new Map<string, string>();
  try {
    // https://github.com/aws/aws-cdk-cli/blob/main/packages/@aws-cdk/cloud-assembly-schema/schema/cloud-assembly.schema.json
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { artifacts?: Record<string, unknown> };
    for (const [id, artifact] of Object.entries(manifest.artifacts ?? {})) {
      const { type, properties } = (artifact ?? {}) as { type?: unknown; properties?: { templateFile?: unknown } };
      if (type === 'aws:cloudformation:stack' && typeof properties?.templateFile === 'string') ids.set(basename(properties.templateFile), id);
    }
  } catch {
    // isCloudAssembly already parsed it; a manifest that changes under us falls back to file names.
  }
  return ids;
}
