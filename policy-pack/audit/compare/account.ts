/**
 * `--compare` for one account: the previous audit (a single-account output: previous.ts
 * `expectKind`) must be of the same account; then the changes (diff.ts).
 */
import { AccountFacts } from "../../account/facts";
import { AuditResult } from "../run";
import { diffAccount } from "./diff";
import { CompareError, Previous } from "./previous";
import { snapshotOf } from "./snapshot";
import { AccountChanges } from "./types";

export function compareAccount(previous: Previous, result: AuditResult, facts: AccountFacts): AccountChanges {
  const before = previous.accounts[0];
  if (before.account === null || result.account === null || before.account !== result.account) {
    throw new CompareError(
      `--compare ${previous.file} is an audit of account ${before.account ?? "(unknown)"}; this audit is of account ${result.account ?? "(unknown)"}, so they cannot be compared`,
    );
  }
  return diffAccount(before, previous.auditedAt, {
    account: result.account,
    findings: result.findings,
    snapshot: snapshotOf(facts),
  });
}
