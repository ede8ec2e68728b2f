/**
 * Scenario 4 of the e2e tier: a config mistake under the real engine is one clear error naming
 * each field once (no stack trace, no dump of the error's fields), the command fails, and
 * nothing is registered with the provider.
 */
import * as assert from "assert";
import { Workspace } from "./support/engine";
import {
  assertExit,
  count,
  diagnosticsSection,
  example,
  packDir,
  readConfig,
  requireEngine,
} from "./support/scenario";

const STACK = "mistake";
const messages = [
  "passwordPolicy.minimumLength must be an integer from 6 to 128; got 5",
  "passwordPolicy.reusePrevention must be an integer from 1 to 24; got 30",
];

describe("e2e: a config mistake", function () {
  this.timeout(600_000);
  let ws: Workspace;

  before(async () => {
    requireEngine();
    ws = new Workspace();
    const config = readConfig(example);
    const policy = config["aws-account-baseline:passwordPolicy"] as object;
    await ws.initStack(STACK, {
      ...config,
      "aws-account-baseline:passwordPolicy": { ...policy, minimumLength: 5, reusePrevention: 30 },
    });
  });
  after(() => ws?.remove());

  it("fails `pulumi up` with each problem named once, no stack trace, nothing registered", async () => {
    const result = await ws.pulumi([
      "up",
      "--stack",
      STACK,
      "--policy-pack",
      packDir,
      "--yes",
      "--skip-preview",
    ]);
    assert.notStrictEqual(result.code, 0, result.output);
    assert.ok(result.code !== null, "the engine exited by itself");
    const diagnostics = diagnosticsSection(result.output);
    for (const message of messages) assert.strictEqual(count(diagnostics, message), 1, result.output);
    assert.doesNotMatch(result.output, /unhandled exception/);
    assert.doesNotMatch(result.output, /^\s+at /m, "no stack frames");
    assert.doesNotMatch(result.output, /issues:|ValidationError/);
    assert.match(diagnostics, /error: passwordPolicy\.minimumLength must be/);
    const asked = ws.takeJournal().filter((e) => ["check", "create", "update", "delete"].includes(e.op));
    assert.deepStrictEqual(asked, [], "the provider was asked to do nothing");
    const state = JSON.parse(ws.stateFile(STACK)) as {
      checkpoint: { latest?: { resources?: { type: string }[] } };
    };
    const registered = (state.checkpoint.latest?.resources ?? [])
      .map((r) => r.type)
      .filter((t) => t !== "pulumi:pulumi:Stack");
    assert.deepStrictEqual(registered, []);
  });

  it("fails `pulumi preview` the same way, with the engine's error exit code", async () => {
    const result = await ws.pulumi(["preview", "--stack", STACK, "--policy-pack", packDir]);
    assertExit(result, 255);
    const diagnostics = diagnosticsSection(result.output);
    for (const message of messages) assert.strictEqual(count(diagnostics, message), 1, result.output);
    assert.doesNotMatch(result.output, /^\s+at /m, "no stack frames");
  });
});
