/**
 * Parse + evaluate a generated 5,000-user credential report (IAM's per-account user limit):
 * median wall time over repeated runs, and peak memory of a fresh Node.js process that does it
 * once with the compiled pack (what `npm run audit` runs), against a bare Node.js process.
 * Targets: under 150 ms, under 150 MB. Prints figures; asserts nothing.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { evaluate } from "../policy-pack/account/findings";
import { factsFromReport } from "../policy-pack/account/readCsv";
import { credentialReportCsv, generatedUsers } from "../tests/support/credentialReport";
import { ensurePackBuilt } from "../tools/packBuild";
import { applySafeEnv, safeEnv } from "../tools/safeEnv";

// Run directly or through bench/index.ts, nothing here may reach off the machine.
applySafeEnv();
const USERS = 5000;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const root = path.resolve(__dirname, "..");
const packDir = path.join(root, "policy-pack");
const now = new Date("2026-11-20T12:00:00Z");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const csv = credentialReportCsv("123456789012", {}, generatedUsers(USERS, now));
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-report-")), "credential-report.csv");
fs.writeFileSync(file, csv);
console.log(`report: ${USERS} users + root, ${(Buffer.byteLength(csv) / 1024).toFixed(0)} KiB`);

// Warm up the JIT, then time parse + evaluate of the in-memory bytes, as the audit does after reading.
const bytes = fs.readFileSync(file);
let findings = 0;
for (let i = 0; i < 5; i++) findings = evaluate(factsFromReport(bytes, file), undefined, now).length;
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = process.hrtime.bigint();
  evaluate(factsFromReport(bytes, file), undefined, now);
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const cold: number[] = [];
console.log(`findings: ${findings}`);

// Peak memory, and the first (cold) run, in fresh processes running the compiled pack.
ensurePackBuilt(packDir);
const probe = `
const t0 = process.hrtime.bigint();
const { factsFromReport } = require(${JSON.stringify(path.join(packDir, "bin/account/readCsv.js"))});
const { evaluate } = require(${JSON.stringify(path.join(packDir, "bin/account/findings.js"))});
const facts = factsFromReport(require("fs").readFileSync(process.argv[1]), "r.csv");
const n = evaluate(facts, undefined, new Date(${JSON.stringify(now.toISOString())})).length;
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(JSON.stringify({ n, ms, maxRssKb: process.resourceUsage().maxRSS }));`;
const bare = spawnSync(
  process.execPath,
  ["-e", "process.stdout.write(String(process.resourceUsage().maxRSS))"],
  {
    env: safeEnv(),
    encoding: "utf8",
  },
);
const rss: number[] = [];
for (let i = 0; i < 5; i++) {
  const r = spawnSync(process.execPath, ["-e", probe, file], { env: safeEnv(), encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  const out = JSON.parse(r.stdout) as { n: number; ms: number; maxRssKb: number };
  rss.push(out.maxRssKb / 1024);
  cold.push(out.ms);
}
const bareMb = Number(bare.stdout) / 1024;

// The whole command, as a user runs it (compiled CLI, JSON to a pipe).
const cli: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      path.join(packDir, "bin/audit/cli.js"),
      "--credential-report",
      file,
      "--format",
      "json",
      "--now",
      now.toISOString(),
    ],
    {
      env: safeEnv(),
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  cli.push(Number(process.hrtime.bigint() - t0) / 1e6);
  if (r.status !== 1) throw new Error(`audit exited ${r.status}: ${r.stderr}`);
}

const pass = (v: number, target: number) => (v < target ? "meets" : "MISSES");
const m = median(times);
const peak = Math.max(...rss);
console.log(
  `parse + evaluate, warm (median of ${RUNS}): ${m.toFixed(1)} ms  [target < 150 ms: ${pass(m, 150)}]`,
);
console.log(
  `parse + evaluate incl. loading the modules, fresh process (median of 5): ${median(cold).toFixed(1)} ms`,
);
console.log(
  `peak RSS of that process: ${peak.toFixed(1)} MB (bare node: ${bareMb.toFixed(1)} MB; added ${(peak - bareMb).toFixed(1)} MB)  [target < 150 MB: ${pass(peak, 150)}]`,
);
console.log(
  `npm run audit -- --format json on it, whole process (median of 5): ${median(cli).toFixed(0)} ms`,
);
