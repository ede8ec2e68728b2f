#!/usr/bin/env node
/**
 * `npm run audit -- [--credential-report FILE] [--format table|json|markdown|sarif] [--now ISO-8601]
 * [--config FILE]`: the account checks outside Pulumi, for the periodic review.
 * Exit 0 when nothing fails, 1 when a finding fails, 2 for bad usage or unreadable input (one
 * line on stderr, no stack trace). Relative paths are resolved against the directory `npm run`
 * was started in (INIT_CWD), since npm changes the working directory to the package root.
 */
import * as path from "path";
import { Command, CommanderError, Option } from "commander";
import { CredentialReportError } from "../account/csv";
import { AccountFacts } from "../account/facts";
import { readAccount } from "../account/source";
import { defaultReportWaitSeconds } from "../account/config";
import { ConfigError, defaultAuditConfig, loadAuditConfig } from "./config";
import { Format, formats, renderers } from "./render";
import { auditFacts, exitCodeOf, unreadable } from "./run";
import { startSpinner } from "./spinner";

interface Options {
  readonly credentialReport?: string;
  readonly format: Format;
  readonly now?: string;
  readonly config?: string;
}

class UsageError extends Error {}

const baseDir = (): string => process.env.INIT_CWD ?? process.cwd();

function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const t = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) ? new Date(text) : undefined;
  if (!t || Number.isNaN(t.getTime())) {
    throw new UsageError(`--now must be an ISO 8601 time such as 2026-01-31T12:00:00Z; got "${text}"`);
  }
  return t;
}

async function readFacts(o: Options): Promise<AccountFacts> {
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
      { kind: "api", reportWaitSeconds: defaultReportWaitSeconds },
      { onReportPending: spinner.start },
    );
  } finally {
    spinner.stop();
  }
}

async function audit(o: Options): Promise<number> {
  const now = parseNow(o.now);
  const config = o.config
    ? await loadAuditConfig(path.resolve(baseDir(), o.config), o.config)
    : defaultAuditConfig;
  const facts = await readFacts(o);
  const cannot = unreadable(facts);
  if (cannot) throw new UsageError(`cannot read the account: ${cannot}`);
  const result = auditFacts(facts, config, now);
  process.stdout.write(renderers[o.format]({ result, facts }));
  return exitCodeOf(result);
}

function program(): Command {
  return new Command()
    .name("audit")
    .description(
      "Audit an AWS account's identity posture (root user, IAM users' MFA and credentials, contacts).",
    )
    .option("--credential-report <file>", "read this credential report CSV instead of the IAM API")
    .addOption(new Option("--format <format>", "output format").choices(formats).default("table"))
    .option("--now <iso-8601>", "the time ages are measured at (default: now)")
    .option("--config <file>", "thresholds, in the same JSON format as a --policy-pack-config file")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s.endsWith("\n") ? s : `${s}\n`) });
}

export async function main(argv: string[]): Promise<number> {
  // The SDK's multi-line notice about future Node.js versions would break "one line on stderr".
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
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
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof CredentialReportError) {
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
