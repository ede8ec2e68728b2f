import { Finding } from "../../account/finding";
import { guidanceFor } from "../../account/guidance";
import { changesMarkdown } from "./changes/markdown";
import { cell, code } from "./markdownText";
import { summaryLine } from "./summary";
import { Renderer } from "./types";

/** A Markdown report for an issue, a pull request or a job summary. */
export const renderMarkdown: Renderer = function* ({ result, facts, changes }) {
  yield `## AWS account audit\n\n${summaryLine(result, facts.sourceFile)}\n\n`;
  if (result.findings.length === 0) yield `No findings.\n`;
  else {
    yield `| Status | Severity | Policy | Subject | Message | Controls |\n|---|---|---|---|---|---|\n`;
    for (const f of result.findings) yield `${findingRow(f)}\n`;
  }
  if (changes) yield `\n${changesMarkdown(changes).join("\n")}`;
};

/** One finding as a table row: status, severity, linked policy, subject, message, controls. */
export function findingRow(f: Finding): string {
  const policy = `[${code(f.policy)}](${guidanceFor(f.policy)?.url ?? ""})`;
  return `| ${f.status} | ${f.severity} | ${policy} | ${code(f.subject)} | ${cell(f.message)} | ${cell(f.controls.join(", "))} |`;
}
