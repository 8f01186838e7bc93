export { CognitoComplianceOptions } from './options';
export { CognitoClientChecks } from './plugin';
export { CognitoClientAspect } from './aspect';
export { CognitoFindings, ExpectedFinding } from './assertions';
export { CognitoClientAuditor, AuditOptions, AuditResult, AuditFinding, SkippedRules, AuditNote, AuditProblem, TemplateOnlyRule } from './audit/auditor';
