/** What Cognito knows about OAuth scopes, shared by the scope rules. */

// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-define-resource-servers.html
export const STANDARD_SCOPES: readonly string[] = ['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin'];

export const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

export function isStandardScope(scope: string): boolean {
  return STANDARD_SCOPES.includes(scope);
}

/** Splits `identifier/scopeName` at the last slash: identifiers may contain slashes (`https://api.example.com/read`). */
export function splitCustomScope(scope: string): { identifier: string; scopeName: string } | undefined {
  const slash = scope.lastIndexOf('/');
  if (slash <= 0 || slash === scope.length - 1) return undefined;
  return { identifier: scope.slice(0, slash), scopeName: scope.slice(slash + 1) };
}
