import Table from "cli-table3";
import { summaryLine } from "./summary";
import { Renderer } from "./types";

/** A terminal table, one row per finding, without colour codes (safe to pipe). */
export const renderTable: Renderer = ({ result, facts }) => {
  const header = summaryLine(result, facts.sourceFile);
  if (result.findings.length === 0) return `${header}\nNo findings.\n`;
  const table = new Table({
    head: ["Status", "Severity", "Policy", "Subject", "Message"],
    style: { head: [], border: [] },
    colWidths: [15, 10, 36, 18, 70],
    wordWrap: true,
  });
  for (const f of result.findings) table.push([f.status, f.severity, f.policy, f.subject, f.message]);
  return `${header}\n${table.toString()}\n`;
};
