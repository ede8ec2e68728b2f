/**
 * The Markdown format, streamed: one findings table with an Account column, rows written as
 * each account finishes; then the totals and the accounts that could not be audited.
 */
import { OrganizationRun, OrganizationWriter, Write } from "../../organization/types";
import { findingRow } from "../markdown";
import { cell, code } from "../markdownText";
import { changesMarkdown } from "../changes/markdown";
import { runLine, totalsLine } from "./accountSummary";

export function markdownWriter(run: OrganizationRun, write: Write): OrganizationWriter {
  const failed: string[] = [];
  let rows = 0;
  return {
    begin: () => write(`## AWS organization audit\n\n${cell(runLine(run))}\n\n`),
    account: async (o) => {
      if (o.status === "error") {
        failed.push(`| ${code(o.account)} | ${cell(o.name ?? "")} | ${cell(o.error)} |`);
        return;
      }
      if (o.result.findings.length === 0) return;
      const head =
        rows === 0
          ? `| Account | Status | Severity | Policy | Subject | Message | Controls |\n|---|---|---|---|---|---|---|\n`
          : "";
      rows += o.result.findings.length;
      await write(head + o.result.findings.map((f) => `| ${code(o.account)} ${findingRow(f)}\n`).join(""));
    },
    end: (t, changes) => {
      const lines = [rows === 0 ? `No findings.` : ``, `**${cell(totalsLine(t))}**`, ``];
      if (changes) {
        lines.push(...changesMarkdown(changes, "###", ": accounts"));
        for (const c of changes.accounts)
          lines.push(...changesMarkdown(c, "####", `: account ${c.account ?? ""}`));
      }
      if (failed.length > 0) {
        lines.push(
          `### Accounts that could not be audited`,
          ``,
          `| Account | Name | Cause |`,
          `|---|---|---|`,
          ...failed,
          ``,
        );
      }
      return write(`${lines.join("\n")}\n`);
    },
  };
}
