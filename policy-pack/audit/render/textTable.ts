/**
 * A boxed terminal table, one line at a time, in time linear in its rows (cli-table3 lays out
 * the whole table at once, quadratic in its rows, and spreads the rows into one call, which
 * overflows the stack past about 120,000 rows). The look is cli-table3's: every cell padded by one
 * space, a rule between rows; text wraps at spaces, and a word longer than its column is broken
 * across lines rather than cut off. Control characters (a hand-edited report can carry escape
 * sequences in a user name) are shown as U+FFFD, never sent to the terminal.
 */

export interface Column {
  readonly header: string;
  /** The column's width including its two padding spaces, as cli-table3's colWidths. */
  readonly width: number;
}

// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const special = /[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/;

/** Code points, so that a character outside the BMP counts once. */
const length = (s: string): number => (special.test(s) ? Array.from(s).length : s.length);

/** The text as lines of at most `width` characters (code points). */
export function wrap(text: string, width: number): string[] {
  if (text.length <= width && !special.test(text)) return [text];
  const lines: string[] = [];
  const paragraphs = text.replace(/\r\n?/g, "\n").replace(/\t/g, " ").replace(controls, "\ufffd").split("\n");
  for (const paragraph of paragraphs) {
    let line = "";
    let used = 0;
    for (const word of paragraph.split(" ")) {
      if (word === "") continue;
      const n = length(word);
      if (used > 0 && used + 1 + n <= width) {
        line += ` ${word}`;
        used += 1 + n;
        continue;
      }
      if (used > 0) lines.push(line);
      if (n <= width) {
        line = word;
        used = n;
        continue;
      }
      const chars = Array.from(word);
      let start = 0;
      while (chars.length - start > width) {
        lines.push(chars.slice(start, start + width).join(""));
        start += width;
      }
      line = chars.slice(start).join("");
      used = chars.length - start;
    }
    lines.push(line);
  }
  return lines;
}

const rule = (columns: readonly Column[], [left, middle, right]: string): string =>
  `${left}${columns.map((c) => "─".repeat(c.width)).join(middle)}${right}\n`;

function row(columns: readonly Column[], cells: readonly string[]): string {
  const wrapped = columns.map((c, i) => wrap(cells[i] ?? "", c.width - 2));
  const height = Math.max(...wrapped.map((w) => w.length));
  let text = "";
  for (let l = 0; l < height; l++) {
    const parts = wrapped.map((w, i) => {
      const s = w[l] ?? "";
      return ` ${s}${" ".repeat(columns[i].width - 2 - Array.from(s).length)} `;
    });
    text += `│${parts.join("│")}│\n`;
  }
  return text;
}

/** The table's lines (each ending in a newline): header, then one row per item of `rows`. */
export function* tableLines(
  columns: readonly Column[],
  rows: Iterable<readonly string[]>,
): Generator<string> {
  yield rule(columns, "┌┬┐");
  yield row(
    columns,
    columns.map((c) => c.header),
  );
  for (const cells of rows) {
    yield rule(columns, "├┼┤");
    yield row(columns, cells);
  }
  yield rule(columns, "└┴┘");
}
