import { findingsOf, templateWith } from '../helpers';
import { customDomain } from './build';

const RULE = 'domain-security-policy';
const withPolicy = (policy: unknown) => templateWith({ D: customDomain('auth.example.com', { SecurityPolicy: policy }) });

describe(RULE, () => {
  test('fails on a policy Cognito does not know', () => {
    const findings = findingsOf(RULE, withPolicy('TLSv1.2_2021'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'D', property: 'CustomDomainConfig.SecurityPolicy' });
    expect(findings[0].message).toBe('Property CustomDomainConfig.SecurityPolicy: value "TLSv1.2_2021" is not allowed because it must be one of '
      + 'TLS_V1, TLS_V1_2_2021, TLS_V1_3_2025. Fix: use TLS_V1_2_2021 (or TLS_V1_3_2025 for TLS 1.3 only), written exactly so.');
  });

  test.each(['TLS_V1', 'TLS_V1_2_2021', 'TLS_V1_3_2025'])('passes %s', (policy) => {
    expect(findingsOf(RULE, withPolicy(policy))).toEqual([]);
  });

  test('passes when absent or unknown', () => {
    expect(findingsOf(RULE, templateWith({ D: customDomain('auth.example.com') }))).toEqual([]);
    expect(findingsOf(RULE, withPolicy({ Ref: 'Policy' }))).toEqual([]);
  });
});
