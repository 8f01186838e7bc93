import { CognitoClientLinter, Finding } from '../../src';

/** A template with one user pool `Pool`, plus the given resources. */
export function templateWith(resources: Record<string, unknown>, poolProperties: Record<string, unknown> = {}) {
  return {
    Resources: {
      Pool: { Type: 'AWS::Cognito::UserPool', Properties: poolProperties },
      ...resources,
    },
  };
}

/** A user pool client of `Pool` with the given properties. */
export function client(properties: Record<string, unknown>) {
  return { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' }, ...properties } };
}

/** A resource server of `Pool`. */
export function resourceServer(identifier: unknown, scopeNames: unknown[]) {
  return {
    Type: 'AWS::Cognito::UserPoolResourceServer',
    Properties: {
      UserPoolId: { Ref: 'Pool' },
      Identifier: identifier,
      Name: 'api',
      Scopes: scopeNames.map((ScopeName) => ({ ScopeName, ScopeDescription: 'd' })),
    },
  };
}

/** Findings of one rule on a template. */
export function findingsOf(ruleId: string, template: unknown, region?: string): Finding[] {
  return CognitoClientLinter.lintTemplate(template, { region }).filter((f) => f.ruleId === ruleId);
}
