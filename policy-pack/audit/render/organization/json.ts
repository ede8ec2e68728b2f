/**
 * The combined JSON, streamed: docs/contracts.md's single-account object extended compatibly,
 * `{ formatVersion, organization: true, account: null, callerAccount, roleName, source: "aws",
 * reportGeneratedAt: null, auditedAt, findings: [ { account, policy, status, severity, subject, message,
 * controls } ], accounts: [ { account, name?, status: "ok"|"error", roleArn?, error?,
 * reportGeneratedAt?, failing, notEvaluated, snapshot? } ], totals, error?, changes? }`, printed exactly as
 * `JSON.stringify(object, null, 2)` would print it, findings written as each account finishes.
 */
import { OrganizationRun, OrganizationWriter, Write } from "../../organization/types";
import { nested } from "../jsonText";
import { AccountSummary, accountSummary } from "./accountSummary";
import { formatVersion, Snapshot, snapshotOf } from "../../compare/snapshot";

export function jsonWriter(run: OrganizationRun, write: Write): OrganizationWriter {
  const accounts: (AccountSummary & { snapshot?: Snapshot })[] = [];
  let first = true;
  const head = {
    formatVersion,
    organization: true,
    account: null,
    callerAccount: run.caller.account,
    roleName: run.roleName,
    source: "aws",
    reportGeneratedAt: null,
    auditedAt: run.now.toISOString(),
  };
  return {
    begin: () => write(`${nested(head, 0).slice(0, -2)},\n  "findings": [`),
    account: async (o) => {
      accounts.push({
        ...accountSummary(o),
        ...(o.status === "ok" ? { snapshot: snapshotOf(o.facts) } : {}),
      });
      if (o.status === "error" || o.result.findings.length === 0) return;
      const items = o.result.findings.map((f) => `    ${nested({ account: o.account, ...f }, 4)}`);
      await write(`${first ? "\n" : ",\n"}${items.join(",\n")}`);
      first = false;
    },
    end: (t, changes) => {
      const { error, ...totals } = t;
      const tail = { accounts, totals, ...(error ? { error } : {}), ...(changes ? { changes } : {}) };
      return write(`${first ? "" : "\n  "}],\n  ${nested(tail, 0).slice(4)}\n`);
    },
  };
}
