/**
 * `npm run audit -- --organization [--role-name NAME] [--concurrency N]`: identifies the caller,
 * audits every active account of the organization into the chosen format on stdout (streamed),
 * shows per-account progress on a terminal, and returns the exit code.
 */
import { baseClientConfig } from "../../account/readApi";
import type { LastAccessedSettings } from "../../account/lastAccessed/config";
import { reportedPolicies } from "../lastAccessed";
import { AuditConfig } from "../config";
import { Format } from "../render";
import { organizationWriters } from "../render/organization";
import { displayFor } from "../render/display";
import { callerIdentity } from "./accounts";
import { startProgress } from "./progress";
import { auditOrganization, organizationExitCode } from "./run";
import { Write } from "./types";
import { streamWrite } from "../output";
import { Previous } from "../compare/previous";
import { organizationComparer } from "../compare/organization";

export interface OrganizationCommandOptions {
  readonly roleName: string;
  readonly concurrency: number;
  readonly format: Format;
  readonly config: AuditConfig;
  readonly now: Date;
  readonly reportWaitSeconds: number;
  readonly deadlineSeconds: number;
  readonly lastAccessed?: LastAccessedSettings;
  /** --compare: the previous organization audit. */
  readonly previous?: Previous;
}

export const concurrencyRange = { min: 1, max: 100, default: 20 } as const;
const roleNamePattern = /^[\w+=,.@-]{1,64}$/;

/** The message for a bad --role-name, or undefined when it is an IAM role name. */
export function roleNameProblem(name: string): string | undefined {
  return roleNamePattern.test(name)
    ? undefined
    : `--role-name must be an IAM role name (1 to 64 of letters, digits and + = , . @ _ -); got "${name}"`;
}

/** The message for a bad --concurrency, or undefined. */
export function concurrencyProblem(text: string): string | undefined {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  return n >= concurrencyRange.min && n <= concurrencyRange.max
    ? undefined
    : `--concurrency must be a whole number from ${concurrencyRange.min} to ${concurrencyRange.max}; got "${text}"`;
}

export async function runOrganizationAudit(o: OrganizationCommandOptions): Promise<number> {
  const comparer = o.previous ? organizationComparer(o.previous) : undefined;
  const clientConfig = baseClientConfig();
  const caller = await callerIdentity(clientConfig);
  const progress = startProgress();
  const stdout = streamWrite(process.stdout);
  const write: Write = (text) => {
    let written: Promise<void> = Promise.resolve();
    progress.around(() => {
      written = stdout(text);
    });
    return written;
  };
  const writer = organizationWriters[o.format](
    {
      caller,
      roleName: o.roleName,
      config: o.config,
      policies: reportedPolicies(o.config.policies, o.lastAccessed !== undefined),
      now: o.now,
      display: displayFor(process.stdout, process.env),
      compare: comparer !== undefined,
    },
    write,
  );
  const { STSClient } = await import("@aws-sdk/client-sts");
  const sts = new STSClient(clientConfig);
  try {
    const totals = await auditOrganization(
      {
        caller,
        roleName: o.roleName,
        concurrency: o.concurrency,
        config: o.config,
        now: o.now,
        reportWaitSeconds: o.reportWaitSeconds,
        deadlineSeconds: o.deadlineSeconds,
        lastAccessed: o.lastAccessed,
        clientConfig,
        sts,
        onStart: progress.started,
        onDone: progress.finished,
        comparer,
      },
      writer,
    );
    if (totals.error) progress.around(() => process.stderr.write(`audit: ${totals.error}\n`));
    return organizationExitCode(totals);
  } finally {
    sts.destroy();
    progress.stop();
  }
}
