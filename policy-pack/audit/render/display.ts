/**
 * How the table format is laid out: the width no line exceeds, and whether it is coloured. Read
 * once from the output stream and the environment by the command and passed in, so renderers never
 * look at globals.
 *
 * Width: a terminal's own width (`stream.columns`); otherwise (piped, redirected, CI logs) COLUMNS
 * when it is a positive whole number, else 80, so such output does not depend on who ran it.
 * Colour: never when NO_COLOR is set to a non-empty value (no-color.org), even with FORCE_COLOR;
 * forced by FORCE_COLOR set to a non-empty value other than `0` or `false` (force-color.org), which
 * `0` or `false` turn off; otherwise only on a terminal whose TERM is not `dumb`.
 */

export interface Display {
  /** No line of the output is wider than this (in characters, colour codes not counted). */
  readonly width: number;
  readonly colour: boolean;
}

export const defaultWidth = 80;

/** What renderers use when given nothing: 80 columns, no colour (as piped output without COLUMNS). */
export const plainDisplay: Display = { width: defaultWidth, colour: false };

/** The parts of an output stream that decide the display (process.stdout's). */
export interface DisplayStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
}

const positive = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n > 0;

function widthOf(stream: DisplayStream, env: NodeJS.ProcessEnv): number {
  if (stream.isTTY && positive(stream.columns)) return stream.columns;
  const columns = env.COLUMNS ?? "";
  return /^[1-9]\d*$/.test(columns) ? Number(columns) : defaultWidth;
}

function colourOf(stream: DisplayStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force) return force !== "0" && force !== "false";
  return stream.isTTY === true && env.TERM !== "dumb";
}

export function displayFor(stream: DisplayStream, env: NodeJS.ProcessEnv): Display {
  return { width: widthOf(stream, env), colour: colourOf(stream, env) };
}
