/**
 * Text laid out in lines of at most a given width, for the terminal: words wrap at spaces, a word
 * longer than the width is broken across lines rather than cut off, and control characters (a
 * hand-edited report can carry escape sequences in a user name) are shown as U+FFFD, never sent
 * to the terminal. Widths count code points, so a character outside the BMP counts once; colour
 * is added to words after they are placed, so it never counts.
 */
import type { Paint } from "./paint";

/** Text, and the colour it is shown in. */
export interface Cell {
  readonly text: string;
  readonly paint?: Paint;
}

/** A cell, or plain text. */
export type CellValue = string | Cell;

export const textOf = (c: CellValue): string => (typeof c === "string" ? c : c.text);
const paintOf = (c: CellValue): Paint | undefined => (typeof c === "string" ? undefined : c.paint);

// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const special = /[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/;

/** Code points. */
export const length = (s: string): number => (special.test(s) ? Array.from(s).length : s.length);

/** Paragraphs (at line breaks) of the text as shown: tabs as spaces, control characters as U+FFFD. */
const paragraphs = (text: string): string[] =>
  special.test(text)
    ? text.replace(/\r\n?/g, "\n").replace(/\t/g, " ").replace(controls, "\ufffd").split("\n")
    : [text];

const words = (paragraph: string): string[] => paragraph.split(" ").filter((w) => w !== "");

interface Word {
  readonly text: string;
  readonly paint?: Paint;
}

/** The words placed greedily on lines of at most `width`; at least one line. */
function place(ws: readonly Word[], width: number): string[] {
  const lines: string[] = [];
  let line = "";
  let used = 0;
  const put = (piece: string, n: number, paint: Paint | undefined) => {
    const shown = paint ? paint(piece) : piece;
    if (used > 0 && used + 1 + n <= width) {
      line += ` ${shown}`;
      used += 1 + n;
      return;
    }
    if (used > 0) lines.push(line);
    line = shown;
    used = n;
  };
  for (const w of ws) {
    const n = length(w.text);
    if (n <= width) {
      put(w.text, n, w.paint);
      continue;
    }
    const chars = Array.from(w.text);
    for (let start = 0; start < chars.length; start += width) {
      const piece = chars.slice(start, start + width);
      put(piece.join(""), piece.length, w.paint);
    }
  }
  lines.push(line);
  return lines;
}

/** The text as lines of at most `width` characters; each line break of the text starts a line. */
export function wrap(text: string, width: number): string[] {
  if (text.length <= width && !special.test(text)) return [text];
  return paragraphs(text).flatMap((p) =>
    place(
      words(p).map((w) => ({ text: w })),
      width,
    ),
  );
}

/** The width `text` takes when nothing wraps: its longest line as `wrap` shows it. */
export function textWidth(text: string): number {
  if (!special.test(text)) return text.length;
  let widest = 0;
  for (const p of paragraphs(text)) {
    const ws = words(p);
    widest = Math.max(widest, ws.reduce((n, w) => n + length(w), 0) + Math.max(ws.length - 1, 0));
  }
  return widest;
}

/**
 * The cells as running text, each word in its cell's colour, wrapped at `width` (line breaks
 * inside a cell become spaces); each line ending in a newline.
 */
export function flow(cells: readonly CellValue[], width: number): string[] {
  const ws: Word[] = [];
  for (const c of cells) {
    const paint = paintOf(c);
    for (const p of paragraphs(textOf(c))) for (const w of words(p)) ws.push({ text: w, paint });
  }
  return place(ws, width).map((l) => `${l}\n`);
}

/** The cell's lines at `width`, coloured. */
export function wrapCell(cell: CellValue, width: number): { text: string; width: number }[] {
  const paint = paintOf(cell);
  return wrap(textOf(cell), width).map((l) => ({ text: paint && l !== "" ? paint(l) : l, width: length(l) }));
}
