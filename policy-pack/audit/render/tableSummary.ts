/** The table format's closing line: failing findings by severity and the checks not evaluated, coloured. */
import type { Finding } from "../../account/finding";
import type { Severity } from "../../controls";
import { severities } from "./html/findings";
import { severityCounts, totalFailing } from "./html/section";
import { Palette } from "./paint";
import { CellValue } from "./wrapText";

/** "4 failing (1 critical, 2 high, 1 medium), 1 not evaluated" followed by `end`. */
export function countCells(
  failing: Record<Severity, number>,
  notEvaluated: number,
  palette: Palette,
  end = "",
): CellValue[] {
  const total = severities.reduce((n, s) => n + failing[s], 0);
  const present = severities.filter((s) => failing[s] > 0);
  const cells: CellValue[] = [
    {
      text: `${total} failing${present.length === 0 ? "," : ""}`,
      paint: total > 0 ? palette.failed : undefined,
    },
  ];
  present.forEach((s, i) =>
    cells.push({
      text: `${i === 0 ? "(" : ""}${failing[s]} ${s}${i === present.length - 1 ? ")," : ","}`,
      paint: palette.severity(s),
    }),
  );
  cells.push(`${notEvaluated} not evaluated${end}`);
  return cells;
}

/** "Summary: ✓ passed, 0 failing, 2 not evaluated" (the check mark only when nothing fails). */
export function findingsSummaryCells(findings: readonly Finding[], palette: Palette): CellValue[] {
  const counts = severityCounts(findings);
  const passed = totalFailing(counts) === 0 ? [{ text: "✓ passed,", paint: palette.passed }] : [];
  return ["Summary:", ...passed, ...countCells(counts.failing, counts.notEvaluated, palette)];
}
