import { Finding } from "../../account/finding";
import { summaryLine } from "./summary";
import { Column, tableLines } from "./textTable";
import { Renderer } from "./types";

const findingColumns = (account: boolean): Column[] => [
  ...(account ? [{ header: "Account", width: 14 }] : []),
  { header: "Status", width: 15 },
  { header: "Severity", width: 10 },
  { header: "Policy", width: 36 },
  { header: "Subject", width: 18 },
  { header: "Message", width: account ? 60 : 70 },
];

/** Findings as terminal table lines, without colour codes (safe to pipe); with an Account column when given. */
export function* findingsTable(findings: Iterable<Finding>, account?: string): Generator<string> {
  const rows = function* () {
    for (const f of findings)
      yield [...(account ? [account] : []), f.status, f.severity, f.policy, f.subject, f.message];
  };
  yield* tableLines(findingColumns(account !== undefined), rows());
}

/** A terminal table, one row per finding. */
export const renderTable: Renderer = function* ({ result, facts }) {
  yield `${summaryLine(result, facts.sourceFile)}\n`;
  if (result.findings.length === 0) yield `No findings.\n`;
  else yield* findingsTable(result.findings);
};
