import { Command, Option } from 'commander';
import { checkRegion, checkRuleIds, collectList, firstLine, newProgram, runCommand, UsageError } from './command';
import { CognitoClientLinter } from '../../rules';
import { formatAuditJson, formatAuditSarif, formatAuditText, auditExitCode } from '../audit/audit-report';
import { AuditResult, CognitoClientAuditor } from '../audit/auditor';
import { printable } from './formats/printable';
import { CliIo, packageHomepage, packageVersion, TOOL_NAME } from './main';

type Format = 'text' | 'json' | 'sarif';

interface AuditCliOptions {
  readonly format: Format;
  readonly strict?: boolean;
  readonly region?: string;
  readonly profile?: string;
  readonly userPoolId?: string[];
  readonly disable?: string[];
}


const PREFIX = `${TOOL_NAME} audit`;
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPool.html (UserPoolId)
const USER_POOL_ID_PATTERN = /^[\w-]+_[0-9a-zA-Z]+$/;

/**
 * `cognito-client-lint audit ...`: the rules on the deployed user pools of a region. Returns the exit code (0 no
 * error findings, 1 error findings or warnings with --strict, 2 usage error or a pool that could not be audited).
 * Never throws and never exits the process.
 */
export async function runAudit(argv: readonly string[], io: CliIo): Promise<number> {
  return runCommand(PREFIX, io, () => buildProgram(io), argv, async (program, fail) => {
    const options = program.opts<AuditCliOptions>();
    validate(options);

    let result: AuditResult;
    try {
      result = await CognitoClientAuditor.audit({
        region: options.region,
        profile: options.profile,
        userPoolIds: options.userPoolId,
        disabledRules: options.disable,
      });
    } catch (error) {
      return fail(`cannot audit: ${firstLine(error)}`);
    }

    // One line per IAM action the caller lacks, however many pools it cost.
    const byAction = new Map<string, Set<string>>();
    for (const s of result.skipped) byAction.set(s.iamAction, (byAction.get(s.iamAction) ?? new Set()).add(s.userPoolId));
    for (const [action, pools] of byAction) {
      io.stderr.write(`${PREFIX}: missing IAM permission ${action} on ${pools.size} user pool${pools.size === 1 ? '' : 's'}; the rules that need it were skipped there (see the summary)\n`);
    }
    for (const problem of result.problems) io.stderr.write(`${PREFIX}: ${printable(problem.userPoolId)}: ${printable(problem.problem)}\n`);

    io.stdout.write(render(result, options, io));
    return auditExitCode(result, options.strict ?? false);
  });
}

function buildProgram(io: CliIo): Command {
  return newProgram(PREFIX, io)
    .description('Check the deployed Amazon Cognito user pools of a region (app clients, resource servers, domains) with '
      + 'the same rules as the template linter, using read-only API calls and the standard AWS credential chain.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--strict', 'treat warnings as errors (exit code 1)')
    .option('--region <region>', 'the region to audit (default: AWS_REGION or the profile\'s region)')
    .option('--profile <profile>', 'the AWS profile to use (default: AWS_PROFILE or default)')
    .option('--user-pool-id <id>', 'audit only this user pool (repeatable, or comma-separated)', collectList)
    .option('--disable <rule-id>', 'do not run this rule (repeatable, or comma-separated)', collectList)
    .addHelpText('after', '\nEndpoints: AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER are honoured.'
      + '\nExit codes: 0 no errors, 1 error findings (or warnings with --strict), 2 usage error or a pool that could not be audited.');
}

function validate(options: AuditCliOptions): void {
  checkRegion(options.region);
  if (options.profile !== undefined && options.profile.trim() === '') throw new UsageError('--profile: empty profile name');
  const badPool = (options.userPoolId ?? []).find((id) => id.length > 55 || !USER_POOL_ID_PATTERN.test(id));
  if (badPool !== undefined) throw new UsageError(`--user-pool-id: '${badPool}' is not a user pool id like eu-west-1_AbCdEf123`);
  checkRuleIds(options.disable);
}

function render(result: AuditResult, options: AuditCliOptions, io: CliIo): string {
  switch (options.format) {
    case 'json':
      return formatAuditJson(result);
    case 'sarif':
      return formatAuditSarif(result, {
        name: TOOL_NAME,
        version: packageVersion(),
        informationUri: packageHomepage(),
        rules: CognitoClientLinter.rules(),
      });
    default:
      return formatAuditText(result, { color: io.isTTY && !(io.env ?? process.env).NO_COLOR, strict: options.strict });
  }
}
