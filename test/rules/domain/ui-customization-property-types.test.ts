import { findingsOf, templateWith } from '../helpers';
import { domain, uiAttachment } from './build';

const RULE = 'ui-customization-property-types';
const withAttachment = (attachment: unknown) => templateWith({ D: domain({ Domain: 'my-app' }), UI: attachment });

describe(RULE, () => {
  test('fails on an unknown property name', () => {
    const findings = findingsOf(RULE, withAttachment(uiAttachment('D', { Css: 'x' })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'UI', property: 'Css' });
    expect(findings[0].message).toContain('CloudFormation does not know this property name. Fix: rename it to CSS (names are case-sensitive)');
    const other = findingsOf(RULE, withAttachment(uiAttachment('D', { Styles: 'x' })));
    expect(other[0].message).toContain('Fix: remove Styles or correct its spelling (allowed here: UserPoolId, ClientId, CSS)');
  });

  test('fails on a missing ClientId and a CSS that is not a string', () => {
    const findings = findingsOf(RULE, withAttachment(uiAttachment('D', { ClientId: undefined, CSS: ['.a {}'] })));
    expect(findings.map((f) => [f.property, f.message.replace(/ Fix:.*/, '')])).toEqual([
      ['ClientId', 'Property ClientId is not set, but ClientId is required.'],
      ['CSS', 'Property CSS: value [".a {}"] is not allowed because it must be a string.'],
    ]);
  });

  test('passes the usual shape, and intrinsics', () => {
    expect(findingsOf(RULE, withAttachment(uiAttachment('D')))).toEqual([]);
    expect(findingsOf(RULE, withAttachment(uiAttachment('D', { ClientId: { Ref: 'Client' }, CSS: { 'Fn::Sub': '${Css}' } })))).toEqual([]);
  });
});
