/**
 * How wide the table format is and whether it is coloured: the terminal's width on a terminal,
 * COLUMNS or 80 otherwise; colour on a terminal only, never with NO_COLOR, forced by FORCE_COLOR.
 */
import * as assert from "assert";
import { displayFor } from "../../../policy-pack/audit/render/display";

const tty = (columns?: number) => ({ isTTY: true, columns });
const pipe = { isTTY: false };

describe("the table format's width and colour (displayFor)", () => {
  describe("width", () => {
    it("a terminal's own width, whatever COLUMNS says", () => {
      assert.strictEqual(displayFor(tty(132), {}).width, 132);
      assert.strictEqual(displayFor(tty(57), { COLUMNS: "200" }).width, 57);
    });

    it("not a terminal: COLUMNS when it is a positive whole number", () => {
      assert.strictEqual(displayFor(pipe, { COLUMNS: "120" }).width, 120);
      assert.strictEqual(displayFor(pipe, { COLUMNS: "1" }).width, 1);
    });

    it("not a terminal and no usable COLUMNS: 80, so piped output and CI logs do not vary", () => {
      for (const COLUMNS of [undefined, "", "0", "-5", "12.5", "wide", "80x", " 90"]) {
        assert.strictEqual(displayFor(pipe, { COLUMNS }).width, 80, String(COLUMNS));
      }
    });

    it("a terminal that reports no width (0, as a pseudo-terminal without a size does): COLUMNS, else 80", () => {
      assert.strictEqual(displayFor(tty(0), { COLUMNS: "100" }).width, 100);
      assert.strictEqual(displayFor(tty(undefined), {}).width, 80);
    });
  });

  describe("colour", () => {
    it("on a terminal only", () => {
      assert.strictEqual(displayFor(tty(80), {}).colour, true);
      assert.strictEqual(displayFor(pipe, {}).colour, false);
    });

    it("never when NO_COLOR is set to anything but the empty string (no-color.org)", () => {
      for (const NO_COLOR of ["1", "0", "false", "yes"]) {
        assert.strictEqual(displayFor(tty(80), { NO_COLOR }).colour, false, NO_COLOR);
        assert.strictEqual(displayFor(pipe, { NO_COLOR, FORCE_COLOR: "1" }).colour, false, NO_COLOR);
      }
      assert.strictEqual(displayFor(tty(80), { NO_COLOR: "" }).colour, true);
    });

    it("FORCE_COLOR forces it when piped; FORCE_COLOR=0 or false turns it off on a terminal", () => {
      for (const FORCE_COLOR of ["1", "2", "3", "true"]) {
        assert.strictEqual(displayFor(pipe, { FORCE_COLOR }).colour, true, FORCE_COLOR);
      }
      for (const FORCE_COLOR of ["0", "false"]) {
        assert.strictEqual(displayFor(tty(80), { FORCE_COLOR }).colour, false, FORCE_COLOR);
      }
      assert.strictEqual(displayFor(pipe, { FORCE_COLOR: "" }).colour, false);
    });

    it("not on a terminal that says it cannot (TERM=dumb)", () => {
      assert.strictEqual(displayFor(tty(80), { TERM: "dumb" }).colour, false);
      assert.strictEqual(displayFor(tty(80), { TERM: "xterm-256color" }).colour, true);
    });
  });
});
