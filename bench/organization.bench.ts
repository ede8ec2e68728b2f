/**
 * The organization-wide audit at scale: an organization of up to 1,000 accounts on fakeAws
 * (127.0.0.1) with 50 ms added to every response, audited by the compiled CLI (`npm run audit
 * -- --organization --format json`, what users run) in a fresh process per run, its output
 * piped and discarded. Prints, per run: wall time, AWS calls, the ideal the issue states
 * (calls x latency / concurrency) and the ideal given each account's dependent calls (AssumeRole,
 * then GenerateCredentialReport -> GetCredentialReport with the rest in parallel: 3 round trips),
 * and the process's peak memory (RSS and sampled heap) at 100, 500, 1,000 and 2,000 accounts, which
 * must stay flat since results are streamed. Asserts nothing.
 */
import { spawn } from "child_process";
import * as path from "path";
import { ensurePackBuilt } from "../tools/packBuild";
import { applySafeEnv, safeEnv } from "../tools/safeEnv";
import { FakeAws } from "../tests/support/fakeAws";
import { addOrganization, memberIds } from "../tests/support/fakeOrganization";

// Run directly or through bench/index.ts, nothing here may reach off the machine.
applySafeEnv();
const LATENCY_MS = 50;
const root = path.resolve(__dirname, "..");
const packDir = path.join(root, "policy-pack");
const cli = path.join(packDir, "bin/audit/cli.js");
const ROUND_TRIPS_PER_ACCOUNT = 3;

/** Runs the CLI's main in this child, sampling the heap; reports its own figures on fd 3. */
const probe = `
const fs = require("fs");
let peakHeap = 0;
const sample = () => { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed); };
const timer = setInterval(sample, 20);
const t0 = process.hrtime.bigint();
require(${JSON.stringify(cli)}).main(process.argv.slice(1)).then((code) => {
  clearInterval(timer); sample();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage();
  fs.writeSync(3, JSON.stringify({ code, ms, peakHeap, maxRssKb: process.resourceUsage().maxRSS, cpuMs: (cpu.user + cpu.system) / 1000 }));
});`;

interface Run {
  readonly accounts: number;
  readonly concurrency: number;
  readonly code: number;
  readonly wallMs: number;
  readonly auditMs: number;
  readonly calls: number;
  readonly outputBytes: number;
  readonly maxRssMb: number;
  readonly peakHeapMb: number;
  readonly cpuMs: number;
  readonly fakeCpuMs: number;
}

function runAudit(fake: FakeAws, accounts: number, concurrency: number): Promise<Run> {
  addOrganization(fake, { members: memberIds(accounts - 1) });
  const before = fake.grandTotal();
  const fakeCpu = process.cpuUsage();
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    ["-e", probe, "--", "--organization", "--format", "json", "--concurrency", String(concurrency)],
    { env: safeEnv({ AWS_ENDPOINT_URL: fake.url }), stdio: ["ignore", "pipe", "pipe", "pipe"] },
  );
  let outputBytes = 0;
  let stderr = "";
  let stats = "";
  child.stdout?.on("data", (d: Buffer) => (outputBytes += d.length));
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  (child.stdio[3] as NodeJS.ReadableStream).on("data", (d: Buffer) => (stats += d.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", () => {
      const wallMs = performance.now() - t0;
      if (!stats) return reject(new Error(`the audit child reported nothing: ${stderr}`));
      const s = JSON.parse(stats) as {
        code: number;
        ms: number;
        peakHeap: number;
        maxRssKb: number;
        cpuMs: number;
      };
      const c = process.cpuUsage(fakeCpu);
      resolve({
        accounts,
        concurrency,
        code: s.code,
        wallMs,
        auditMs: s.ms,
        calls: fake.grandTotal() - before,
        outputBytes,
        maxRssMb: s.maxRssKb / 1024,
        peakHeapMb: s.peakHeap / 1024 / 1024,
        cpuMs: s.cpuMs,
        fakeCpuMs: (c.user + c.system) / 1000,
      });
    });
  });
}

function report(r: Run): void {
  const statedIdeal = (r.calls * LATENCY_MS) / r.concurrency;
  const pathIdeal = (r.accounts * ROUND_TRIPS_PER_ACCOUNT * LATENCY_MS) / r.concurrency;
  console.log(
    [
      `${String(r.accounts).padStart(5)} accounts @ ${String(r.concurrency).padStart(3)}`,
      `audit ${(r.auditMs / 1000).toFixed(2).padStart(6)} s (process ${(r.wallMs / 1000).toFixed(2)} s)`,
      `${r.calls} calls (${(r.calls / r.accounts).toFixed(1)}/account)`,
      `ideal calls x latency / concurrency ${(statedIdeal / 1000).toFixed(2)} s -> ${(r.auditMs / statedIdeal).toFixed(2)}x [target <= 1.5x: ${r.auditMs <= 1.5 * statedIdeal ? "meets" : "MISSES"}]`,
      `dependent-path ideal ${(pathIdeal / 1000).toFixed(2)} s -> ${(r.auditMs / pathIdeal).toFixed(2)}x`,
      `CPU: audit ${(r.cpuMs / 1000).toFixed(1)} s, fakeAws ${(r.fakeCpuMs / 1000).toFixed(1)} s`,
      `peak RSS ${r.maxRssMb.toFixed(0)} MB, heap ${r.peakHeapMb.toFixed(0)} MB`,
      `output ${(r.outputBytes / 1024).toFixed(0)} KiB, exit ${r.code}`,
    ].join(" | "),
  );
}

async function main(): Promise<void> {
  ensurePackBuilt(packDir);
  const fake = await FakeAws.start();
  fake.latencyMs = LATENCY_MS;
  try {
    console.log(
      `fakeAws with ${LATENCY_MS} ms added to every response; the compiled CLI, JSON piped and discarded`,
    );
    console.log("memory at concurrency 20 (flat = results streamed):");
    const runs: Run[] = [];
    for (const n of [100, 500, 1000, 2000]) {
      const r = await runAudit(fake, n, 20);
      runs.push(r);
      report(r);
    }
    const rss = runs.map((r) => r.maxRssMb);
    console.log(
      `peak RSS from 100 to 2,000 accounts: ${rss.map((x) => x.toFixed(0)).join(" / ")} MB (spread ${(Math.max(...rss) - Math.min(...rss)).toFixed(0)} MB) [target flat]`,
    );
    console.log("how far one process goes (1,000 accounts):");
    for (const c of [50, 100]) report(await runAudit(fake, 1000, c));
  } finally {
    await fake.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
