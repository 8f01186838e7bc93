import { userPoolIdFormatRule } from '../user-pool-id';

export const uiCustomizationUserPoolIdFormat = userPoolIdFormatRule(
  'ui-customization-user-pool-id-format',
  'AWS::Cognito::UserPoolUICustomizationAttachment',
  'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUICustomization.html#CognitoUserPools-SetUICustomization-request-UserPoolId',
);
