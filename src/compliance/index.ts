export { CognitoComplianceOptions } from './options';
export { CognitoClientChecks } from './plugin';
export { CognitoClientAspect } from './aspect';
export { CognitoFindings, ExpectedFinding } from './assertions';
