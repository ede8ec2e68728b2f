/**
 * The pack starts without the AWS SDK: the engine loads the compiled pack (index.js -> every
 * policy, config/guardedPolicy, the permission and last-accessed policies) for every preview, and
 * the SDK's clients cost start-up time and memory that a stack with no account policy enabled
 * never needs. A fresh node process requires the pack's entry, lists the `@aws-sdk/` and
 * `@smithy/` packages in require.cache, then runs one live policy (its read fails fast against
 * the loopback endpoint that refuses connections) and lists them again: the second list shows
 * the probe sees the SDK once it is loaded.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import { ensurePackBuilt } from "../../tools/packBuild";
import { defaultPackDir } from "../../tools/packClient";
import { safeEnv } from "../../tools/safeEnv";

const probe = `
const path = require("path");
const sdk = () => [...new Set(Object.keys(require.cache)
  .filter((k) => /[\\\\/]node_modules[\\\\/]@(aws-sdk|smithy)[\\\\/]/.test(k))
  .map((k) => k.replace(/^.*[\\\\/]node_modules[\\\\/]/, "").split(/[\\\\/]/).slice(0, 2).join("/")))].sort();
require(path.resolve("bin/index.js"));
const atStart = sdk();
const { policies } = require(path.resolve("bin/policies.js"));
const live = policies.find((p) => p.name === "root-access-keys-absent");
const args = { resources: [], stackTags: new Map(), getConfig: () => ({}) };
Promise.resolve(live.validateStack(args, () => undefined)).then(
  () => { process.stderr.write(JSON.stringify({ atStart, afterLive: sdk() }) + "\\n"); process.exit(0); },
  (e) => { process.stderr.write(String(e) + "\\n"); process.exit(1); },
);
`;

describe("the pack's start-up path", function () {
  this.timeout(120_000);

  it("loads no AWS SDK module until a live policy runs", () => {
    ensurePackBuilt(defaultPackDir);
    // The pack's index prints its analyzer port on stdout; the probe reports on stderr.
    const r = spawnSync(process.execPath, ["-e", probe], {
      cwd: defaultPackDir,
      env: safeEnv(),
      encoding: "utf8",
      timeout: 60_000,
    });
    assert.strictEqual(r.status, 0, r.stderr);
    const { atStart, afterLive } = JSON.parse(r.stderr.trim().split("\n").pop() ?? "{}") as {
      atStart: string[];
      afterLive: string[];
    };
    assert.deepStrictEqual(atStart, []);
    assert.ok(afterLive.includes("@aws-sdk/client-iam"), JSON.stringify(afterLive));
  });
});
