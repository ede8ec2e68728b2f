import { AuditResult } from "../run";

/** "account 123456789012, credential report examples/x.csv: 5 failing, 2 not evaluated". */
export function summaryLine(result: AuditResult, sourceFile?: string): string {
  const failing = result.findings.filter((f) => f.status === "fail").length;
  const notEvaluated = result.findings.length - failing;
  const source = result.source === "aws" ? "IAM API" : `credential report ${sourceFile ?? ""}`.trim();
  const generated = result.reportGeneratedAt ? `, report generated ${result.reportGeneratedAt}` : "";
  return `account ${result.account ?? "(unknown)"}, ${source}${generated}: ${failing} failing, ${notEvaluated} not evaluated`;
}
