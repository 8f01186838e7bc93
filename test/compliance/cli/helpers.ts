import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { CognitoClientLinter } from '../../../src';
import { run } from '../../../src/compliance/cli/main';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process, as a user in `cwd` would. */
export async function runCli(
  args: string[],
  cwd: string,
  options: { isTTY?: boolean; env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (text: string) => { stdout += text; } },
    stderr: { write: (text: string) => { stderr += text; } },
    isTTY: options.isTTY ?? false,
    cwd,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

/** A fresh directory holding `files` (relative path → content; objects are written as JSON). */
export function workspace(files: Record<string, string | object>): string {
  const root = mkdtempSync(join(tmpdir(), 'cognito-client-lint-'));
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Record<string, string | object>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
}

export function removeWorkspace(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** `workspace()` for one test file: every directory it makes is removed after the file's tests. */
export function workspacesRemovedAfterAll(): (files: Record<string, string | object>) => string {
  const roots: string[] = [];
  afterAll(() => roots.forEach(removeWorkspace));
  return (files) => {
    const root = workspace(files);
    roots.push(root);
    return root;
  };
}

/** `--disable` arguments for every rule except `keep`, so exit codes do not depend on rules added later. */
export function onlyRules(...keep: string[]): string[] {
  return CognitoClientLinter.rules()
    .filter((rule) => !keep.includes(rule.id))
    .flatMap((rule) => ['--disable', rule.id]);
}

export const SECRET_RULE = 'client-credentials-requires-secret';
export const SCOPES_RULE = 'client-oauth-scopes-exist';

/**
 * A hand-written template in the style people write: short-form tags everywhere, a resource server with one scope,
 * a machine client without a secret asking for an undefined scope, and a web client that is fine.
 */
export const HAND_WRITTEN_YAML = `AWSTemplateFormatVersion: '2010-09-09'
Description: Orders API user pool
Parameters:
  Stage:
    Type: String
    AllowedValues: [dev, prod]
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Resources:
  UserPool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: !Sub 'orders-\${Stage}'
  OrdersApi:
    Type: AWS::Cognito::UserPoolResourceServer
    Properties:
      UserPoolId: !Ref UserPool
      Identifier: orders
      Name: Orders API
      Scopes:
        - ScopeName: read
          ScopeDescription: Read orders
  MachineClient:
    Type: AWS::Cognito::UserPoolClient
    DependsOn: OrdersApi
    Properties:
      UserPoolId: !Ref UserPool
      ClientName: !Join ['-', [orders, machine, !Ref Stage]]
      GenerateSecret: false
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows:
        - client_credentials
      AllowedOAuthScopes:
        - orders/read
        - orders/write
  WebClient:
    Type: AWS::Cognito::UserPoolClient
    DependsOn: OrdersApi
    Properties:
      UserPoolId: !Ref UserPool
      GenerateSecret: !If [IsProd, true, false]
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [client_credentials]
      AllowedOAuthScopes: [orders/read]
Outputs:
  PoolArn:
    Value: !GetAtt UserPool.Arn
    Export:
      Name: !Sub '\${AWS::StackName}-pool-arn'
`;

/** A JSON template (as `cdk synth` writes them) with one client that needs a secret. */
export function jsonTemplate(clientLogicalId = 'AppClientA1B2C3D4', generateSecret = false): object {
  return {
    Resources: {
      PoolE1F2A3B4: { Type: 'AWS::Cognito::UserPool', Properties: {} },
      [clientLogicalId]: {
        Type: 'AWS::Cognito::UserPoolClient',
        Properties: {
          UserPoolId: { Ref: 'PoolE1F2A3B4' },
          GenerateSecret: generateSecret,
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthFlows: ['client_credentials'],
          AllowedOAuthScopes: ['email'],
        },
      },
    },
  };
}
