/**
 * The three ways a read can fail, apart from the SDK (so the auditor can tell them apart without loading the SDK:
 * the package index exports the auditor, and library users who never audit should not pay for the SDK).
 */
import { AuditOperation } from './operations';

/** The operation was refused by IAM (`AccessDeniedException`): what it would return is unknown. */
export class OperationDenied extends Error {
  constructor(public readonly operation: AuditOperation) {
    super(`not authorized to call ${operation}`);
  }
}

/** The resource is gone (`ResourceNotFoundException`), e.g. deleted while the audit ran. */
export class ResourceGone extends Error {
  constructor(public readonly operation: AuditOperation) {
    super(`${operation}: resource not found`);
  }
}

/** Any other failure, after the SDK's retries; its message is the service's (never a response body). */
export class ReadFailed extends Error {
  constructor(public readonly operation: AuditOperation, message: string) {
    super(`${operation} failed: ${message}`);
  }
}
