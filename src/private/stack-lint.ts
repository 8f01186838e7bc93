import { Aspects, CfnResource, IAspect, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
import { lintPreparedStack, StackFindings } from './stack-fragment';
import { synthAnnotations } from './synth-annotations';
import { findingStillReported } from '../compliance/acknowledgements';
import { formatFinding } from '../rules/messages';
import { Finding, Severity } from '../rules/types';

const STACK_LINT = Symbol.for('cdk-cognito-clients.StackLint');

/** A construct of this library and the CloudFormation resource the engine validates for it. */
export interface LintedConstruct {
  readonly construct: IConstruct;
  /** The resource to validate. */
  readonly resource: CfnResource;
  /** Resources the resource must be created after (resource servers, identity providers it names). */
  readonly dependenciesIn?: (index: StackCognitoIndex) => CfnResource[];
}

/** Cognito resources of one stack, resolved once, for cross-resource lookups at synth time. */
export interface StackCognitoIndex {
  /** Resource servers by `<pool key>|<identifier>`. */
  readonly resourceServers: ReadonlyMap<string, CfnResource>;
  /** Identity providers by `<pool key>|<provider name>`. */
  readonly identityProviders: ReadonlyMap<string, CfnResource>;
  /** A stable key for a `UserPoolId` value (as given, token or not: it is resolved here). */
  poolKey(userPoolId: unknown): string;
}

/**
 * Runs the rule engine once per stack at synth time and hands each construct of this library its
 * findings. Linear in the number of resources: the stack's Cognito resources are resolved once per
 * validation pass, not once per client.
 */
export class StackLint {
  /** The one StackLint of the stack that `scope` lives in. */
  public static of(scope: IConstruct): StackLint {
    const stack = Stack.of(scope);
    const existing = (stack as any)[STACK_LINT] as StackLint | undefined;
    if (existing) return existing;
    const created = new StackLint(stack);
    Object.defineProperty(stack, STACK_LINT, { value: created, enumerable: false });
    return created;
  }

  private findings?: StackFindings;
  private readonly members: LintedConstruct[] = [];
  private readonly warned = new Set<string>();

  private constructor(private readonly stack: Stack) {
    // The stack is validated before its descendants (pre-order): start each validation pass afresh.
    stack.node.addValidation({ validate: () => { this.findings = undefined; return []; } });
    Aspects.of(stack).add(new DependencyAspect(this, stack));
  }

  /** Validates `construct.lintedResource` with every rule; errors fail synthesis, warnings become annotations. */
  public register(member: LintedConstruct): void {
    this.members.push(member);
    const construct = member.construct;
    construct.node.addValidation({
      validate: () => {
        const findings = this.findingsFor(member.resource);
        for (const finding of findings.filter((f) => f.severity === Severity.WARNING)) {
          const key = `${construct.node.path}|${finding.ruleId}|${finding.property}`;
          if (this.warned.has(key)) continue;
          this.warned.add(key);
          // The bare rule id, as in the Aspect and the plugin: one acknowledgement silences the rule in every door.
          if (findingStillReported(construct, finding.ruleId)) synthAnnotations(construct).addWarningV2(finding.ruleId, formatFinding(finding));
        }
        return findings.filter((f) => f.severity === Severity.ERROR).map(formatFinding);
      },
    });
  }

  /** All findings of the engine on `resource`, computed with what the stack knows. */
  public findingsFor(resource: CfnResource): Finding[] {
    this.findings ??= lintPreparedStack(this.stack, new Set(this.members.map((m) => m.resource)));
    const logicalId = this.findings.logicalIdOf.get(resource) ?? this.stack.resolve(resource.logicalId);
    return this.findings.byLogicalId.get(logicalId) ?? [];
  }

  /** Adds the CloudFormation dependencies the members need (called once, by the stack's aspect). */
  public addDependencies(): void {
    const wanting = this.members.filter((m) => m.dependenciesIn);
    if (wanting.length === 0) return;
    const index = this.buildIndex();
    for (const member of wanting) {
      for (const dependency of member.dependenciesIn!(index)) {
        // A construct dependency becomes DependsOn (same stack) or a stack dependency when the app is prepared.
        member.construct.node.addDependency(dependency);
      }
    }
  }

  /** Resource servers and identity providers of the stack, read from their L1 properties (no full render). */
  private buildIndex(): StackCognitoIndex {
    // Every client of a pool passes the same token string: resolved once (a resolve costs about 0.05 ms).
    const keys = new Map<unknown, string>();
    const poolKey = (userPoolId: unknown) => {
      let key = keys.get(userPoolId);
      if (key === undefined) {
        key = JSON.stringify(this.stack.resolve(userPoolId));
        if (typeof userPoolId === 'string') keys.set(userPoolId, key);
      }
      return key;
    };
    const resourceServers = new Map<string, CfnResource>();
    const identityProviders = new Map<string, CfnResource>();
    for (const construct of this.stack.node.findAll()) {
      if (construct instanceof cognito.CfnUserPoolResourceServer && Stack.of(construct) === this.stack) {
        const identifier = this.stack.resolve(construct.identifier);
        if (typeof identifier === 'string') resourceServers.set(`${poolKey(construct.userPoolId)}|${identifier}`, construct);
      } else if (construct instanceof cognito.CfnUserPoolIdentityProvider && Stack.of(construct) === this.stack) {
        const name = this.stack.resolve(construct.providerName);
        if (typeof name === 'string') identityProviders.set(`${poolKey(construct.userPoolId)}|${name}`, construct);
      }
    }
    return { resourceServers, identityProviders, poolKey };
  }
}

class DependencyAspect implements IAspect {
  constructor(private readonly lint: StackLint, private readonly stack: Stack) {}

  public visit(node: IConstruct): void {
    if (node === this.stack) this.lint.addDependencies();
  }
}
