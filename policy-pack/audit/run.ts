/**
 * The audit's core, without I/O: account facts -> one result object (docs/contracts.md's JSON). A later
 * organization-wide audit calls `auditFacts` once per member account and streams each result.
 */
import { AccountFacts, Fact, isAvailable } from "../account/facts";
import { rootRow } from "../account/rules/context";
import { Finding } from "../account/finding";
import { evaluate } from "../account/findings";
import { AuditConfig, defaultAuditConfig } from "./config";

export interface AuditResult {
  readonly account: string | null;
  readonly source: "aws" | "credential-report";
  readonly reportGeneratedAt: string | null;
  /** The time the audit judged at (--now, else when it ran). */
  readonly auditedAt: string;
  readonly findings: Finding[];
}

export function auditFacts(
  facts: AccountFacts,
  config: AuditConfig = defaultAuditConfig,
  now = new Date(),
): AuditResult {
  return {
    account: facts.accountId,
    source: facts.source,
    reportGeneratedAt: facts.reportGeneratedAt ? facts.reportGeneratedAt.toISOString() : null,
    auditedAt: now.toISOString(),
    findings: evaluate(facts, config.settings, now, config.policies),
  };
}

/** 0 when nothing fails, 1 when at least one finding fails. */
export function exitCodeOf(result: AuditResult): 0 | 1 {
  return result.findings.some((f) => f.status === "fail") ? 1 : 0;
}

/** The first reason, when the account could not be read at all (nothing to audit: bad input). */
export function unreadable(facts: AccountFacts): string | undefined {
  const parts: Fact<unknown>[] = [
    facts.users,
    facts.summary,
    facts.rootVirtualMfaDevices,
    facts.passwordPolicy,
    ...Object.values(facts.alternateContacts),
    facts.authorization,
    facts.serverCertificates,
    facts.organizationsFeatures,
    ...Object.values(facts.analyzers),
  ];
  const reasons = parts.flatMap((p) => (isAvailable(p) ? [] : [p.unavailable]));
  return reasons.length === parts.length ? reasons[0] : undefined;
}

/** A one-line warning when the report was read but lacks root's row (judged anyway: see the root checks). */
export function missingRootWarning(facts: AccountFacts): string | undefined {
  if (!isAvailable(facts.users) || isAvailable(rootRow(facts))) return undefined;
  const report = facts.sourceFile
    ? `credential report ${facts.sourceFile}`
    : "the account's credential report";
  return `${report} has no <root_account> row (filtered or truncated?); the users are audited, the root checks that need that row are not evaluated`;
}
