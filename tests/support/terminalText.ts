/** What a terminal shows of the table format's output: colour codes removed, measured in code points. */
import * as assert from "assert";

// eslint-disable-next-line no-control-regex
const sgr = /\u001b\[[0-9;]*m/g;

/** The text without its colour (SGR) codes. */
export const stripColour = (text: string): string => text.replace(sgr, "");

/** The lines the text shows, without colour codes (no trailing empty line). */
export function visibleLines(text: string): string[] {
  const lines = stripColour(text).split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Every line is at most `width` characters once colour codes are removed, and no other escape is left. */
export function assertFits(text: string, width: number): void {
  for (const line of visibleLines(text)) {
    assert.ok(!line.includes("\u001b"), `an escape sequence other than a colour: ${JSON.stringify(line)}`);
    const n = Array.from(line).length;
    assert.ok(n <= width, `a line of ${n} characters at width ${width}: ${line}`);
  }
}
