/**
 * SARIF 2.1.0, streamed: one run whose rules are every audited policy (known before the first
 * account), results written as each account finishes, each carrying its account (location,
 * `properties.account`, and a fingerprint that includes it). Checks not evaluated and accounts
 * that could not be audited become tool execution notifications, written at the end.
 */
import type { Notification } from "sarif";
import { OrganizationRun, OrganizationWriter, Write } from "../../organization/types";
import { Finding } from "../../../account/finding";
import { nested } from "../jsonText";
import { absentResults, baselineStates } from "../changes/sarif";
import {
  locator,
  notEvaluatedNotification,
  sarifClosing,
  sarifOpening,
  sarifResult,
  sarifTool,
} from "../sarif";
import { accountLabel } from "./accountSummary";

export function sarifWriter(run: OrganizationRun, write: Write): OrganizationWriter {
  const { tool, ruleIndex } = sarifTool(run.policies);
  const notifications: Notification[] = [];
  let first = true;
  return {
    begin: () => write(`${sarifOpening}{\n      "tool": ${nested(tool, 6)},\n      "results": [`),
    account: async (o) => {
      if (o.status === "error") {
        notifications.push({
          level: "error",
          message: { text: `account ${accountLabel(o)} could not be audited: ${o.error}` },
        });
        return;
      }
      const locate = locator({ result: o.result, facts: o.facts });
      for (const f of o.result.findings) {
        if (f.status === "not-evaluated") notifications.push(notEvaluatedNotification(f, o.account));
      }
      const properties = { account: o.account, ...(o.name ? { accountName: o.name } : {}) };
      const message = (f: Finding) => ({ text: `account ${o.account}: ${f.message}` });
      const state = baselineStates(o.changes, run.compare === true);
      const results = [
        ...o.result.findings
          .filter((f) => f.status === "fail")
          .map((f) =>
            sarifResult(f, ruleIndex, locate, o.account, { message: message(f), properties, ...state(f) }),
          ),
        ...absentResults(o.changes, properties).map(({ finding, extra }) =>
          sarifResult(finding, ruleIndex, locate, o.account, { message: message(finding), ...extra }),
        ),
      ];
      if (results.length === 0) return;
      await write(`${first ? "\n" : ",\n"}${results.map((r) => `        ${nested(r, 8)}`).join(",\n")}`);
      first = false;
    },
    end: (t) => {
      if (t.error) notifications.push({ level: "error", message: { text: t.error } });
      const invocations = [
        {
          executionSuccessful: t.failedAccounts === 0 && !t.error,
          toolExecutionNotifications: notifications,
        },
      ];
      return write(
        `${first ? "" : "\n      "}],\n      "invocations": ${nested(invocations, 6)}\n    }${sarifClosing}`,
      );
    },
  };
}
