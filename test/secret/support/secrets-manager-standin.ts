import { randomUUID } from 'crypto';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { AwsJsonError, AwsJsonServer, startAwsJsonServer } from '../../support/aws-json-server';

/**
 * A Secrets Manager stand-in on 127.0.0.1 that speaks the AWS JSON 1.1 protocol (X-Amz-Target `secretsmanager.*`).
 * Modelled on the API reference, not on the handlers; each rule names its page:
 *  - PutSecretValue: a ClientRequestToken that is already a version with the same value succeeds and does nothing;
 *    with another value it fails with ResourceExistsException. VersionStages omitted means AWSCURRENT; a label named
 *    there moves from any other version. A token 32-64 characters long.
 *    https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_PutSecretValue.html
 *  - UpdateSecretVersionStage: moving a label attached to another version needs RemoveFromVersionId naming that
 *    version (InvalidParameterException otherwise); moving AWSCURRENT gives AWSPREVIOUS to the version it left; a
 *    version left without labels is deprecated.
 *    https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_UpdateSecretVersionStage.html
 *  - RotateSecret: opens a new version (the ClientRequestToken) carrying AWSPENDING and no value; refused while
 *    AWSPENDING sits on a version other than AWSCURRENT (a previous rotation is still in progress); needs a rotation
 *    function. The stand-in does not invoke the function: tests run the four steps, as Secrets Manager would.
 *    https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_RotateSecret.html
 *  - GetSecretValue: AWSCURRENT by default; a version without a value, or VersionId and VersionStage naming different
 *    versions, is ResourceNotFoundException; a secret scheduled for deletion is InvalidRequestException.
 *  - DescribeSecret lists only versions with labels; ListSecretVersionIds lists deprecated ones with
 *    IncludeDeprecated and pages with NextToken.
 */

interface Version { readonly id: string; value?: string; readonly stages: Set<string>; readonly created: Date }
interface StoredSecret {
  readonly arn: string;
  readonly name: string;
  readonly versions: Map<string, Version>;
  rotationEnabled: boolean;
  rotationLambdaArn?: string;
  deleted?: Date;
}

export interface SecretsManagerStandIn {
  readonly server: AwsJsonServer;
  readonly url: string;
  /** A real SDK client pointed at the stand-in (SDK retries off: the handlers own retrying). */
  client(): SecretsManagerClient;
  /** The parsed JSON of the version holding `stage`. */
  valueAt(arn: string, stage?: string): Record<string, any> | undefined;
  /** Version id to labels, for versions that have labels. */
  stagesOf(arn: string): Record<string, string[]>;
  /** Every version (deprecated ones included), oldest first. */
  versionCount(arn: string): number;
  stop(): Promise<void>;
}

const ACCOUNT = '111111111111';

export async function startSecretsManagerStandIn(options: { pageSize?: number } = {}): Promise<SecretsManagerStandIn> {
  const secrets = new Map<string, StoredSecret>();
  let clock = Date.UTC(2026, 0, 1);
  const tick = () => new Date((clock += 1_000));

  const find = (id: unknown): StoredSecret => {
    const key = String(id ?? '');
    const s = secrets.get(key) ?? [...secrets.values()].find((x) => x.name === key);
    if (!s) throw new AwsJsonError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
    return s;
  };
  const live = (id: unknown): StoredSecret => {
    const s = find(id);
    if (s.deleted) {
      throw new AwsJsonError('InvalidRequestException', "You can't perform this operation on the secret because it was marked for deletion.");
    }
    return s;
  };
  const versionWith = (s: StoredSecret, stage: string) => [...s.versions.values()].find((v) => v.stages.has(stage));
  const attach = (s: StoredSecret, stage: string, to: Version) => {
    const from = versionWith(s, stage);
    if (from && from !== to) {
      from.stages.delete(stage);
      if (stage === 'AWSCURRENT') {
        versionWith(s, 'AWSPREVIOUS')?.stages.delete('AWSPREVIOUS');
        from.stages.add('AWSPREVIOUS');
      }
    }
    to.stages.add(stage);
  };
  const checkToken = (token: string) => {
    if (token.length < 32 || token.length > 64) {
      throw new AwsJsonError('ValidationException', '1 validation error detected: Value at \'clientRequestToken\' failed to satisfy constraint: Member must have length between 32 and 64');
    }
  };
  const stagesOf = (s: StoredSecret) => {
    const out: Record<string, string[]> = {};
    for (const v of s.versions.values()) if (v.stages.size > 0) out[v.id] = [...v.stages];
    return out;
  };

  const server = await startAwsJsonServer({
    services: {
      secretsmanager: {
        CreateSecret: (input) => {
          const name = String(input.Name ?? '');
          if ([...secrets.values()].some((x) => x.name === name)) {
            throw new AwsJsonError('ResourceExistsException', `The operation failed because the secret ${name} already exists.`);
          }
          const arn = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${name}-${randomUUID().slice(0, 6)}`;
          const s: StoredSecret = { arn, name, versions: new Map(), rotationEnabled: false };
          secrets.set(arn, s);
          if (input.SecretString !== undefined) {
            const id = String(input.ClientRequestToken ?? randomUUID());
            s.versions.set(id, { id, value: String(input.SecretString), stages: new Set(['AWSCURRENT']), created: tick() });
            return { ARN: arn, Name: name, VersionId: id };
          }
          return { ARN: arn, Name: name };
        },
        DescribeSecret: (input) => {
          const s = find(input.SecretId);
          return {
            ARN: s.arn,
            Name: s.name,
            RotationEnabled: s.rotationEnabled,
            RotationLambdaARN: s.rotationLambdaArn,
            VersionIdsToStages: stagesOf(s),
            DeletedDate: s.deleted,
          };
        },
        GetSecretValue: (input) => {
          const s = live(input.SecretId);
          const stage = input.VersionStage ?? (input.VersionId ? undefined : 'AWSCURRENT');
          const v = input.VersionId ? s.versions.get(String(input.VersionId)) : versionWith(s, String(stage));
          if (!v || (stage && !v.stages.has(stage)) || v.value === undefined) {
            throw new AwsJsonError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for ${input.VersionId ? `VersionId: ${input.VersionId}` : `staging label: ${stage}`}`);
          }
          return { ARN: s.arn, Name: s.name, VersionId: v.id, SecretString: v.value, VersionStages: [...v.stages], CreatedDate: v.created };
        },
        PutSecretValue: (input) => {
          const s = live(input.SecretId);
          const token = String(input.ClientRequestToken ?? randomUUID());
          checkToken(token);
          const value = String(input.SecretString ?? '');
          const stages: string[] = input.VersionStages ?? ['AWSCURRENT'];
          const existing = s.versions.get(token);
          if (existing && existing.value !== undefined) {
            if (existing.value !== value) {
              throw new AwsJsonError('ResourceExistsException', 'A resource with the ID you requested already exists.');
            }
            return { ARN: s.arn, Name: s.name, VersionId: token, VersionStages: [...existing.stages] };
          }
          // A version opened by RotateSecret (AWSPENDING, no value) receives its value here.
          const version = existing ?? { id: token, stages: new Set<string>(), created: tick() };
          version.value = value;
          s.versions.set(token, version);
          for (const stage of stages) attach(s, stage, version);
          return { ARN: s.arn, Name: s.name, VersionId: token, VersionStages: [...version.stages] };
        },
        UpdateSecretVersionStage: (input) => {
          const s = live(input.SecretId);
          const stage = String(input.VersionStage ?? '');
          const holder = versionWith(s, stage);
          const removeFrom = input.RemoveFromVersionId as string | undefined;
          const moveTo = input.MoveToVersionId as string | undefined;
          if (removeFrom !== undefined && holder?.id !== removeFrom) {
            throw new AwsJsonError('InvalidParameterException', `The staging label ${stage} is not attached to version ${removeFrom}.`);
          }
          if (moveTo !== undefined) {
            const target = s.versions.get(moveTo);
            if (!target) throw new AwsJsonError('ResourceNotFoundException', `Secrets Manager can't find the specified secret version: ${moveTo}`);
            if (holder && holder !== target && removeFrom !== holder.id) {
              throw new AwsJsonError('InvalidParameterException',
                `The staging label ${stage} is currently attached to version ${holder.id}, so you must explicitly reference that version in RemoveFromVersionId.`);
            }
            attach(s, stage, target);
          } else if (removeFrom !== undefined) {
            if (stage === 'AWSCURRENT') {
              throw new AwsJsonError('InvalidParameterException', 'You can only move staging label AWSCURRENT to a different secret version. It can’t be completely removed.');
            }
            holder!.stages.delete(stage);
          }
          return { ARN: s.arn, Name: s.name };
        },
        RotateSecret: (input) => {
          const s = live(input.SecretId);
          if (input.RotationLambdaARN) s.rotationLambdaArn = String(input.RotationLambdaARN);
          if (!s.rotationLambdaArn) {
            throw new AwsJsonError('InvalidRequestException', 'No Lambda rotation function ARN is associated with this secret.');
          }
          const pending = versionWith(s, 'AWSPENDING');
          if (pending && !pending.stages.has('AWSCURRENT')) {
            throw new AwsJsonError('InvalidRequestException', "A previous rotation isn't complete. That rotation will be reattempted.");
          }
          pending?.stages.delete('AWSPENDING');
          const token = String(input.ClientRequestToken ?? randomUUID());
          checkToken(token);
          const version: Version = { id: token, stages: new Set(['AWSPENDING']), created: tick() };
          s.versions.set(token, version);
          s.rotationEnabled = true;
          return { ARN: s.arn, Name: s.name, VersionId: token };
        },
        CancelRotateSecret: (input) => {
          const s = live(input.SecretId);
          s.rotationEnabled = false;
          return { ARN: s.arn, Name: s.name };
        },
        ListSecretVersionIds: (input) => {
          const s = find(input.SecretId);
          const all = [...s.versions.values()].filter((v) => input.IncludeDeprecated || v.stages.size > 0);
          const start = input.NextToken ? Number(input.NextToken) : 0;
          const size = Math.min(Number(input.MaxResults ?? options.pageSize ?? 3), 100);
          const page = all.slice(start, start + size);
          return {
            ARN: s.arn,
            Name: s.name,
            Versions: page.map((v) => ({ VersionId: v.id, VersionStages: [...v.stages], CreatedDate: v.created })),
            NextToken: start + size < all.length ? String(start + size) : undefined,
          };
        },
        DeleteSecret: (input) => {
          const s = find(input.SecretId);
          if (input.ForceDeleteWithoutRecovery) {
            secrets.delete(s.arn);
            return { ARN: s.arn, Name: s.name, DeletionDate: tick() };
          }
          s.deleted = tick();
          return { ARN: s.arn, Name: s.name, DeletionDate: s.deleted };
        },
      },
    },
  });

  return {
    server,
    url: server.url,
    client: () => new SecretsManagerClient({
      endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1,
    }),
    valueAt: (arn, stage = 'AWSCURRENT') => {
      const v = versionWith(find(arn), stage);
      return v?.value !== undefined ? JSON.parse(v.value) : undefined;
    },
    stagesOf: (arn) => stagesOf(find(arn)),
    versionCount: (arn) => find(arn).versions.size,
    stop: () => server.stop(),
  };
}
