import { defineRule } from '../rule';
import { TemplateModel } from '../template-model';
import { Severity } from '../types';
import { intrinsicName, UNKNOWN } from '../values';

// Measured (pf-cognito-ui-customization-requires-domain): "There has to be an existing domain associated with this
// user pool." when the template creates the pool and no UserPoolDomain for it.
export const uiCustomizationRequiresDomain = defineRule({
  id: 'ui-customization-requires-domain',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolUICustomizationAttachment',
  description: 'A UI customization attachment is for a user pool that has a UserPoolDomain in the same template.',
  docUrl: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpooluicustomizationattachment.html',
  constraints: [],
  check: (attachment) => {
    const pool = attachment.pool;
    if (!pool || pool.domainLogicalIds.length > 0 || mayHaveUnreadableDomain(attachment.model, pool.logicalId)) return [];
    return [{
      property: 'UserPoolId',
      value: attachment.properties.UserPoolId,
      because: `the template creates user pool ${pool.logicalId} with no AWS::Cognito::UserPoolDomain, and Cognito customizes only the hosted UI of a pool that has a domain`,
      fix: `add an AWS::Cognito::UserPoolDomain for ${pool.logicalId} (in CDK: pool.addDomain(...)) and make this attachment depend on it`,
    }];
  },
});

/** A domain whose pool the model could not tell (its properties or UserPoolId are intrinsics) might be this pool's. */
function mayHaveUnreadableDomain(model: TemplateModel, poolLogicalId: string): boolean {
  return model.unplacedDomainPoolIds.some((userPoolId) => {
    if (userPoolId === UNKNOWN) return true;
    // Ref/GetAtt of a pool were already resolved by the model; other intrinsics (If, Select...) may hide this pool.
    const fn = intrinsicName(userPoolId);
    return fn !== undefined && fn !== 'Ref' && fn !== 'Fn::GetAtt' && JSON.stringify(userPoolId).includes(`"${poolLogicalId}"`);
  });
}
