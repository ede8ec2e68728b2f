/**
 * A boxed terminal table, one line at a time, in time linear in its rows (cli-table3 lays out
 * the whole table at once, quadratic in its rows, and spreads the rows into one call, which
 * overflows the stack past about 120,000 rows). The look is cli-table3's: every cell padded by one
 * space, a rule between rows; cells wrap as `wrapText` lays them out, and colour is added around
 * the text after it is padded, so it never moves a border.
 */
import type { Paint } from "./paint";
import { CellValue, wrapCell } from "./wrapText";

export interface Column {
  readonly header: string;
  /** The column's width including its two padding spaces, as cli-table3's colWidths. */
  readonly width: number;
}

/** The width of a table of these columns: theirs and one border more than there are columns. */
export const tableWidth = (columns: readonly Column[]): number =>
  columns.reduce((n, c) => n + c.width + 1, 1);

const rule = (columns: readonly Column[], [left, middle, right]: string): string =>
  `${left}${columns.map((c) => "─".repeat(c.width)).join(middle)}${right}\n`;

function row(columns: readonly Column[], cells: readonly CellValue[]): string {
  const wrapped = columns.map((c, i) => wrapCell(cells[i] ?? "", c.width - 2));
  const height = Math.max(...wrapped.map((w) => w.length));
  let text = "";
  for (let l = 0; l < height; l++) {
    const parts = wrapped.map((w, i) => {
      const s = w[l] ?? { text: "", width: 0 };
      return ` ${s.text}${" ".repeat(columns[i].width - 2 - s.width)} `;
    });
    text += `│${parts.join("│")}│\n`;
  }
  return text;
}

/** The table's lines (each ending in a newline): header, then one row per item of `rows`. */
export function* tableLines(
  columns: readonly Column[],
  rows: Iterable<readonly CellValue[]>,
  header: Paint = (t) => t,
): Generator<string> {
  yield rule(columns, "┌┬┐");
  yield row(
    columns,
    columns.map((c) => ({ text: c.header, paint: header })),
  );
  for (const cells of rows) {
    yield rule(columns, "├┼┤");
    yield row(columns, cells);
  }
  yield rule(columns, "└┴┘");
}
