/**
 * The audit's output at any size: the compiled CLI on generated credential reports of 5,000,
 * 20,000 and 200,000 users, in every format, stdout to /dev/null; wall time of the whole process
 * (read, parse, evaluate, render, write) and its peak RSS. Target: 20,000 users under 2 s per
 * format, and time linear in the users. Prints figures; asserts nothing.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { formats } from "../policy-pack/audit/render";
import { credentialReportCsv, generatedUsers } from "../tests/support/credentialReport";
import { ensurePackBuilt } from "../tools/packBuild";
import { applySafeEnv, safeEnv } from "../tools/safeEnv";

// Run directly or through bench/index.ts, nothing here may reach off the machine.
applySafeEnv();
const sizes = [5_000, 20_000, 200_000];
const root = path.resolve(__dirname, "..");
const packDir = path.join(root, "policy-pack");
const now = new Date("2026-11-20T12:00:00Z");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bench-output-"));

ensurePackBuilt(packDir);
// The CLI's own main, then its peak RSS on fd 3 once it has written everything.
const probe = `
const { main } = require(${JSON.stringify(path.join(packDir, "bin/audit/cli.js"))});
main(process.argv.slice(1)).then((code) => {
  require("fs").writeSync(3, JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }));
  process.exitCode = code;
});`;

function run(file: string, format: string): { ms: number; rssMb: number; code: number } {
  const out = fs.openSync("/dev/null", "w");
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    ["-e", probe, "--", "--credential-report", file, "--format", format, "--now", now.toISOString()],
    { env: safeEnv(), stdio: ["ignore", out, "pipe", "pipe"], encoding: "utf8" },
  );
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  fs.closeSync(out);
  const reported = r.output[3];
  if (!reported)
    throw new Error(`audit ${format} on ${file} ended with ${r.status ?? r.signal}: ${r.stderr}`);
  const { code, maxRssKb } = JSON.parse(reported) as { code: number; maxRssKb: number };
  return { ms, rssMb: maxRssKb / 1024, code };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log("users    format    wall time (median)  peak RSS  exit");
for (const users of sizes) {
  const file = path.join(tmp, `report-${users}.csv`);
  fs.writeFileSync(file, credentialReportCsv("123456789012", {}, generatedUsers(users, now)));
  const runs = users > 20_000 ? 1 : 3;
  for (const format of formats) {
    const results = Array.from({ length: runs }, () => run(file, format));
    const ms = median(results.map((r) => r.ms));
    const rss = Math.max(...results.map((r) => r.rssMb));
    console.log(
      `${String(users).padStart(7)}  ${format.padEnd(8)}  ${`${(ms / 1000).toFixed(2)} s`.padStart(18)}  ${`${rss.toFixed(0)} MB`.padStart(8)}  ${results[0].code}`,
    );
  }
  fs.rmSync(file);
}
fs.rmSync(tmp, { recursive: true, force: true });
