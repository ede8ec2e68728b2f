/**
 * The organization-wide audit's core: every active account of the organization, each read with
 * the role `roleName` assumed in it (the caller's own account with the caller's credentials: a
 * role cannot usefully be assumed into the account one is in), at most `concurrency` at once,
 * each turned into the same result the single-account audit prints and handed to the writer as
 * soon as it is done. One account's failure (role missing, access denied, nothing readable) is
 * that account's outcome and never stops the others.
 */
import type { STSClient } from "@aws-sdk/client-sts";
import { assumeRoleChain } from "../../account/assumeRole";
import { defaultDeadlineSeconds } from "../../account/config";
import { startDeadline } from "../../account/deadline";
import { readAccountFromApi } from "../../account/readApi";
import { AuditConfig } from "../config";
import { auditFacts, unreadable } from "../run";
import { lastAccessedFindings } from "../lastAccessed";
import type { LastAccessedSettings } from "../../account/lastAccessed/config";
import { activeAccounts, Caller, OrganizationAccount, OrganizationError } from "./accounts";
import { OutputClosedError } from "../output";
import { forEachBounded } from "./pool";
import { AccountOutcome, OrganizationTotals, OrganizationWriter } from "./types";
import { OrganizationComparer } from "../compare/organization";

export const auditSessionName = "aws-account-baseline-audit";
export const defaultRoleName = "OrganizationAccountAccessRole";

export interface OrganizationAuditOptions {
  readonly caller: Caller;
  readonly roleName: string;
  readonly concurrency: number;
  readonly config: AuditConfig;
  readonly now: Date;
  readonly reportWaitSeconds: number;
  /** The longest one account may take, its role assumption included (--account-deadline-seconds). */
  readonly deadlineSeconds?: number;
  /** `--last-accessed`: the per-principal review in each account too, with these settings. */
  readonly lastAccessed?: LastAccessedSettings;
  /** Merged into every client's configuration (region, endpoint). */
  readonly clientConfig?: Readonly<Record<string, unknown>>;
  /** One STS client with the caller's credentials for every AssumeRole (made per call otherwise). */
  readonly sts?: STSClient;
  readonly onStart?: (account: OrganizationAccount) => void;
  readonly onDone?: (outcome: AccountOutcome) => void;
  /** With --compare: each account's changes since the previous audit. */
  readonly comparer?: OrganizationComparer;
}

export function roleArnFor(caller: Caller, account: string, roleName: string): string {
  return `arn:${caller.partition}:iam::${account}:role/${roleName}`;
}

/** One account's outcome; never throws. */
export async function auditAccount(
  account: OrganizationAccount,
  o: OrganizationAuditOptions,
): Promise<AccountOutcome> {
  const roleArn = account.id === o.caller.account ? undefined : roleArnFor(o.caller, account.id, o.roleName);
  const who = {
    account: account.id,
    ...(account.name ? { name: account.name } : {}),
    ...(roleArn ? { roleArn } : {}),
  };
  const deadline = startDeadline(o.deadlineSeconds ?? defaultDeadlineSeconds, "--account-deadline-seconds");
  try {
    const base = o.clientConfig ?? {};
    const credentials = roleArn
      ? await assumeRoleChain([{ roleArn }], base, auditSessionName, o.sts, deadline)
      : undefined;
    const clientConfig = { ...base, ...(credentials ? { credentials } : {}) };
    const facts = await readAccountFromApi({
      reportWaitSeconds: o.reportWaitSeconds,
      accountId: account.id,
      deadline,
      analyzerRegions: o.config.settings.thresholds["access-analyzer-enabled"].regions,
      clientConfig,
    });
    const cannot = unreadable(facts);
    if (cannot) return { ...who, status: "error", error: `nothing could be read: ${cannot}` };
    const named = { ...facts, accountId: facts.accountId ?? account.id };
    const result = auditFacts(named, o.config, o.now);
    const settings = o.lastAccessed;
    if (settings) {
      const deadlineSeconds = o.deadlineSeconds ?? defaultDeadlineSeconds;
      const more = await lastAccessedFindings({
        authorization: named.authorization,
        settings,
        now: o.now,
        clientConfig,
        deadlineSeconds,
        progress: false,
      });
      result.findings.push(...more);
    }
    return { ...who, status: "ok", result, facts: named };
  } catch (e) {
    return { ...who, status: "error", error: (e as Error).message ?? String(e) };
  } finally {
    deadline.dispose();
  }
}

/**
 * Audits the organization into `writer`. Throws OrganizationError when the first page of
 * accounts cannot be listed (nothing has been written then); a listing that breaks off later is
 * reported in the totals after the accounts already listed are done.
 */
export async function auditOrganization(
  o: OrganizationAuditOptions,
  writer: OrganizationWriter,
): Promise<OrganizationTotals> {
  // The writer's first failure (OutputClosedError when the reader went away): nothing more is
  // written, no further account is audited, and the failure is rethrown or reported at the end.
  let stopped: { error: unknown } | undefined;
  let queue: Promise<void> = Promise.resolve();
  const serial = (f: () => Promise<void>): Promise<void> =>
    (queue = queue
      .then(() => (stopped ? undefined : f()))
      .catch((e: unknown) => {
        stopped ??= { error: e };
      }));
  let cut = false;
  async function* untilStopped<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
    for await (const item of items) {
      if (stopped) {
        cut = true;
        return;
      }
      yield item;
    }
  }
  let begun = false;
  const begin = () => {
    if (!begun) void serial(() => writer.begin());
    begun = true;
  };
  const totals = { accounts: 0, failedAccounts: 0, failing: 0, notEvaluated: 0 };
  let error: string | undefined;
  try {
    await forEachBounded(
      untilStopped(activeAccounts(o.clientConfig ?? {})),
      o.concurrency,
      async (account) => {
        begin();
        o.onStart?.(account);
        const audited = await auditAccount(account, o);
        const changes = o.comparer?.account(audited);
        const outcome: AccountOutcome =
          changes && audited.status === "ok" ? { ...audited, changes } : audited;
        totals.accounts++;
        if (outcome.status === "error") totals.failedAccounts++;
        else
          for (const f of outcome.result.findings) {
            if (f.status === "fail") totals.failing++;
            else totals.notEvaluated++;
          }
        o.onDone?.(outcome);
        await serial(() => writer.account(outcome));
      },
    );
  } catch (e) {
    if (!(e instanceof OrganizationError) || !begun) throw e;
    error = e.message;
  }
  begin();
  const done = { ...totals, ...(error ? { error } : {}) };
  const changes = o.comparer?.end();
  await serial(() => writer.end(done, changes));
  if (stopped && !(stopped.error instanceof OutputClosedError)) throw stopped.error;
  return stopped ? { ...done, outputClosed: true, ...(cut ? { incomplete: true } : {}) } : done;
}

/**
 * 2 when the listing broke off or the output was closed before every account was audited (no
 * verdict for the accounts left out); 1 when an account could not be audited or a finding
 * fails; else 0.
 */
export function organizationExitCode(t: OrganizationTotals): 0 | 1 | 2 {
  if (t.error || t.incomplete) return 2;
  return t.failedAccounts > 0 || t.failing > 0 ? 1 : 0;
}
