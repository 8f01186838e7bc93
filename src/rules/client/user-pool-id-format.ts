import { userPoolIdFormatRule } from '../user-pool-id';

export const clientUserPoolIdFormat = userPoolIdFormatRule(
  'client-user-pool-id-format',
  'AWS::Cognito::UserPoolClient',
  'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-UserPoolId',
);
