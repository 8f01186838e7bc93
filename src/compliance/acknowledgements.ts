import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { synthAnnotations } from '../private/synth-annotations';

/** The plugin's name; CDK uses it as the namespace of the plugin's rule ids (`cdk-cognito-clients::<rule-id>`). */
export const PLUGIN_NAME = 'cdk-cognito-clients';
/** The rule id of the finding that refuses an acknowledgement without a reason. */
export const ACKNOWLEDGEMENT_NEEDS_REASON = 'acknowledgement-needs-reason';

// `Validations.acknowledge({ id: 'x' })` records ids without a namespace as `Annotation::x`.
const ANNOTATION_NAMESPACE = 'Annotation';

/** One `Validations.of(construct).acknowledge(...)` as CDK records it in the construct's metadata. */
export interface Acknowledgement {
  /** The id as recorded, e.g. `cdk-cognito-clients::client-x` or `Annotation::client-x`. */
  readonly id: string;
  /** The rule id without namespace. */
  readonly ruleId: string;
  readonly reason: string;
  /** Construct path of the acknowledging construct ('' for the App). */
  readonly at: string;
  /** `plugin`: namespaced with the plugin name, which CDK itself applies to plugin reports; `bare`: the id alone. */
  readonly form: 'plugin' | 'bare';
}

/** What to do with a finding, given the acknowledgements around it. */
export type AckDecision =
  | { readonly kind: 'none' }
  /** Acknowledged with a reason. */
  | { readonly kind: 'acknowledged'; readonly ack: Acknowledgement }
  /** Acknowledged with an empty or blank reason: refused, the finding stays active. */
  | { readonly kind: 'refused'; readonly ack: Acknowledgement };

export function hasReason(ack: Acknowledgement): boolean {
  return ack.reason.trim().length > 0;
}

/** Recorded ids under which a rule may be acknowledged, in order of precedence. */
function recordedIds(ruleId: string): Array<[string, Acknowledgement['form']]> {
  return [
    [`${PLUGIN_NAME}::${ruleId}`, 'plugin'],
    [`${ANNOTATION_NAMESPACE}::${ruleId}`, 'bare'],
    [`${ANNOTATION_NAMESPACE}::${LEGACY_CONSTRUCT_PREFIX}${ruleId}`, 'bare'],
  ];
}

// Earlier releases of the constructs printed their warnings as `cdk-cognito-clients:<rule-id>`; acknowledgements written for
// that id (`Annotation::cdk-cognito-clients:<rule-id>`) keep working, in every door.
const LEGACY_CONSTRUCT_PREFIX = `${PLUGIN_NAME}:`;

/** Splits a recorded id into our form and rule id; undefined for ids of other namespaces. */
function parseRecordedId(id: string): { form: Acknowledgement['form']; ruleId: string } | undefined {
  for (const [prefix, form] of [[`${PLUGIN_NAME}::`, 'plugin'], [`${ANNOTATION_NAMESPACE}::`, 'bare']] as const) {
    if (!id.startsWith(prefix)) continue;
    const ruleId = id.slice(prefix.length);
    return { form, ruleId: ruleId.startsWith(LEGACY_CONSTRUCT_PREFIX) ? ruleId.slice(LEGACY_CONSTRUCT_PREFIX.length) : ruleId };
  }
  return undefined;
}

/** The acknowledgements one construct carries itself (later entries for the same id replace earlier ones, as in CDK). */
function acknowledgementsOn(construct: IConstruct): Map<string, Acknowledgement> {
  const found = new Map<string, Acknowledgement>();
  for (const entry of construct.node.metadata) {
    if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || entry.data === null || typeof entry.data !== 'object') continue;
    for (const [id, reason] of Object.entries(entry.data as Record<string, unknown>)) {
      const parsed = parseRecordedId(id);
      if (!parsed) continue;
      found.set(id, { id, ruleId: parsed.ruleId, form: parsed.form, at: construct.node.path, reason: typeof reason === 'string' ? reason : '' });
    }
  }
  return found;
}

/**
 * The plugin-namespaced acknowledgement wins over the bare one, because CDK applies it to the plugin's report
 * itself; within one form the closest acknowledging construct wins (the resource, then its ancestors), as in CDK.
 */
function decide(ruleId: string, closest: (id: string) => Acknowledgement | undefined): AckDecision {
  for (const [id] of recordedIds(ruleId)) {
    const ack = closest(id);
    if (ack) return hasReason(ack) ? { kind: 'acknowledged', ack } : { kind: 'refused', ack };
  }
  return { kind: 'none' };
}

/** Every acknowledgement of the tree, for the validation plugin (one walk, then path lookups). */
export class AcknowledgementIndex {
  public static fromTree(root: IConstruct): AcknowledgementIndex {
    const index = new AcknowledgementIndex();
    for (const construct of root.node.findAll()) {
      for (const ack of acknowledgementsOn(construct).values()) {
        const byPath = index.byId.get(ack.id) ?? new Map<string, Acknowledgement>();
        byPath.set(ack.at, ack);
        index.byId.set(ack.id, byPath);
      }
    }
    return index;
  }

  private readonly byId = new Map<string, Map<string, Acknowledgement>>();

  private constructor() {}

  /** What applies to a finding of `ruleId` on the construct at `constructPath`. */
  public decide(ruleId: string, constructPath: string): AckDecision {
    return decide(ruleId, (id) => this.closest(id, constructPath));
  }

  /** Every acknowledgement of one of `ruleIds` (either form) that has no reason. */
  public withoutReason(ruleIds: ReadonlySet<string>): Acknowledgement[] {
    const result: Acknowledgement[] = [];
    for (const byPath of this.byId.values()) {
      for (const ack of byPath.values()) {
        if (ruleIds.has(ack.ruleId) && !hasReason(ack)) result.push(ack);
      }
    }
    return result;
  }

  private closest(id: string, constructPath: string): Acknowledgement | undefined {
    const byPath = this.byId.get(id);
    if (!byPath) return undefined;
    // Same walk as CDK: the path itself, then each parent path, ending with '' (the App).
    let path = constructPath;
    for (;;) {
      const ack = byPath.get(path);
      if (ack || path === '') return ack;
      const slash = path.lastIndexOf('/');
      path = slash === -1 ? '' : path.slice(0, slash);
    }
  }
}

/** What applies to a finding of `ruleId` on `node`, reading the metadata of the node and its ancestors (for the Aspect). */
export function decideForNode(node: IConstruct, ruleId: string): AckDecision {
  // Each scope's metadata is read once, nearest first (a decision may try three ids), and only scopes that acknowledge
  // something are kept: most findings have none around them.
  const scopes = node.node.scopes;
  const acknowledging: Array<Map<string, Acknowledgement>> = [];
  for (let i = scopes.length - 1; i >= 0; i--) {
    const acks = acknowledgementsOn(scopes[i]);
    if (acks.size > 0) acknowledging.push(acks);
  }
  if (acknowledging.length === 0) return { kind: 'none' };
  return decide(ruleId, (id) => {
    for (const acks of acknowledging) {
      const ack = acks.get(id);
      if (ack) return ack;
    }
    return undefined;
  });
}

/**
 * Whether a finding of `ruleId` on `node` is still to be reported, for the doors that report on constructs (the
 * constructs' warnings and everything the Aspect reports): false when acknowledged with a reason. An acknowledgement with a blank
 * reason is refused: it adds an error to the acknowledging construct and the finding is reported.
 */
export function findingStillReported(node: IConstruct, ruleId: string): boolean {
  const decision = decideForNode(node, ruleId);
  if (decision.kind === 'acknowledged') return false;
  if (decision.kind === 'refused') {
    const acknowledging = node.node.scopes.find((scope) => scope.node.path === decision.ack.at) ?? node;
    // Annotations drop an identical message on the same construct, so one refusal per acknowledgement.
    synthAnnotations(acknowledging).addError(`${refusalMessage(decision.ack)} (${ACKNOWLEDGEMENT_NEEDS_REASON})`);
  }
  return true;
}

/** The sentence that refuses an acknowledgement without a reason. */
export function refusalMessage(ack: Acknowledgement): string {
  const where = ack.at === '' ? 'the App' : ack.at;
  return `Acknowledgement '${ack.id}' on ${where} is refused because its reason is empty. ` +
    `Fix: give Validations.of(construct).acknowledge({ id: '${ack.ruleId}', reason }) ` +
    'a reason that says why the finding is acceptable.';
}
