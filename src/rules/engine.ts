import { formatViolation } from './messages';
import { ResourceView, Rule } from './rule';
import { TemplateModel, TemplateResource } from './template-model';
import { Finding, Severity } from './types';
import { intrinsicName } from './values';

/** The rule id of the finding that stands for a rule that threw: not a rule of the catalogue, never disabled. */
export const INTERNAL_ERROR_RULE_ID = 'internal-error';

/** Where an internal error is to be reported. */
const ISSUES_URL = 'https://github.com/cdk-cognito-clients/cdk-cognito-clients/issues';

/** Options of one lint run. */
export interface EngineOptions {
  /** The region the template deploys to, when known. */
  readonly region?: string;
  /** Rule ids to skip. */
  readonly disabledRules?: readonly string[];
  /** Only report findings on these logical ids (the other resources still inform cross-resource rules). */
  readonly onlyLogicalIds?: readonly string[];
  /**
   * The caller has already replaced every value nested deeper than {@link MAX_RESOURCES_DEPTH} levels (the CLI cuts
   * at 100 as it loads a file), so the engine's own walk of every value would find nothing.
   */
  readonly depthBounded?: boolean;
}

/**
 * How deep the values of the Resources section may nest. Real templates stay under 20 levels; the readers and the
 * shape checks recurse, and far deeper input would overflow the stack in the middle of some rule.
 */
export const MAX_RESOURCES_DEPTH = 500;

/**
 * Runs every rule on every Cognito resource of a template and returns all findings, in template order and
 * then rule order (deterministic). Does not throw on odd input: what it cannot read it does not judge. A rule that
 * throws becomes one {@link INTERNAL_ERROR_RULE_ID} finding on that resource; the other rules still run.
 * The one exception is a Resources section nested deeper than {@link MAX_RESOURCES_DEPTH} levels (or cyclic):
 * that throws an error saying so, rather than a stack overflow or a silent pass.
 */
export function runRules(rules: readonly Rule[], template: unknown, options: EngineOptions = {}): Finding[] {
  const resources = resourcesOf(template);
  if (!resources) return [];
  const tooDeep = options.depthBounded ? undefined : firstResourceDeeperThan(resources, MAX_RESOURCES_DEPTH);
  if (tooDeep !== undefined) {
    throw new Error(`resource ${tooDeep} nests values deeper than ${MAX_RESOURCES_DEPTH} levels (or in a cycle); the template was not linted`);
  }
  const model = new TemplateModel(resources, { region: options.region });
  const disabled = new Set(options.disabledRules ?? []);
  const byType = new Map<string, Rule[]>();
  for (const rule of rules) {
    if (disabled.has(rule.id)) continue;
    byType.set(rule.resourceType, [...(byType.get(rule.resourceType) ?? []), rule]);
  }
  const only = options.onlyLogicalIds ? new Set(options.onlyLogicalIds) : undefined;

  const findings: Finding[] = [];
  const logicalIds = Object.keys(resources);
  for (let i = 0; i < logicalIds.length; i++) {
    const logicalId = logicalIds[i];
    if (only && !only.has(logicalId)) continue;
    const resource = resources[logicalId];
    if (resource === null || typeof resource !== 'object') continue;
    const type = (resource as TemplateResource).Type;
    const applicable = typeof type === 'string' ? byType.get(type) : undefined;
    if (!applicable) continue;
    const properties = propertiesOf(resource as TemplateResource);
    if (!properties) continue;
    const typed = resource as TemplateResource;
    const view = new ResourceView(logicalId, type as string, properties, dependsOnOf(typed), model, metadataOf(typed));
    // Indexed loops: this runs once per rule and resource, mostly before the JIT has compiled it, and a for-of loop
    // allocates an iterator each time in the interpreter.
    for (let r = 0; r < applicable.length; r++) {
      const rule = applicable[r];
      // Each rule in isolation (as cdk-nag's applyRule does): one that throws costs its own findings, not the others'.
      let violations;
      try {
        violations = rule.check(view);
      } catch (error) {
        findings.push(internalError(rule, logicalId, error));
        continue;
      }
      for (let v = 0; v < violations.length; v++) {
        const violation = violations[v];
        findings.push({
          ruleId: rule.id,
          severity: rule.severity,
          logicalId,
          property: violation.property,
          message: formatViolation(violation, rule.severity),
          docUrl: rule.docUrl,
        });
      }
    }
  }
  return findings;
}

/** The finding that stands for a rule that threw on a resource: an error, so every door fails loudly. */
function internalError(rule: Rule, logicalId: string, error: unknown): Finding {
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 200);
  return {
    ruleId: INTERNAL_ERROR_RULE_ID,
    severity: Severity.ERROR,
    logicalId,
    property: '',
    message: `Rule ${rule.id} failed on resource ${logicalId} (${detail}), so its findings on this resource are missing; `
      + `every other rule ran. Fix: report it with the template at ${ISSUES_URL}, or skip the rule with --disable ${rule.id} / disabledRules.`,
    docUrl: ISSUES_URL,
  };
}

function resourcesOf(template: unknown): Record<string, TemplateResource> | undefined {
  if (template === null || typeof template !== 'object' || Array.isArray(template)) return undefined;
  const resources = (template as { Resources?: unknown }).Resources;
  if (resources === null || typeof resources !== 'object' || Array.isArray(resources)) return undefined;
  return resources as Record<string, TemplateResource>;
}

/** Absent Properties are `{}`; Properties that are themselves an intrinsic (e.g. Fn::If) cannot be judged. */
function propertiesOf(resource: TemplateResource): Record<string, unknown> | undefined {
  const props = resource.Properties;
  if (props === undefined || props === null) return {};
  if (typeof props !== 'object' || Array.isArray(props) || intrinsicName(props) !== undefined) return undefined;
  return props as Record<string, unknown>;
}

function metadataOf(resource: TemplateResource): Record<string, unknown> {
  const metadata = resource.Metadata;
  return metadata !== null && typeof metadata === 'object' && !Array.isArray(metadata) ? metadata as Record<string, unknown> : {};
}

function dependsOnOf(resource: TemplateResource): string[] {
  const dependsOn = resource.DependsOn;
  if (typeof dependsOn === 'string') return [dependsOn];
  return Array.isArray(dependsOn) ? dependsOn.filter((d): d is string => typeof d === 'string') : [];
}

/** Logical id of the first resource whose value nests deeper than `limit`; iterative, so it cannot overflow itself. */
function firstResourceDeeperThan(resources: Record<string, unknown>, limit: number): string | undefined {
  for (const logicalId in resources) {
    if (Object.prototype.hasOwnProperty.call(resources, logicalId) && nestsDeeperThan(resources[logicalId], limit)) return logicalId;
  }
  return undefined;
}

/** Node visits after which a value is taken to share subtrees (a tree of a template visits each node once). */
const VISIT_BUDGET = 100_000;

/**
 * True when an object or array inside `root` sits `limit` levels down (or `root` holds a cycle, which never ends).
 * A plain walk, allocating only its stack; a value that takes more than {@link VISIT_BUDGET} visits shares subtrees
 * (a DAG can have exponentially many paths) and is walked again remembering the depth each object was reached at.
 */
function nestsDeeperThan(root: unknown, limit: number): boolean {
  if (root === null || typeof root !== 'object') return false;
  const values: unknown[] = [root];
  const depths: number[] = [0];
  let visits = 0;
  while (values.length > 0) {
    const value = values.pop() as object;
    const depth = depths.pop()!;
    if (depth >= limit) return true;
    if (++visits > VISIT_BUDGET) return sharedNestsDeeperThan(root, limit);
    if (Array.isArray(value)) {
      for (const child of value) {
        if (child !== null && typeof child === 'object') { values.push(child); depths.push(depth + 1); }
      }
      continue;
    }
    for (const key in value) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object' && Object.prototype.hasOwnProperty.call(value, key)) { values.push(child); depths.push(depth + 1); }
    }
  }
  return false;
}

/** {@link nestsDeeperThan} for values with shared subtrees: each object is walked again only when reached deeper. */
function sharedNestsDeeperThan(root: unknown, limit: number): boolean {
  const reached = new Map<object, number>();
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= limit) return true;
    if ((reached.get(value) ?? -1) >= depth) continue;
    reached.set(value, depth);
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}
