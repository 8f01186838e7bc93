import type { ClientDescription, CognitoReader, DomainDescription } from './cognito-reader';
import { IdentityProviderState, modelOf, PoolState } from './deployed-model';
import { AuditOperation, auditIamPolicy, iamActionOf, rulesNeeding } from './operations';
import { OperationDenied, ReadFailed, ResourceGone } from './read-errors';
import { TEMPLATE_ONLY_RULES, TEMPLATE_ONLY_RULE_IDS } from './template-only-rules';
import { ALL_RULES } from '../../rules/catalogue';
import { CognitoClientLinter } from '../../rules/index';
import { Severity } from '../../rules/types';

/** Options for {@link CognitoClientAuditor.audit}. */
export interface AuditOptions {
  /**
   * The region to audit.
   * @default - the AWS SDK's resolution: `AWS_REGION`, then the profile's region
   */
  readonly region?: string;
  /**
   * The named profile of the shared AWS config and credentials files to use.
   * @default - the AWS SDK's resolution: `AWS_PROFILE`, then `default`
   */
  readonly profile?: string;
  /**
   * Audit only these user pools.
   * @default - every user pool of the region (`ListUserPools`)
   */
  readonly userPoolIds?: string[];
  /**
   * Rule ids not to run.
   * @default - every rule that applies to deployed resources runs
   */
  readonly disabledRules?: string[];
}

/** One finding on one deployed resource. */
export interface AuditFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** The user pool the resource belongs to. */
  readonly userPoolId: string;
  /** The CloudFormation type the resource was judged as, e.g. `AWS::Cognito::UserPoolClient`. */
  readonly resourceType: string;
  /** The client id, the resource server identifier or the domain name. */
  readonly resourceId: string;
  /**
   * The app client id.
   * @default - the finding is not on an app client
   */
  readonly clientId?: string;
  /**
   * The app client name.
   * @default - the finding is not on an app client, or the client has no name
   */
  readonly clientName?: string;
  /** The property path, under its CloudFormation name (which is also the API's), e.g. `CallbackURLs[2]`. */
  readonly property: string;
  readonly message: string;
  readonly docUrl: string;
}

/** Rules that did not run on a pool because the caller may not call an API they need. */
export interface SkippedRules {
  readonly userPoolId: string;
  /** The IAM action the caller lacks, e.g. `cognito-idp:ListResourceServers`. */
  readonly iamAction: string;
  readonly ruleIds: string[];
}

/** Something the audit passed over on purpose, e.g. a pool deleted while the audit ran. */
export interface AuditNote {
  readonly userPoolId: string;
  readonly text: string;
}

/** A pool that could not be audited (the other pools were). */
export interface AuditProblem {
  readonly userPoolId: string;
  readonly problem: string;
}

/** A rule the audit never runs, and why. */
export interface TemplateOnlyRule {
  readonly ruleId: string;
  readonly reason: string;
}

/** Everything one audit found. */
export interface AuditResult {
  /** The region audited. */
  readonly region: string;
  /** The pools audited, in the order they were read. */
  readonly userPoolIds: string[];
  /** Findings, pool by pool, in the rule engine's order. */
  readonly findings: AuditFinding[];
  readonly skipped: SkippedRules[];
  readonly notes: AuditNote[];
  readonly problems: AuditProblem[];
  /** App clients, resource servers and domains checked. */
  readonly resourcesChecked: number;
}

/** How many DescribeUserPoolClient / DescribeIdentityProvider calls run at once within a pool. */
const DESCRIBE_CONCURRENCY = 4;

/**
 * The rule engine on what is deployed: reads user pools, app clients, resource servers, identity providers and
 * domains with read-only Cognito calls, and judges them with the rules of {@link CognitoClientLinter} (the same ids,
 * severities and messages), except the rules that only make sense for templates ({@link templateOnlyRules}).
 *
 * @example
 * const result = await CognitoClientAuditor.audit({ region: 'eu-west-1' });
 */
export class CognitoClientAuditor {
  /**
   * Audits every user pool of the region (or the ones named). What the caller may not read is reported in
   * `skipped` and never judged; a pool or client deleted during the audit is in `notes`. Rejects only when no pool
   * can be audited at all: no credentials or region, or `ListUserPools` refused while no pool is named.
   */
  public static async audit(options: AuditOptions = {}): Promise<AuditResult> {
    // The AWS SDK is loaded only when an audit runs (the package index exports this class).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would load the SDK with the package
    const { CognitoReader: Reader } = require('./cognito-reader') as typeof import('./cognito-reader');
    const reader = new Reader({ region: options.region, profile: options.profile });
    try {
      return await new AuditRun(reader, options.disabledRules ?? []).run(options.userPoolIds);
    } finally {
      reader.destroy();
    }
  }

  /** The rules the audit never runs: each judges something only a template has. */
  public static templateOnlyRules(): TemplateOnlyRule[] {
    return Object.entries(TEMPLATE_ONLY_RULES).map(([ruleId, reason]) => ({ ruleId, reason }));
  }

  /** The read-only IAM policy the audit needs, as JSON. */
  public static iamPolicy(): string {
    return JSON.stringify(auditIamPolicy(), null, 2);
  }

  private constructor() {}
}

/** The rules the audit runs. */
const AUDIT_RULES = ALL_RULES.filter((rule) => !TEMPLATE_ONLY_RULE_IDS.includes(rule.id));

/** One audit: the reads of each pool, then the engine on the pool's model. */
class AuditRun {
  private readonly findings: AuditFinding[] = [];
  private readonly skipped: SkippedRules[] = [];
  private readonly notes: AuditNote[] = [];
  private readonly problems: AuditProblem[] = [];
  private resourcesChecked = 0;

  constructor(private readonly reader: CognitoReader, private readonly disabledRules: readonly string[]) {}

  public async run(named: readonly string[] | undefined): Promise<AuditResult> {
    const region = await this.reader.region();
    let poolIds: string[];
    if (named && named.length > 0) {
      poolIds = [...new Set(named)];
    } else {
      try {
        poolIds = await this.reader.listUserPoolIds();
      } catch (error) {
        if (error instanceof OperationDenied) {
          throw new Error(`not allowed to call ${iamActionOf('ListUserPools')}: grant it, or name the pools with --user-pool-id`);
        }
        throw error;
      }
    }
    const audited: string[] = [];
    for (const userPoolId of poolIds) {
      if (await this.auditPool(userPoolId, region, named !== undefined && named.length > 0)) audited.push(userPoolId);
    }
    return {
      region,
      userPoolIds: audited,
      findings: this.findings,
      skipped: this.skipped,
      notes: this.notes,
      problems: this.problems,
      resourcesChecked: this.resourcesChecked,
    };
  }

  /** True when the pool was audited (possibly with some rules skipped). */
  private async auditPool(userPoolId: string, region: string, named: boolean): Promise<boolean> {
    const denied = new Set<AuditOperation>();
    let state: PoolState;
    try {
      state = await this.readPool(userPoolId, denied);
    } catch (error) {
      if (error instanceof ResourceGone) {
        // A pool someone named that does not exist is a mistake; one that vanished after ListUserPools is not.
        if (named) this.problems.push({ userPoolId, problem: `user pool ${userPoolId} does not exist in ${region}` });
        else this.notes.push({ userPoolId, text: 'deleted during the audit; skipped' });
        return false;
      }
      if (error instanceof ReadFailed) {
        this.problems.push({ userPoolId, problem: error.message });
        return false;
      }
      throw error;
    }

    const skippedHere = new Set<string>();
    for (const operation of denied) {
      const ruleIds = rulesNeeding(operation, AUDIT_RULES).filter((id) => !this.disabledRules.includes(id));
      ruleIds.forEach((id) => skippedHere.add(id));
      this.skipped.push({ userPoolId, iamAction: iamActionOf(operation), ruleIds });
    }
    const model = modelOf(state);
    this.resourcesChecked += model.checkedResources;
    const findings = CognitoClientLinter.lintTemplate(model.template, {
      region,
      disabledRules: [...TEMPLATE_ONLY_RULE_IDS, ...this.disabledRules, ...skippedHere],
    });
    for (const finding of findings) {
      const resource = model.resources.get(finding.logicalId);
      if (!resource) continue; // only the pool itself lacks an identity, and no rule judges pools
      this.findings.push({
        ruleId: finding.ruleId,
        severity: finding.severity,
        userPoolId,
        resourceType: resource.resourceType,
        resourceId: resource.resourceId,
        ...(resource.clientId !== undefined ? { clientId: resource.clientId } : {}),
        ...(resource.clientName !== undefined ? { clientName: resource.clientName } : {}),
        property: finding.property,
        message: finding.message,
        docUrl: finding.docUrl,
      });
    }
    return true;
  }

  /**
   * Reads one pool. An operation the caller may not call is recorded in `denied` and its part stays unknown; a
   * client or domain that vanished is noted and left out; a pool that vanished throws {@link ResourceGone}.
   */
  private async readPool(userPoolId: string, denied: Set<AuditOperation>): Promise<PoolState> {
    const tolerate = async <T>(read: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await read();
      } catch (error) {
        if (!(error instanceof OperationDenied)) throw error;
        denied.add(error.operation);
        return undefined;
      }
    };

    const pool = await tolerate(() => this.reader.describeUserPool(userPoolId));

    const clients: ClientDescription[] = [];
    const summaries = await tolerate(() => this.reader.listClients(userPoolId));
    const described = await inOrder(summaries ?? [], DESCRIBE_CONCURRENCY, async ({ clientId }) => {
      if (denied.has('DescribeUserPoolClient')) return undefined; // refused once: refused for the pool
      try {
        return await tolerate(() => this.reader.describeClient(userPoolId, clientId));
      } catch (error) {
        if (!(error instanceof ResourceGone)) throw error;
        this.notes.push({ userPoolId, text: `app client ${clientId} was deleted during the audit; skipped` });
        return undefined;
      }
    });
    for (const client of described) if (client) clients.push(client);

    const resourceServers = await tolerate(() => this.reader.listResourceServers(userPoolId));

    let identityProviders: IdentityProviderState[] | undefined;
    const providers = await tolerate(() => this.reader.listIdentityProviders(userPoolId));
    if (providers) {
      identityProviders = await inOrder(providers, DESCRIBE_CONCURRENCY, async (provider) => {
        if (denied.has('DescribeIdentityProvider')) return provider;
        try {
          const attributeMapping = await tolerate(() => this.reader.describeIdentityProviderMapping(userPoolId, provider.providerName));
          return { ...provider, attributeMapping };
        } catch (error) {
          // Deleted between the list and the describe: its mapping is unknown, its name was real a moment ago.
          if (!(error instanceof ResourceGone)) throw error;
          return provider;
        }
      });
    }

    const domains: DomainDescription[] = [];
    for (const name of pool?.domains ?? []) {
      if (denied.has('DescribeUserPoolDomain')) break;
      const domain = await tolerate(() => this.reader.describeDomain(name));
      if (domain) domains.push(domain);
      else if (!denied.has('DescribeUserPoolDomain')) this.notes.push({ userPoolId, text: `domain ${name} was deleted during the audit; skipped` });
    }

    // A pool whose clients could not even be listed has no client to judge; the list being denied is recorded.
    return { userPoolId, pool, clients, resourceServers, identityProviders, domains };
  }
}

/** `map` with at most `limit` calls in flight; results in input order. */
async function inOrder<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
