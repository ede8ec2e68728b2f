/**
 * `npm run test:e2e`: the end-to-end tier under the real Pulumi CLI on PATH (built by
 * `bash ../shared/engine/build.sh`). Without one it fails, naming what to do; with
 * `--if-engine` (how `npm test` calls it) it says plainly that it skipped the tier and exits 0.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { pulumiOnPath } from "./support/engine";
import { engineHint } from "./support/scenario";

const pulumi = pulumiOnPath();
if (pulumi === undefined) {
  if (process.argv.includes("--if-engine")) {
    process.stderr.write(`e2e tier SKIPPED: no \`pulumi\` on PATH (to run it: ${engineHint})\n`);
    process.exit(0);
  }
  process.stderr.write(`test:e2e: no \`pulumi\` on PATH: ${engineHint}\n`);
  process.exit(1);
}
const version = spawnSync(pulumi, ["version"], { encoding: "utf8" }).stdout.trim();
process.stderr.write(`e2e tier: the real engine, pulumi ${version} at ${pulumi}\n`);
const mocha = require.resolve("mocha/bin/mocha.js");
const result = spawnSync(process.execPath, [mocha, "--timeout", "600000", "tests/e2e/**/*.e2e.ts"], {
  cwd: path.resolve(__dirname, "../.."),
  stdio: "inherit",
});
process.exit(result.status ?? 1);
