/**
 * Scenario 4 of the e2e tier: a config mistake under the real engine is one clear error naming
 * each field once (no stack trace, no dump of the error's fields), the command fails, and
 * nothing is registered with the provider.
 */
import * as assert from "assert";
import { RunResult } from "./support/engine";
import { assertExit, count, diagnosticsSection, exampleWith, scenario } from "./support/scenario";

const STACK = "mistake";
const messages = [
  "passwordPolicy.minimumLength must be an integer from 6 to 128; got 5",
  "passwordPolicy.reusePrevention must be an integer from 1 to 24; got 30",
];
const policy = exampleWith()["aws-account-baseline:passwordPolicy"] as object;

/** Each message once in the engine's diagnostics, and nothing that looks like a crash. */
function assertOneCleanError(result: RunResult): void {
  const diagnostics = diagnosticsSection(result.output);
  for (const message of messages) assert.strictEqual(count(diagnostics, message), 1, result.output);
  assert.match(diagnostics, /error: passwordPolicy\.minimumLength must be/);
  assert.doesNotMatch(result.output, /unhandled exception/);
  assert.doesNotMatch(result.output, /^\s+at /m, "no stack frames");
  assert.doesNotMatch(result.output, /issues:|ValidationError/);
}

describe("e2e: a config mistake", function () {
  this.timeout(600_000);
  const s = scenario({
    [STACK]: exampleWith({ passwordPolicy: { ...policy, minimumLength: 5, reusePrevention: 30 } }),
  });

  it("fails `pulumi up` with each problem named once, no stack trace, nothing registered", async () => {
    const result = await s.ws.up(STACK);
    assertExit(result, 255);
    assertOneCleanError(result);
    const asked = s.ws.takeJournal().filter((e) => ["check", "create", "update", "delete"].includes(e.op));
    assert.deepStrictEqual(asked, [], "the provider was asked to do nothing");
    const registered = s.ws.stateResources(STACK).filter((r) => r.type !== "pulumi:pulumi:Stack");
    assert.deepStrictEqual(registered, []);
  });

  it("fails `pulumi preview` the same way", async () => {
    const result = await s.ws.preview(STACK);
    assertExit(result, 255);
    assertOneCleanError(result);
  });
});
