import { userPoolIdFormatRule } from '../user-pool-id';

export const domainUserPoolIdFormat = userPoolIdFormatRule(
  'domain-user-pool-id-format',
  'AWS::Cognito::UserPoolDomain',
  'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolDomain.html#CognitoUserPools-CreateUserPoolDomain-request-UserPoolId',
);
