#!/usr/bin/env node
/**
 * `npm run audit -- [--credential-report FILE] [--format table|json|markdown|sarif|html] [--now ISO-8601]
 * [--config FILE] [--organization [--role-name NAME] [--concurrency N]]`: the account checks
 * outside Pulumi, for the periodic review, of one account or of every account of an organization.
 * Exit 0 when nothing fails, 1 when a finding fails (or, with --organization, an account could
 * not be audited), 2 for bad usage or unreadable input (one line on stderr, no stack trace).
 * Relative paths are resolved against the directory `npm run` was started in (INIT_CWD), since npm
 * changes the working directory to the package root. --now without an offset is UTC.
 */
import * as path from "path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { CredentialReportError, isCalendarDay } from "../account/csv";
import { AccountFacts } from "../account/facts";
import { readAccount } from "../account/source";
import { accountDeadlineRange, defaultDeadlineSeconds, defaultReportWaitSeconds } from "../account/config";
import { quietSdk } from "../account/sdkWarning";
import { AuditConfig, ConfigError, defaultAuditConfig, loadAuditConfig } from "./config";
import { Format, formats, renderers } from "./render";
import { displayFor } from "./render/display";
import { auditFacts, exitCodeOf, missingRootWarning, unreadable } from "./run";
import { OrganizationError } from "./organization/accounts";
import {
  concurrencyProblem,
  concurrencyRange,
  roleNameProblem,
  runOrganizationAudit,
} from "./organization/command";
import { defaultRoleName } from "./organization/run";
import { AssumeRoleError } from "../account/assumeRole";
import { startSpinner } from "./spinner";
import { guardStream, OutputClosedError, OutputError, streamWrite, writeChunks } from "./output";
import { packageVersion } from "../version";
import { lastAccessedDaysProblem, lastAccessedFindings, reportedPolicies } from "./lastAccessed";
import { defaultUnusedDays, LastAccessedSettings } from "../account/lastAccessed/config";
import { CompareError, expectKind, readPrevious } from "./compare/previous";
import { compareAccount } from "./compare/account";

interface Options {
  readonly credentialReport?: string;
  readonly format: Format;
  readonly now?: string;
  readonly config?: string;
  readonly organization?: boolean;
  readonly roleName?: string;
  readonly concurrency?: number;
  readonly accountDeadlineSeconds?: number;
  /** `--last-accessed` alone: true (the default window). */
  readonly lastAccessed?: true | number;
  readonly compare?: string;
}

class UsageError extends Error {}

const deadlineFlag = "--account-deadline-seconds";

/** The message for a bad --account-deadline-seconds, or undefined. */
function deadlineProblem(text: string): string | undefined {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  return n >= accountDeadlineRange.min && n <= accountDeadlineRange.max
    ? undefined
    : `${deadlineFlag} must be a whole number of seconds from ${accountDeadlineRange.min} to ${accountDeadlineRange.max}; got "${text}"`;
}

const baseDir = (): string => process.env.INIT_CWD ?? process.cwd();

const nowPattern = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const hasZone = /(Z|[+-]\d{2}:?\d{2})$/;

/**
 * --now as an instant. A date, or a date-time without an offset, is UTC: JavaScript would read
 * the latter in the machine's time zone, so the same command would give other ages elsewhere.
 */
function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const usage = (why = "") =>
    new UsageError(`--now must be an ISO 8601 time such as 2026-01-31T12:00:00Z${why}; got "${text}"`);
  if (!nowPattern.test(text)) throw usage();
  if (!isCalendarDay(text)) throw usage(` on a day that exists (${text.slice(0, 10)} does not)`);
  const t = new Date(text.includes("T") && !hasZone.test(text) ? `${text}Z` : text);
  if (Number.isNaN(t.getTime())) throw usage();
  return t;
}

async function readFacts(o: Options, config: AuditConfig): Promise<AccountFacts> {
  if (o.credentialReport) {
    return readAccount({
      kind: "file",
      path: path.resolve(baseDir(), o.credentialReport),
      displayName: o.credentialReport,
    });
  }
  const spinner = startSpinner("Waiting for IAM to generate the credential report");
  try {
    return await readAccount(
      {
        kind: "api",
        reportWaitSeconds: defaultReportWaitSeconds,
        deadlineSeconds: o.accountDeadlineSeconds ?? defaultDeadlineSeconds,
      },
      {
        onReportPending: spinner.start,
        deadlineSetting: deadlineFlag,
        analyzerRegions: config.settings.thresholds["access-analyzer-enabled"].regions,
      },
    );
  } finally {
    spinner.stop();
  }
}

/** --last-accessed's settings: the --config file's (or the defaults), with DAYS when given. */
const lastAccessedSettings = (v: true | number, config: AuditConfig): LastAccessedSettings => ({
  ...config.lastAccessed,
  ...(v === true ? {} : { unusedDays: v }),
});

function checkCombination(o: Options): void {
  if (o.credentialReport && o.accountDeadlineSeconds !== undefined) {
    throw new UsageError(`${deadlineFlag} bounds reading AWS; it does not apply to --credential-report`);
  }
  if (o.organization && o.credentialReport) {
    throw new UsageError(
      "--organization reads every account through the AWS APIs; it cannot be combined with --credential-report",
    );
  }
  if (o.lastAccessed !== undefined && o.credentialReport) {
    throw new UsageError(
      "--last-accessed reads IAM's service last-accessed data through the AWS APIs; it cannot be combined with --credential-report",
    );
  }
  if (!o.organization && (o.roleName !== undefined || o.concurrency !== undefined)) {
    throw new UsageError("--role-name and --concurrency apply only with --organization");
  }
}

async function audit(o: Options): Promise<number> {
  checkCombination(o);
  const now = parseNow(o.now);
  const config = o.config
    ? await loadAuditConfig(path.resolve(baseDir(), o.config), o.config)
    : defaultAuditConfig;
  // Read (and reject) the previous audit before spending time on the account(s).
  const previous = o.compare
    ? expectKind(await readPrevious(path.resolve(baseDir(), o.compare), o.compare), o.organization === true)
    : undefined;
  if (o.organization) {
    return runOrganizationAudit({
      previous,
      roleName: o.roleName ?? defaultRoleName,
      concurrency: o.concurrency ?? concurrencyRange.default,
      format: o.format,
      config,
      now,
      reportWaitSeconds: defaultReportWaitSeconds,
      deadlineSeconds: o.accountDeadlineSeconds ?? defaultDeadlineSeconds,
      ...(o.lastAccessed === undefined ? {} : { lastAccessed: lastAccessedSettings(o.lastAccessed, config) }),
    });
  }
  const facts = await readFacts(o, config);
  const cannot = unreadable(facts);
  if (cannot) throw new UsageError(`cannot read the account: ${cannot}`);
  const warning = missingRootWarning(facts);
  if (warning) process.stderr.write(`audit: warning: ${warning}\n`);
  const result = auditFacts(facts, config, now);
  if (o.lastAccessed !== undefined) {
    const settings = lastAccessedSettings(o.lastAccessed, config);
    const deadlineSeconds = o.accountDeadlineSeconds ?? defaultDeadlineSeconds;
    result.findings.push(
      ...(await lastAccessedFindings({ authorization: facts.authorization, settings, now, deadlineSeconds })),
    );
  }
  const changes = previous ? compareAccount(previous, result, facts) : undefined;
  try {
    const policies = reportedPolicies(config.policies, o.lastAccessed !== undefined);
    const display = displayFor(process.stdout, process.env);
    await writeChunks(renderers[o.format]({ result, facts, policies, now, display, changes }), streamWrite());
  } catch (e) {
    // The reader stopped reading (`| head`): the verdict is complete, so it is still the exit code.
    if (!(e instanceof OutputClosedError)) throw e;
  }
  return exitCodeOf(result);
}

/** A commander argument parser from a function naming what is wrong. */
function checked<T>(problem: (text: string) => string | undefined, parse: (text: string) => T) {
  return (text: string): T => {
    const p = problem(text);
    if (p) throw new InvalidArgumentError(p);
    return parse(text);
  };
}

function program(): Command {
  return new Command()
    .name("aws-account-audit")
    .version(packageVersion(), "--version", "print the version and exit")
    .description(
      "Audit an AWS account's identity posture (root user, IAM users' MFA and credentials, contacts).",
    )
    .option("--credential-report <file>", "read this credential report CSV instead of the IAM API")
    .addOption(new Option("--format <format>", "output format").choices(formats).default("table"))
    .option(
      "--now <iso-8601>",
      "the time ages are measured at; a date or a date-time without an offset is UTC (default: now)",
    )
    .option("--config <file>", "thresholds, in the same JSON format as a --policy-pack-config file")
    .option(
      "--compare <previous.json>",
      "an earlier --format json output of this audit: also show what changed since then",
    )
    .option(
      "--organization",
      "audit every active account of the AWS Organization (from its management account)",
    )
    .option(
      "--role-name <name>",
      `with --organization: the role assumed in each member account (default ${defaultRoleName})`,
      checked(roleNameProblem, (t) => t),
    )
    .option(
      `${deadlineFlag} <n>`,
      `the longest reading one account may take, every call and retry included (${accountDeadlineRange.min} to ${accountDeadlineRange.max}, default ${defaultDeadlineSeconds}); what has not answered by then is not evaluated`,
      checked(deadlineProblem, Number),
    )
    .option(
      "--concurrency <n>",
      `with --organization: accounts audited at once, ${concurrencyRange.min} to ${concurrencyRange.max} (default ${concurrencyRange.default})`,
      checked(concurrencyProblem, Number),
    )
    .option(
      "--last-accessed [days]",
      `also list, per group, role and user with policies, the services it may use but has not used within DAYS (default: --config's unusedDays, else ${defaultUnusedDays}; IAM's service last-accessed data, a job per principal)`,
      checked(lastAccessedDaysProblem, Number),
    )
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s.endsWith("\n") ? s : `${s}\n`) });
}

export async function main(argv: string[]): Promise<number> {
  // The SDK's multi-line notice about future Node.js versions would break "one line on stderr".
  quietSdk();
  // A reader that closes the pipe early (`| head`) must not turn a write into a stack trace.
  guardStream(process.stdout);
  guardStream(process.stderr);
  const cmd = program();
  try {
    cmd.parse(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  try {
    return await audit(cmd.opts<Options>());
  } catch (e) {
    if (
      e instanceof UsageError ||
      e instanceof ConfigError ||
      e instanceof CredentialReportError ||
      e instanceof OrganizationError ||
      e instanceof AssumeRoleError ||
      e instanceof OutputError ||
      e instanceof CompareError
    ) {
      process.stderr.write(`audit: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`audit: unexpected error: ${(e as Error).message ?? String(e)}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
