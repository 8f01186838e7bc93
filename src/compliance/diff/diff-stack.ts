/** The comparison of one stack: matched resources, classified property changes, and the engine's findings merged in. */
import { classifyProperties } from './classify';
import { isProductionStack, UNKNOWN_MOVE } from './direction';
import { findingKey, slotOf, valueAt } from './findings';
import { StackInput } from './load-side';
import { diffedResources, matchResources, ResourceEntry, ResourcePair } from './match-resources';
import { renameMessage, REPLACEMENTS } from './replacement';
import { Change, CHANGE_KINDS, LOGICAL_ID_PROPERTY, StackDiff } from './types';
import { canonical } from './values';
import { CognitoClientLinter, Finding } from '../../rules';
import { INTERNAL_ERROR_RULE_ID } from '../../rules/engine';
import { ResourceView } from '../../rules/rule';
import { TemplateModel } from '../../rules/template-model';
import { intrinsicName } from '../../rules/values';

interface Draft {
  change: Change;
  /** The property findings merge into (`CallbackURLs`, `AccessTokenValidity`). */
  readonly slot: string;
  /** Position of the resource in the after-template (removed resources last). */
  readonly order: number;
  attached: boolean;
}

/** Properties of a resource as a rule sees them; undefined when they are hidden behind an intrinsic (or not an object). */
function propertiesOf(entry: ResourceEntry): Record<string, unknown> | undefined {
  const props = entry.properties;
  if (props === undefined || props === null) return {};
  if (typeof props !== 'object' || Array.isArray(props) || intrinsicName(props) !== undefined) return undefined;
  return props as Record<string, unknown>;
}

/**
 * Compares one stack. A side that is missing (a new or removed stack) counts as an empty template.
 * Throws only when the engine does (a template nested deeper than it reads), which the caller reports as an input error.
 */
export function diffStack(name: string, before: StackInput | undefined, after: StackInput | undefined): StackDiff {
  const beforeResources = (before?.loaded.template.Resources ?? {}) as Record<string, unknown>;
  const afterResources = (after?.loaded.template.Resources ?? {}) as Record<string, unknown>;
  const beforeModel = new TemplateModel(beforeResources as never);
  const afterModel = new TemplateModel(afterResources as never);
  const production = isProductionStack(name);
  const pairs = matchResources(diffedResources(beforeResources), diffedResources(afterResources));

  const drafts: Draft[] = [];
  const push = (pair: ResourcePair, order: number, slot: string, change: Omit<Change, 'stack' | 'logicalId' | 'resourceType'>) => {
    const entry = (pair.after ?? pair.before)!;
    drafts.push({ change: { stack: name, logicalId: entry.logicalId, resourceType: entry.type, ...change }, slot, order, attached: false });
  };

  pairs.forEach((pair, order) => {
    const { before: old, after: now } = pair;
    const noun = REPLACEMENTS[(now ?? old)!.type].noun;
    if (!old) {
      push(pair, order, LOGICAL_ID_PROPERTY, { kind: 'change', property: LOGICAL_ID_PROPERTY, before: null, after: now!.logicalId, message: `new ${noun} ${now!.logicalId}` });
      return;
    }
    if (!now) {
      push(pair, order, LOGICAL_ID_PROPERTY, {
        kind: 'change',
        property: LOGICAL_ID_PROPERTY,
        before: old.logicalId,
        after: null,
        message: `${noun} ${old.logicalId} removed: whatever still uses it (its client id, domain URL or scopes) stops working`,
      });
      return;
    }
    if (pair.renamed) {
      push(pair, order, LOGICAL_ID_PROPERTY, {
        kind: 'replacement', property: LOGICAL_ID_PROPERTY, before: old.logicalId, after: now.logicalId, message: renameMessage(now.type, old.logicalId, now.logicalId),
      });
    }
    const oldProps = propertiesOf(old);
    const newProps = propertiesOf(now);
    if (!oldProps || !newProps) {
      if (canonical(old.properties) !== canonical(now.properties)) {
        push(pair, order, 'Properties', { kind: 'change', property: 'Properties', before: old.properties ?? null, after: now.properties ?? null, message: `Properties: ${UNKNOWN_MOVE}` });
      }
      return;
    }
    const oldView = new ResourceView(old.logicalId, old.type, oldProps, [], beforeModel);
    const newView = new ResourceView(now.logicalId, now.type, newProps, [], afterModel);
    for (const change of classifyProperties(now.type, oldView, newView, { renamed: pair.renamed, production })) {
      for (const verdict of change.verdicts) {
        const { property, before: from, after: to } = change;
        push(pair, order, property, { kind: verdict.kind, property, before: from, after: to, message: verdict.message });
      }
    }
  });

  mergeFindings(name, pairs, drafts, lint(before), lint(after));

  const kindOrder = (change: Change) => CHANGE_KINDS.indexOf(change.kind);
  const changes = drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) => kindOrder(a.draft.change) - kindOrder(b.draft.change) || a.draft.order - b.draft.order || a.index - b.index)
    .map(({ draft }) => draft.change);
  return {
    name,
    beforeFile: before?.file,
    afterFile: after?.file,
    beforeLines: before?.loaded.resourceLines ?? new Map(),
    afterLines: after?.loaded.resourceLines ?? new Map(),
    resources: pairs.length,
    changes,
  };
}

/** The engine's findings on one side; a rule that failed makes the comparison untrustworthy, so it stops here. */
function lint(side: StackInput | undefined): Finding[] {
  if (!side) return [];
  const findings = CognitoClientLinter.lintTemplate(side.loaded.template);
  const failed = findings.find((finding) => finding.ruleId === INTERNAL_ERROR_RULE_ID);
  if (failed) throw new Error(failed.message);
  return findings;
}

/**
 * A finding in the after-state that the before-state did not have is a regression; one that went away is an
 * improvement. The first such finding on a changed property is merged into that property's change (which takes the
 * finding's direction and rule id); the others become entries of their own. Findings of removed resources are not
 * improvements: the resource is simply gone.
 */
function mergeFindings(stack: string, pairs: readonly ResourcePair[], drafts: Draft[], beforeFindings: Finding[], afterFindings: Finding[]): void {
  const afterIdOf = new Map<string, string>();
  const orderOf = new Map<string, number>();
  const pairOf = new Map<string, ResourcePair>();
  pairs.forEach((pair, order) => {
    if (pair.before && pair.after) afterIdOf.set(pair.before.logicalId, pair.after.logicalId);
    if (pair.after) {
      orderOf.set(pair.after.logicalId, order);
      pairOf.set(pair.after.logicalId, pair);
    }
  });
  const propsBefore = (afterId: string) => pairOf.get(afterId)?.before?.properties;
  const propsAfter = (afterId: string) => pairOf.get(afterId)?.after?.properties;

  const beforeKeyed = new Map<string, Finding>();
  for (const finding of beforeFindings) {
    const afterId = afterIdOf.get(finding.logicalId);
    if (afterId === undefined) continue; // removed resource
    beforeKeyed.set(findingKey(finding, afterId, propsBefore(afterId)), finding);
  }
  const afterKeyed = new Map<string, Finding>();
  for (const finding of afterFindings) afterKeyed.set(findingKey(finding, finding.logicalId, propsAfter(finding.logicalId)), finding);

  // Drafts by resource and property, so merging stays linear in the size of the template.
  const draftsAt = new Map<string, Draft[]>();
  for (const draft of drafts) {
    const at = `${draft.change.logicalId}\u0000${draft.slot}`;
    draftsAt.set(at, [...(draftsAt.get(at) ?? []), draft]);
  }
  const attach = (finding: Finding, logicalId: string, kind: 'regression' | 'improvement') => {
    const slot = slotOf(finding.property);
    const target = draftsAt.get(`${logicalId}\u0000${slot}`)?.find((draft) => !draft.attached
      && draft.change.kind !== 'replacement' && (kind === 'regression' || draft.change.kind !== 'regression'));
    const pair = pairOf.get(logicalId)!;
    if (target) {
      target.attached = true;
      const note = kind === 'regression' ? `new finding ${finding.ruleId}` : `no longer finds ${finding.ruleId}`;
      target.change = { ...target.change, kind, ruleId: finding.ruleId, message: `${target.change.message}. ${note}: ${finding.message}` };
      return;
    }
    drafts.push({
      change: {
        kind,
        stack,
        logicalId,
        resourceType: pair.after!.type,
        property: finding.property,
        // A list item's index differs between the sides: only the side the finding is on shows the item.
        before: (kind === 'improvement' || !finding.property.includes('[') ? valueAt(pair.before?.properties, finding.property) : undefined) ?? null,
        after: (kind === 'regression' || !finding.property.includes('[') ? valueAt(pair.after?.properties, finding.property) : undefined) ?? null,
        ruleId: finding.ruleId,
        message: kind === 'regression' ? `new finding: ${finding.message}` : `finding no longer reported: ${finding.message}`,
      },
      slot,
      order: orderOf.get(logicalId) ?? Number.MAX_SAFE_INTEGER,
      attached: true,
    });
  };

  for (const [key, finding] of afterKeyed) if (!beforeKeyed.has(key)) attach(finding, finding.logicalId, 'regression');
  for (const [key, finding] of beforeKeyed) {
    if (!afterKeyed.has(key)) attach(finding, afterIdOf.get(finding.logicalId)!, 'improvement');
  }
}
