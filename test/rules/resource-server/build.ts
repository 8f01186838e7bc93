/** Builders for resource-server templates (see ../helpers.ts for the pool). */

/** A resource server of `Pool`: Identifier "api", Name "api" and one scope "read", unless overridden. */
export function server(properties: Record<string, unknown> = {}) {
  return {
    Type: 'AWS::Cognito::UserPoolResourceServer',
    Properties: {
      UserPoolId: { Ref: 'Pool' },
      Identifier: 'api',
      Name: 'api',
      Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read access' }],
      ...properties,
    },
  };
}

/** `n` scopes named s0, s1, ... */
export function scopes(n: number) {
  return Array.from({ length: n }, (_, i) => ({ ScopeName: `s${i}`, ScopeDescription: 'd' }));
}
