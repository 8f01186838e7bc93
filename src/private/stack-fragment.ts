import {
  CfnResource,
  NestedStack,
  DefaultTokenResolver,
  IFragmentConcatenator,
  IPostProcessor,
  IResolvable,
  IResolveContext,
  Reference,
  Stack,
  Token,
  Tokenization,
} from 'aws-cdk-lib';
import { Dependable, IConstruct } from 'constructs';
import { RenderOnceUserPoolClient, templateFilesOf } from './render-once';
import { CognitoClientLinter } from '../rules';
import { ALL_RULES } from '../rules/catalogue';
import { runRules } from '../rules/engine';
import { Finding } from '../rules/types';

/** The CloudFormation resource types the lint model reads: every Cognito type (pools, clients, servers, domains...). */
export function isCognitoResource(construct: unknown): construct is CfnResource {
  return CfnResource.isCfnResource(construct) && construct.cfnResourceType.startsWith('AWS::Cognito::');
}

/** The resolved logical id of a resource in its stack. */
export function logicalIdOf(resource: CfnResource): string {
  return Stack.of(resource).resolve(resource.logicalId);
}

/**
 * A template holding the Cognito resources of one stack, resolved the way synthesis will render them (escape
 * hatches included), and the logical id each resource rendered under (resolving one costs a resolve). Resources of
 * nested stacks belong to their own stack and are left out.
 */
export function cognitoFragment(stack: Stack): { Resources: Record<string, unknown>; logicalIds: ReadonlyMap<CfnResource, string> } {
  const resolver = new LocalTokenResolver(stack);
  const resources: Record<string, unknown> = {};
  const logicalIds = new Map<CfnResource, string>();
  const render = (construct: CfnResource) => Tokenization.resolve(construct._toCloudFormation(), { scope: stack, resolver });
  for (const [construct, fragment] of renderedCognitoResources(stack, render)) {
    for (const [logicalId, resource] of Object.entries(fragment.Resources ?? {})) {
      resources[logicalId] = withConstructDependencies(resource, construct, stack);
      logicalIds.set(construct, logicalId);
    }
  }
  return { Resources: resources, logicalIds };
}

/** A resource's rendering: `{ Resources: { <logical id>: <resource> } }`. */
interface RenderedFragment {
  readonly Resources?: Record<string, Record<string, unknown>>;
}

/** Each Cognito resource of `stack` (those of its nested stacks belong to them) with its rendering by `render`. */
function* renderedCognitoResources(stack: Stack, render: (construct: CfnResource) => unknown): Generator<[CfnResource, RenderedFragment]> {
  for (const construct of stack.node.findAll()) {
    if (!isCognitoResource(construct) || Stack.of(construct) !== stack) continue;
    let fragment: RenderedFragment | undefined;
    try {
      fragment = render(construct) as RenderedFragment | undefined;
    } catch {
      // A resource that cannot render now fails synthesis later with CDK's own message; nothing to judge here.
      continue;
    }
    if (fragment) yield [construct, fragment];
  }
}

/** The engine's findings on one stack's Cognito resources, by logical id. */
export interface StackFindings {
  /** The logical ids that were linted. */
  readonly logicalIds: ReadonlySet<string>;
  readonly byLogicalId: ReadonlyMap<string, Finding[]>;
  /** The logical id of each resource that was linted. */
  readonly logicalIdOf: ReadonlyMap<CfnResource, string>;
}

/** Lints the stack's Cognito resources as synthesis will render them, with the stack's region when it is known. */
export function lintStackFragment(stack: Stack, disabledRules?: string[]): StackFindings {
  const { Resources, logicalIds } = cognitoFragment(stack);
  const findings = CognitoClientLinter.lintTemplate({ Resources }, { region: regionOf(stack), disabledRules });
  return stackFindings(findings, Resources, logicalIds);
}

function regionOf(stack: Stack): string | undefined {
  return Token.isUnresolved(stack.region) ? undefined : stack.region;
}

function stackFindings(findings: Finding[], resources: Record<string, unknown>, logicalIds: ReadonlyMap<CfnResource, string>): StackFindings {
  const byLogicalId = new Map<string, Finding[]>();
  for (const finding of findings) {
    const same = byLogicalId.get(finding.logicalId);
    if (same) same.push(finding);
    else byLogicalId.set(finding.logicalId, [finding]);
  }
  return { logicalIds: new Set(Object.keys(resources)), byLogicalId, logicalIdOf: logicalIds };
}

/**
 * Lints the stack's Cognito resources as its template will hold them, for the construct validations, which CDK runs
 * once it has prepared the app (cross-stack references and `node.addDependency()` are in place): each resource is
 * `stack.resolve(resource._toCloudFormation())`, which is what the stack's synthesis does. The app clients of this
 * library keep that rendering for the template (see {@link RenderOnceUserPoolClient}): it is not made twice.
 * Given `judged` (the resources of the constructs that report findings), the rules judge only those; every resource
 * still informs the cross-resource rules.
 */
export function lintPreparedStack(stack: Stack, judged?: ReadonlySet<CfnResource>): StackFindings {
  const resources: Record<string, unknown> = {};
  const logicalIds = new Map<CfnResource, string>();
  const templateFiles = templateFilesOf(stack);
  for (const [construct, fragment] of renderedCognitoResources(stack, (c) => stack.resolve(c._toCloudFormation()))) {
    for (const [logicalId, resource] of Object.entries(fragment.Resources ?? {})) {
      resources[logicalId] = resource;
      logicalIds.set(construct, logicalId);
    }
    if (construct instanceof RenderOnceUserPoolClient) construct.keepRendered(fragment, templateFiles);
  }
  // Findings on the other resources would be reported by nobody: they only inform the cross-resource rules.
  const onlyLogicalIds = judged && [...judged].flatMap((resource) => logicalIds.get(resource) ?? []);
  const findings = runRules(ALL_RULES, { Resources: resources }, { region: regionOf(stack), onlyLogicalIds });
  return stackFindings(findings, resources, logicalIds);
}

/**
 * `node.addDependency()` becomes DependsOn only when CDK prepares the app, after the Aspects ran. Adds those
 * DependsOn the way CDK will: a dependency declared on the resource or on an ancestor (within the stack) makes the
 * resource depend on every resource of the target's subtree in the same stack.
 */
function withConstructDependencies(resource: Record<string, unknown>, cfn: CfnResource, stack: Stack): Record<string, unknown> {
  const dependsOn = new Set<string>();
  for (let scope: IConstruct | undefined = cfn; scope && scope !== stack; scope = scope.node.scope) {
    for (const dependable of scope.node.dependencies) {
      for (const target of Dependable.of(dependable).dependencyRoots) {
        for (const targetResource of resourcesOfSubtree(target, stack)) {
          if (targetResource !== cfn) dependsOn.add(logicalIdOf(targetResource));
        }
      }
    }
  }
  if (dependsOn.size === 0) return resource;
  const existing = resource.DependsOn;
  for (const id of typeof existing === 'string' ? [existing] : Array.isArray(existing) ? existing : []) dependsOn.add(id);
  return { ...resource, DependsOn: [...dependsOn].sort() };
}

/** CfnResources of `root`'s subtree that are rendered in `stack` (other stacks and nested stacks excluded). */
function resourcesOfSubtree(root: IConstruct, stack: Stack): CfnResource[] {
  if (Stack.isStack(root) || NestedStack.isNestedStack(root)) return [];
  let rootStack: Stack | undefined;
  try {
    rootStack = Stack.of(root);
  } catch {
    return [];
  }
  if (rootStack !== stack) return [];
  return root.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c) && Stack.of(c) === stack);
}

/**
 * Resolves like the stack does, except that a reference to a resource of another stack becomes an import
 * (unknown until deploy). Aspects run before CDK turns cross-stack references into exports, and an unchanged
 * `Ref` could name an unrelated resource of this stack that happens to have the same logical id.
 */
class LocalTokenResolver extends DefaultTokenResolver {
  constructor(private readonly stack: Stack) {
    super(new CloudFormationConcat());
  }

  public resolveToken(t: IResolvable, context: IResolveContext, postProcessor: IPostProcessor): any {
    if (Reference.isReference(t) && Stack.of(t.target) !== this.stack) {
      return { 'Fn::ImportValue': `${t.target.node.path}.${t.displayName}` };
    }
    return super.resolveToken(t, context, postProcessor);
  }
}

/** Joins string fragments into a literal when both sides are literals, otherwise into `Fn::Join` with '' (flattened). */
class CloudFormationConcat implements IFragmentConcatenator {
  public join(left: any, right: any): any {
    if (left === undefined) return right;
    if (right === undefined) return left;
    const parts: unknown[] = [];
    for (const part of [...joinParts(left), ...joinParts(right)]) {
      const last = parts[parts.length - 1];
      if (typeof part === 'string' && typeof last === 'string') parts[parts.length - 1] = last + part;
      else parts.push(typeof part === 'number' || typeof part === 'boolean' ? String(part) : part);
    }
    return parts.length === 1 && typeof parts[0] === 'string' ? parts[0] : { 'Fn::Join': ['', parts] };
  }
}

function joinParts(value: any): unknown[] {
  const join = value !== null && typeof value === 'object' ? value['Fn::Join'] : undefined;
  if (Array.isArray(join) && join[0] === '' && Array.isArray(join[1]) && Object.keys(value).length === 1) return join[1];
  return [value];
}
