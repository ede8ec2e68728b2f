/**
 * The combined JSON, streamed: DESIGN.md's single-account object extended compatibly,
 * `{ organization: true, account: null, callerAccount, roleName, source: "aws",
 * reportGeneratedAt: null, findings: [ { account, policy, status, severity, subject, message,
 * controls } ], accounts: [ { account, name?, status: "ok"|"error", roleArn?, error?,
 * reportGeneratedAt?, failing, notEvaluated } ], totals, error? }`, printed exactly as
 * `JSON.stringify(object, null, 2)` would print it, findings written as each account finishes.
 */
import { OrganizationRun, OrganizationWriter, Write } from "../../organization/types";
import { nested } from "../jsonText";
import { AccountSummary, accountSummary } from "./accountSummary";

export function jsonWriter(run: OrganizationRun, write: Write): OrganizationWriter {
  const accounts: AccountSummary[] = [];
  let first = true;
  const head = {
    organization: true,
    account: null,
    callerAccount: run.caller.account,
    roleName: run.roleName,
    source: "aws",
    reportGeneratedAt: null,
  };
  return {
    begin: () => write(`${nested(head, 0).slice(0, -2)},\n  "findings": [`),
    account: async (o) => {
      accounts.push(accountSummary(o));
      if (o.status === "error" || o.result.findings.length === 0) return;
      const items = o.result.findings.map((f) => `    ${nested({ account: o.account, ...f }, 4)}`);
      await write(`${first ? "\n" : ",\n"}${items.join(",\n")}`);
      first = false;
    },
    end: (t) => {
      const { error, ...totals } = t;
      const tail = { accounts, totals, ...(error ? { error } : {}) };
      return write(`${first ? "" : "\n  "}],\n  ${nested(tail, 0).slice(4)}\n`);
    },
  };
}
