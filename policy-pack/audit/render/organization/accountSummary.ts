import { AccountOutcome, OrganizationRun, OrganizationTotals } from "../../organization/types";

/** One account's entry in the combined JSON's `accounts`. */
export interface AccountSummary {
  readonly account: string;
  readonly name?: string;
  readonly status: "ok" | "error";
  readonly roleArn?: string;
  readonly error?: string;
  readonly reportGeneratedAt?: string | null;
  readonly failing: number;
  readonly notEvaluated: number;
}

export function accountSummary(o: AccountOutcome): AccountSummary {
  const { account, name, roleArn } = o;
  const who = { account, ...(name ? { name } : {}), status: o.status, ...(roleArn ? { roleArn } : {}) };
  if (o.status === "error") return { ...who, error: o.error, failing: 0, notEvaluated: 0 };
  const failing = o.result.findings.filter((f) => f.status === "fail").length;
  return {
    ...who,
    reportGeneratedAt: o.result.reportGeneratedAt,
    failing,
    notEvaluated: o.result.findings.length - failing,
  };
}

/** "member-0001 (200000000001)" or the id alone. */
export const accountLabel = (o: { account: string; name?: string }): string =>
  o.name ? `${o.account} (${o.name})` : o.account;

/** The opening line of the human-readable formats. */
export function runLine(run: OrganizationRun): string {
  return `Organization audit run from account ${run.caller.account}; role ${run.roleName} assumed in every other account.`;
}

/** "1000 accounts: 998 audited, 2 could not be audited; 1234 failing findings, 5 not evaluated". */
export function totalsLine(t: OrganizationTotals): string {
  const line = `${t.accounts} account${t.accounts === 1 ? "" : "s"}: ${t.accounts - t.failedAccounts} audited, ${t.failedAccounts} could not be audited; ${t.failing} failing, ${t.notEvaluated} not evaluated`;
  return t.error ? `${line}. The listing broke off, so not every account was audited: ${t.error}` : line;
}
