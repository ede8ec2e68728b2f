import Table from "cli-table3";
import { Finding } from "../../account/finding";
import { summaryLine } from "./summary";
import { Renderer } from "./types";

/** Findings as a terminal table without colour codes (safe to pipe); with an Account column when given. */
export function findingsTable(findings: readonly Finding[], account?: string): string {
  const table = new Table({
    head: [...(account ? ["Account"] : []), "Status", "Severity", "Policy", "Subject", "Message"],
    style: { head: [], border: [] },
    colWidths: [...(account ? [14] : []), 15, 10, 36, 18, account ? 60 : 70],
    wordWrap: true,
  });
  for (const f of findings) {
    table.push([...(account ? [account] : []), f.status, f.severity, f.policy, f.subject, f.message]);
  }
  return table.toString();
}

/** A terminal table, one row per finding. */
export const renderTable: Renderer = ({ result, facts }) => {
  const header = summaryLine(result, facts.sourceFile);
  if (result.findings.length === 0) return `${header}\nNo findings.\n`;
  return `${header}\n${findingsTable(result.findings)}\n`;
};
