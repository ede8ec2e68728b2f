/**
 * A table that fits the width: every column but one as wide as its widest cell (never wrapped,
 * so names stay whole), the one that wraps taking what is left. When that leaves it fewer than
 * `minWrapWidth` characters (and its text is longer), the rows are stacked instead: per row a
 * head line of the other cells, then the wrapping cell indented under it, blocks between blank
 * lines. Widths are measured in a pass over the rows before the first line is written, so the
 * rows are asked for twice (`rows()`), and never held as text.
 */
import type { Paint } from "./paint";
import { Column, tableLines, tableWidth } from "./textTable";
import { CellValue, flow, textOf, textWidth, wrapCell } from "./wrapText";

export interface ColumnSpec {
  readonly header: string;
  /** The one column that wraps, taking the width the others leave. */
  readonly wraps?: true;
  /** How the column's text reads in a stacked head line (an upper-case status, say). */
  readonly stacked?: (text: string) => string;
}

/** The narrowest the wrapping column may be before the rows are stacked instead. */
export const minWrapWidth = 20;

/** The columns' widths for a table at most `width` wide, or undefined when stacking reads better. */
export function fitColumns(
  specs: readonly ColumnSpec[],
  rows: Iterable<readonly CellValue[]>,
  width: number,
): Column[] | undefined {
  const natural = specs.map((s) => textWidth(s.header));
  for (const cells of rows) {
    for (let i = 0; i < specs.length; i++)
      natural[i] = Math.max(natural[i], textWidth(textOf(cells[i] ?? "")));
  }
  const wrapping = specs.findIndex((s) => s.wraps);
  const fixed = tableWidth(
    specs.map((s, i) => ({ header: s.header, width: i === wrapping ? 0 : natural[i] + 2 })),
  );
  const room = wrapping < 0 ? 0 : width - fixed - 2;
  const content = wrapping < 0 ? 0 : Math.min(natural[wrapping], room);
  if (wrapping < 0 ? fixed > width : content < Math.max(1, Math.min(natural[wrapping], minWrapWidth))) {
    return undefined;
  }
  return specs.map((s, i) => ({ header: s.header, width: (i === wrapping ? content : natural[i]) + 2 }));
}

/** One block per row: a blank line, the head line(s), then the wrapping cell indented. */
export function* stackedLines(
  specs: readonly ColumnSpec[],
  rows: Iterable<readonly CellValue[]>,
  width: number,
): Generator<string> {
  const wrapping = specs.findIndex((s) => s.wraps);
  const indent = width > minWrapWidth ? "  " : "";
  for (const cells of rows) {
    const head: CellValue[] = [];
    specs.forEach((s, i) => {
      if (i === wrapping) return;
      const c = cells[i] ?? "";
      head.push(s.stacked ? { ...(typeof c === "string" ? {} : c), text: s.stacked(textOf(c)) } : c);
    });
    let block = `\n${flow(head, width).join("")}`;
    const body = wrapping < 0 ? "" : (cells[wrapping] ?? "");
    if (textOf(body) !== "") {
      for (const l of wrapCell(body, width - indent.length))
        block += l.text === "" ? "\n" : `${indent}${l.text}\n`;
    }
    yield block;
  }
}

/** The rows as a table when it fits `width`, else stacked. */
export function* fittedLines(
  specs: readonly ColumnSpec[],
  rows: () => Iterable<readonly CellValue[]>,
  width: number,
  header?: Paint,
): Generator<string> {
  const columns = fitColumns(specs, rows(), width);
  if (columns) yield* tableLines(columns, rows(), header);
  else yield* stackedLines(specs, rows(), width);
}

/** Free text (an opening or summary line) wrapped at `width`, each word in its cell's colour. */
export const textLines = (width: number, ...cells: CellValue[]): string => flow(cells, width).join("");
