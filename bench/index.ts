// `npm run bench`: runs every bench/*.bench.ts in its own process, one after another, and lets
// each print its figures. Benchmarks never assert timings; they print them for docs/performance.md and
// closing notes.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { applySafeEnv, safeEnv } from "../tools/safeEnv";

// Nothing here, nor any benchmark it starts, may reach off the machine (the one exception:
// pack.bench.ts installs its pinned comparison peer from the npm registry on first run).
applySafeEnv();
const only = process.argv.slice(2);
const files = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const r = spawnSync(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", path.join(__dirname, file)],
    {
      stdio: "inherit",
      env: safeEnv(),
      cwd: path.join(__dirname, ".."),
    },
  );
  if (r.status !== 0) {
    failed++;
    console.log(`${file} exited with ${r.status ?? r.signal}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
