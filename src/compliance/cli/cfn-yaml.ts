import { CollectionTag, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, ScalarTag, visit, YAMLMap, YAMLSeq } from 'yaml';
import { DuplicateKey } from '../../rules/template/duplicate-key';

/**
 * CloudFormation's YAML short forms (`!Ref X`, `!Sub ...`, `!If [...]`) as `yaml` custom tags, each one turned into
 * its long JSON form (`{ "Ref": "X" }`, `{ "Fn::Sub": ... }`) so the rule engine sees exactly what CloudFormation sees.
 */

/** Short-form tag name → long-form key. */
const FUNCTIONS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  ...Object.fromEntries([
    'And', 'Base64', 'Cidr', 'Contains', 'EachMemberEquals', 'EachMemberIn', 'Equals', 'FindInMap', 'ForEach',
    'GetAZs', 'GetAtt', 'If', 'ImportValue', 'Join', 'Length', 'Not', 'Or', 'RefAll', 'Select', 'Split', 'Sub',
    'ToJsonString', 'Transform', 'ValueOf', 'ValueOfAll',
  ].map((name) => [name, `Fn::${name}`])),
};

function longForm(key: string, value: unknown): Record<string, unknown> {
  return { [key]: value };
}

/** `!GetAtt Resource.Attribute` splits at the first dot; attribute names may contain more (`Outputs.Url`). */
function getAttFromString(text: string): unknown[] | string {
  const dot = text.indexOf('.');
  return dot < 0 ? text : [text.slice(0, dot), text.slice(dot + 1)];
}

function tagsFor(shortName: string, key: string): Array<ScalarTag | CollectionTag> {
  const tag = `!${shortName}`;
  // Collections stay yaml nodes (a map holding the original node), so anchors, aliases and the alias-count
  // guard keep working when the document is converted to plain data at the end.
  const wrap = (node: YAMLMap | YAMLSeq): YAMLMap => {
    const map = new YAMLMap();
    map.set(key, node);
    return map;
  };
  return [
    {
      tag,
      resolve: (text: string) => longForm(key, key === 'Fn::GetAtt' ? getAttFromString(text) : text),
    },
    { tag, collection: 'seq', resolve: (node) => (isSeq(node) ? wrap(node) : node) },
    { tag, collection: 'map', resolve: (node) => (isMap(node) ? wrap(node) : node) },
  ];
}

/** Every CloudFormation short-form tag, for `yaml`'s `customTags` option. */
export const CLOUDFORMATION_TAGS: Array<ScalarTag | CollectionTag> =
  Object.entries(FUNCTIONS).flatMap(([shortName, key]) => tagsFor(shortName, key));

/** A YAML syntax problem with its position (1-based). */
export class YamlSyntaxError extends Error {
  constructor(readonly detail: string, readonly line?: number, readonly column?: number) {
    super(line !== undefined ? `YAML parse error at line ${line}, column ${column}: ${detail}` : `YAML parse error: ${detail}`);
  }
}

/**
 * Every key that a mapping repeats, with the line of each occurrence. CloudFormation accepts a repeated key and
 * deploys the last value, which is also what `toJS()` keeps, so the template is linted as it deploys.
 */
function duplicateKeysOf(doc: ReturnType<typeof parseDocument>, lineCounter: LineCounter): DuplicateKey[] {
  const duplicates: DuplicateKey[] = [];
  const keyText = (key: unknown) => (isScalar(key) ? String(key.value) : key === null ? '' : String(key));
  visit(doc, {
    Map(_key, map, ancestors) {
      const lines = new Map<string, number[]>();
      for (const pair of map.items) {
        const range = isScalar(pair.key) ? pair.key.range : undefined;
        const key = keyText(pair.key);
        lines.set(key, [...(lines.get(key) ?? []), range ? lineCounter.linePos(range[0]).line : 0]);
      }
      const repeated = [...lines].filter(([, at]) => at.length > 1);
      if (repeated.length === 0) return;
      const path = ancestors.filter(isPair).map((pair) => keyText(pair.key));
      for (const [key, at] of repeated) duplicates.push({ path: [...path, key], lines: at });
    },
  });
  return duplicates;
}

/** How many alias expansions a document may cause; a few hundred is plenty for a real template. */
export const MAX_ALIAS_COUNT = 100;

/**
 * Parses a CloudFormation YAML template into plain data. Throws {@link YamlSyntaxError} on the first error.
 * Also returns the line of every resource's logical id, for reports, and every repeated mapping key.
 */
export function parseCloudFormationYaml(text: string): { data: unknown; resourceLines: Map<string, number>; duplicateKeys: DuplicateKey[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    customTags: CLOUDFORMATION_TAGS,
    lineCounter,
    // Warnings would go to process.emitWarning, i.e. stray lines on stderr.
    logLevel: 'error',
    prettyErrors: true,
    // yaml's own uniqueness check compares every key with every other (quadratic on a 10,000-resource map):
    // duplicates are found below with one Set per map instead.
    uniqueKeys: false,
  });
  const [first] = doc.errors;
  if (first) {
    const message = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?\s*$/, '');
    // yaml composes nested nodes recursively and reports a blown stack as an ordinary error.
    const detail = /Maximum call stack/.test(message) ? 'nesting is too deep' : message;
    const pos = first.linePos?.[0];
    throw new YamlSyntaxError(detail, pos?.line, pos?.col);
  }
  // yaml keeps an unknown tag's value as if untagged: `!Foo http://x` would be linted as the string http://x.
  // CloudFormation has no such function, so the template is refused here rather than judged wrongly.
  const unknownTag = doc.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (unknownTag) {
    const tag = /Unresolved tag: (\S+)/.exec(unknownTag.message)?.[1] ?? 'tag';
    const pos = unknownTag.linePos?.[0];
    throw new YamlSyntaxError(`unknown tag ${tag} (CloudFormation's short forms are !Ref, !Sub, !GetAtt, !If and the other Fn:: names)`, pos?.line, pos?.col);
  }

  const duplicateKeys = duplicateKeysOf(doc, lineCounter);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError && /^Excessive alias count/.test(error.message)) {
      throw new YamlSyntaxError(`too many alias expansions (more than ${MAX_ALIAS_COUNT}), refusing to expand`);
    }
    if (error instanceof ReferenceError) throw new YamlSyntaxError(error.message);
    throw error;
  }
  const resourceLines = new Map<string, number>();
  const resources = isMap(doc.contents) ? doc.contents.get('Resources', true) : undefined;
  if (isMap(resources)) {
    for (const pair of resources.items) {
      const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
      if (key && typeof key.value === 'string' && key.range) {
        resourceLines.set(key.value, lineCounter.linePos(key.range[0]).line);
      }
    }
  }
  return { data, resourceLines, duplicateKeys };
}
