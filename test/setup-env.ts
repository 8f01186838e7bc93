// aws-cdk-lib's built-in CloudFormation validator costs ~2 s and ~370 MB per synth. Unit tests turn it off;
// test/compliance/builtin-validation.test.ts runs with it on.
process.env.CDK_VALIDATION = process.env.CDK_VALIDATION ?? 'false';
