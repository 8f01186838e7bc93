/**
 * Shared vocabulary of the rule engine. Everything here is plain data so that the constructs,
 * the validation plugin and the CLI can all speak it.
 */

/** How bad a finding is. */
export enum Severity {
  /** CloudFormation or Cognito rejects the configuration at deploy. */
  ERROR = 'error',
  /** Deploys, but is unsafe or unconfirmed: security advice. */
  WARNING = 'warning',
}

/** The CloudFormation resource types the engine checks. */
export type CheckedResourceType =
  | 'AWS::Cognito::UserPoolClient'
  | 'AWS::Cognito::UserPoolDomain'
  | 'AWS::Cognito::UserPoolResourceServer'
  | 'AWS::Cognito::UserPoolUICustomizationAttachment'
  /** Rules about the template file itself (e.g. a repeated key), judged by the CLI, which reads files. */
  | 'Template';

/** One problem found on one resource. */
export interface Finding {
  /** Stable rule id, e.g. `client-credentials-requires-secret`. */
  readonly ruleId: string;
  readonly severity: Severity;
  /** Logical id of the resource in its template. */
  readonly logicalId: string;
  /** The CloudFormation property path, e.g. `CallbackURLs[2]` or `TokenValidityUnits.AccessToken`. */
  readonly property: string;
  /** `Property X: value Y is not allowed because Z. Fix: W.` (errors), `... is risky because ...` (warnings), or `Property X is not set, but Z. Fix: W.` */
  readonly message: string;
  /** Where the constraint is documented or measured. */
  readonly docUrl: string;
}

/** What a rule returns for each problem; the engine turns it into a {@link Finding}. */
export interface Violation {
  /** The property path the problem is on. */
  readonly property: string;
  /** The offending value (rendered with JSON.stringify); omit when the problem is a missing value. */
  readonly value?: any;
  /** Why: completes "is not allowed because ..." / "is risky because ..." / "is not set, but ...". */
  readonly because: string;
  /** What to do about it: completes "Fix: ...". */
  readonly fix: string;
}

