import { randomUUID } from 'crypto';
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  InvalidParameterException,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';

// No Secrets Manager server runs on loopback, so this in-memory model replaces it at the SDK boundary
// (aws-sdk-client-mock). It follows the documented semantics the handlers rely on: idempotent ClientRequestToken,
// staging labels that move between versions, AWSPREVIOUS on the old current version.

interface Version { value: string; stages: Set<string> }
interface StoredSecret { versions: Map<string, Version>; rotationEnabled: boolean }

const notFound = (what: string) => new ResourceNotFoundException({ message: `Secrets Manager can't find ${what}.`, $metadata: { httpStatusCode: 400 } });

export class FakeSecretsManager {
  readonly secrets = new Map<string, StoredSecret>();
  readonly mock = mockClient(SecretsManagerClient);

  /** Errors to raise on the next call of a command, to simulate an interrupted Lambda. */
  private readonly interruptions = new Map<string, Error>();

  constructor() {
    this.mock.on(PutSecretValueCommand).callsFake((i) => this.interruptible('PutSecretValue', () => this.put(i)));
    this.mock.on(GetSecretValueCommand).callsFake((i) => this.interruptible('GetSecretValue', () => this.get(i)));
    this.mock.on(DescribeSecretCommand).callsFake((i) => this.interruptible('DescribeSecret', () => this.describe(i)));
    this.mock.on(UpdateSecretVersionStageCommand).callsFake((i) => this.interruptible('UpdateSecretVersionStage', () => this.updateStage(i)));
  }

  interruptNext(command: string, error: Error = new Error('Task timed out (simulated interruption)')): void {
    this.interruptions.set(command, error);
  }

  private interruptible<T>(command: string, run: () => T): T {
    const error = this.interruptions.get(command);
    if (error) {
      this.interruptions.delete(command);
      throw error;
    }
    return run();
  }

  create(arn: string, rotationEnabled = false): string {
    this.secrets.set(arn, { versions: new Map(), rotationEnabled });
    return arn;
  }

  remove(arn: string): void { this.secrets.delete(arn); }

  restore(): void { this.mock.restore(); }

  /** The JSON of the version holding `stage`. */
  valueAt(arn: string, stage = 'AWSCURRENT'): Record<string, unknown> | undefined {
    const v = [...(this.secrets.get(arn)?.versions.values() ?? [])].find((x) => x.stages.has(stage));
    return v ? JSON.parse(v.value) : undefined;
  }

  versionsOf(arn: string): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [id, v] of this.secrets.get(arn)?.versions ?? []) if (v.stages.size > 0) out[id] = [...v.stages];
    return out;
  }

  private secret(id: string): StoredSecret {
    const s = this.secrets.get(id);
    if (!s) throw notFound('the specified secret');
    return s;
  }

  private moveStage(s: StoredSecret, stage: string, to: string): void {
    for (const [id, v] of s.versions) {
      if (id !== to && v.stages.delete(stage) && stage === 'AWSCURRENT') {
        for (const other of s.versions.values()) other.stages.delete('AWSPREVIOUS');
        v.stages.add('AWSPREVIOUS');
      }
    }
    s.versions.get(to)!.stages.add(stage);
  }

  put(input: { SecretId?: string; SecretString?: string; ClientRequestToken?: string; VersionStages?: string[] }) {
    const s = this.secret(input.SecretId!);
    const token = input.ClientRequestToken ?? randomUUID();
    const existing = s.versions.get(token);
    if (existing) {
      if (existing.value !== input.SecretString) {
        throw new ResourceExistsException({ message: 'A resource with the ID you requested already exists.', $metadata: { httpStatusCode: 400 } });
      }
      return { ARN: input.SecretId, VersionId: token, VersionStages: [...existing.stages] };
    }
    s.versions.set(token, { value: input.SecretString!, stages: new Set() });
    for (const stage of input.VersionStages ?? ['AWSCURRENT']) this.moveStage(s, stage, token);
    return { ARN: input.SecretId, VersionId: token, VersionStages: [...s.versions.get(token)!.stages] };
  }

  get(input: { SecretId?: string; VersionId?: string; VersionStage?: string }) {
    const s = this.secret(input.SecretId!);
    const stage = input.VersionStage ?? (input.VersionId ? undefined : 'AWSCURRENT');
    const match = [...s.versions.entries()].find(([id, v]) => (!input.VersionId || id === input.VersionId) && (!stage || v.stages.has(stage)));
    if (!match) throw notFound('the specified secret value for staging label or version');
    return { ARN: input.SecretId, VersionId: match[0], SecretString: match[1].value, VersionStages: [...match[1].stages] };
  }

  describe(input: { SecretId?: string }) {
    const s = this.secret(input.SecretId!);
    return { ARN: input.SecretId, RotationEnabled: s.rotationEnabled, VersionIdsToStages: this.versionsOf(input.SecretId!) };
  }

  updateStage(input: { SecretId?: string; VersionStage?: string; MoveToVersionId?: string; RemoveFromVersionId?: string }) {
    const s = this.secret(input.SecretId!);
    const stage = input.VersionStage!;
    if (input.RemoveFromVersionId) {
      const from = s.versions.get(input.RemoveFromVersionId);
      if (!from?.stages.has(stage)) {
        throw new InvalidParameterException({ message: `The staging label ${stage} is not attached to version ${input.RemoveFromVersionId}.`, $metadata: { httpStatusCode: 400 } });
      }
      if (!input.MoveToVersionId) from.stages.delete(stage);
    }
    if (input.MoveToVersionId) {
      if (!s.versions.has(input.MoveToVersionId)) throw notFound('the version to move to');
      this.moveStage(s, stage, input.MoveToVersionId);
    }
    return { ARN: input.SecretId };
  }
}
