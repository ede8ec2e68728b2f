import * as assert from "assert";
import { startSpinner } from "../../policy-pack/audit/spinner";
import { recordingStream } from "../support/ttyStream";

const stream = (isTTY: boolean) => recordingStream(isTTY);

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
