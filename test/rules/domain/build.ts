/** Builders for domain and UI customization templates (see ../helpers.ts for the pool). */

/** A UserPoolDomain of `Pool`. */
export function domain(properties: Record<string, unknown>) {
  return { Type: 'AWS::Cognito::UserPoolDomain', Properties: { UserPoolId: { Ref: 'Pool' }, ...properties } };
}

/** A custom domain of `Pool` with a us-east-1 certificate unless `config` says otherwise. */
export function customDomain(name: unknown, config: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return domain({ Domain: name, CustomDomainConfig: { CertificateArn: CERT_US_EAST_1, ...config }, ...extra });
}

/** A UI customization attachment of `Pool`. */
export function uiAttachment(dependsOn?: string | string[], properties: Record<string, unknown> = {}) {
  return {
    Type: 'AWS::Cognito::UserPoolUICustomizationAttachment',
    Properties: { UserPoolId: { Ref: 'Pool' }, ClientId: 'ALL', CSS: '.banner-customizable { background: #fff; }', ...properties },
    ...(dependsOn ? { DependsOn: dependsOn } : {}),
  };
}

export const CERT_US_EAST_1 = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
