import * as assert from "assert";
import { PassThrough } from "stream";
import { startSpinner } from "../../policy-pack/audit/spinner";

/** A stream that records what is written, posing as a terminal or not. */
function stream(isTTY: boolean): NodeJS.WriteStream & { written: () => string } {
  const s = new PassThrough() as unknown as NodeJS.WriteStream & { written: () => string };
  let text = "";
  s.on("data", (d: Buffer) => (text += d.toString()));
  Object.assign(s, {
    isTTY,
    columns: 80,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  });
  s.written = () => text;
  return s;
}

describe("the audit's progress indicator", () => {
  it("writes nothing when stderr is not a terminal (CI logs, pipes)", async () => {
    const s = stream(false);
    const spinner = startSpinner("Waiting for IAM", s);
    spinner.start();
    spinner.stop();
    await new Promise((r) => setImmediate(r));
    assert.strictEqual(s.written(), "");
  });

  it("spins on a terminal while the report generates, and clears itself when stopped", async () => {
    const s = stream(true);
    const spinner = startSpinner("Waiting for IAM to generate the credential report", s);
    spinner.start();
    spinner.start();
    spinner.stop();
    await new Promise((r) => setImmediate(r));
    assert.match(s.written(), /Waiting for IAM to generate the credential report/);
  });
});
