/**
 * The terminal format, streamed: each account's line (✓ when it passed, ✗ when something fails or
 * it could not be audited) and its findings table (with an Account column) as it finishes, each
 * table sized to its own account's findings; at the end the accounts that could not be audited
 * and a summary line. Every line fits `run.display`.
 */
import { Severity } from "../../../controls";
import { OrganizationRun, OrganizationWriter, Write } from "../../organization/types";
import { plainDisplay } from "../display";
import { fittedLines, textLines } from "../fitted";
import { severityCounts, totalFailing } from "../html/section";
import { paletteFor } from "../paint";
import { summaryLine } from "../summary";
import { findingsTable } from "../table";
import { countCells } from "../tableSummary";
import { changesText } from "../changes/text";
import { accountLabel, runLine } from "./accountSummary";

const failedSpecs = [
  { header: "Account" },
  { header: "Name" },
  { header: "Could not be audited", wraps: true as const },
];

export function tableWriter(run: OrganizationRun, write: Write): OrganizationWriter {
  const display = run.display ?? plainDisplay;
  const palette = paletteFor(display);
  const passedMark = { text: "✓", paint: palette.passed };
  const failedMark = { text: "✗", paint: palette.failed };
  const failed: { account: string; name?: string; error: string }[] = [];
  const failing: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  let passed = 0;
  return {
    begin: () => write(`${textLines(display.width, runLine(run))}\n`),
    account: (o) => {
      if (o.status === "error") {
        failed.push({ account: o.account, name: o.name, error: o.error });
        const line = `account ${accountLabel(o)}: could not be audited: ${o.error}`;
        return write(`${textLines(display.width, failedMark, line)}\n`);
      }
      const counts = severityCounts(o.result.findings);
      for (const s of Object.keys(failing) as Severity[]) failing[s] += counts.failing[s];
      const ok = totalFailing(counts) === 0;
      if (ok) passed++;
      const head = textLines(
        display.width,
        ok ? passedMark : failedMark,
        `${o.name ? `${o.name}: ` : ""}${summaryLine(o.result)}`,
      );
      const tail = o.changes ? `\n${changesText(o.changes, display.width)}` : "";
      if (o.result.findings.length === 0) return write(`${head}No findings.\n${tail}\n`);
      return write(`${head}${[...findingsTable(o.result.findings, display, o.account)].join("")}${tail}\n`);
    },
    end: (t, changes) => {
      let text = changes ? `${changesText(changes, display.width)}\n` : "";
      if (failed.length > 0) {
        const rows = () => failed.map((f) => [f.account, f.name ?? "", f.error]);
        text += `${[...fittedLines(failedSpecs, rows, display.width, palette.header)].join("")}\n`;
      }
      const audited = t.accounts - t.failedAccounts;
      const broke = t.error ? `. The listing broke off, so not every account was audited: ${t.error}` : "";
      const accounts = `${t.accounts} account${t.accounts === 1 ? "" : "s"}:`;
      const cells = [
        "Summary:",
        `${accounts} ${audited} audited (${passed} passed), ${t.failedAccounts} could not be audited;`,
        ...countCells(failing, t.notEvaluated, palette, broke),
      ];
      return write(text + textLines(display.width, ...cells));
    },
  };
}
