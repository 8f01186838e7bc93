/** The request the custom_resources.Provider framework passes to an onEvent handler. */
export interface OnEventRequest {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly StackId: string;
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: Record<string, unknown>;
  readonly OldResourceProperties?: Record<string, unknown>;
}

/** What an onEvent handler returns to the framework. Data must never hold a secret. */
export interface OnEventResponse {
  readonly PhysicalResourceId: string;
  readonly Data?: Record<string, string>;
}

/** The part of the Lambda context the handlers use. */
export interface LambdaContextLike {
  getRemainingTimeInMillis?: () => number;
}

export function requiredString(props: Record<string, unknown>, name: string): string {
  const value = props[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`The custom resource property ${name} is missing. Fix: pass it from the construct (this is a bug in the construct).`);
  }
  return value;
}

export function optionalString(props: Record<string, unknown>, name: string): string | undefined {
  const value = props[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function stringList(props: Record<string, unknown>, name: string): string[] {
  const value = props[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.length > 0);
  return [];
}
