import { userPoolIdFormatRule } from '../user-pool-id';

export const resourceServerUserPoolIdFormat = userPoolIdFormatRule(
  'resource-server-user-pool-id-format',
  'AWS::Cognito::UserPoolResourceServer',
  'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateResourceServer.html#CognitoUserPools-CreateResourceServer-request-UserPoolId',
);
