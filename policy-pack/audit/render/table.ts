import { Finding } from "../../account/finding";
import { Display, plainDisplay } from "./display";
import { ColumnSpec, fittedLines, textLines } from "./fitted";
import { Palette, paletteFor } from "./paint";
import { changesText } from "./changes/text";
import { summaryLine } from "./summary";
import { findingsSummaryCells } from "./tableSummary";
import { Renderer } from "./types";
import { CellValue } from "./wrapText";

const findingSpecs = (account: boolean): ColumnSpec[] => [
  ...(account ? [{ header: "Account" }] : []),
  { header: "Status", stacked: (s) => s.toUpperCase() },
  { header: "Severity" },
  { header: "Policy" },
  { header: "Subject" },
  { header: "Message", wraps: true },
];

const findingCells = (f: Finding, palette: Palette, account?: string): CellValue[] => [
  ...(account ? [account] : []),
  { text: f.status, paint: palette.status(f.status) },
  // Only a failing finding's severity draws the eye; a check not evaluated is not a failure.
  f.status === "fail" ? { text: f.severity, paint: palette.severity(f.severity) } : f.severity,
  f.policy,
  f.subject,
  f.message,
];

/**
 * Findings as terminal lines at most `display.width` wide: a table whose Subject and Policy are as
 * wide as their longest (never wrapped) and whose Message wraps, or one block per finding when the
 * width cannot hold that; with an Account column when given.
 */
export function* findingsTable(
  findings: readonly Finding[],
  display: Display,
  account?: string,
): Generator<string> {
  const palette = paletteFor(display);
  const rows = function* () {
    for (const f of findings) yield findingCells(f, palette, account);
  };
  yield* fittedLines(findingSpecs(account !== undefined), rows, display.width, palette.header);
}

/** A terminal table, one row per finding, fitted to the display; a summary line at the end. */
export const renderTable: Renderer = function* ({ result, facts, display = plainDisplay, changes }) {
  yield textLines(display.width, summaryLine(result, facts.sourceFile));
  if (result.findings.length === 0) yield `No findings.\n`;
  else yield* findingsTable(result.findings, display);
  if (changes) yield `\n${changesText(changes, display.width)}`;
  yield `\n${textLines(display.width, ...findingsSummaryCells(result.findings, paletteFor(display)))}`;
};
