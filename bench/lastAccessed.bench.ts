/**
 * `--last-accessed` at scale: 500 principals (groups, roles and users, each with a policy of
 * its own and 20 services) on fakeAws (127.0.0.1) with 50 ms added to every response, each job
 * IN_PROGRESS on its first poll (K = 1) or complete at once (K = 0). Reads the last-accessed data
 * with the real SDK (account/lastAccessed/read.ts) at several concurrencies and prints wall time,
 * calls and the ideal for that concurrency (calls x latency / concurrency), and the temporary
 * principals' listing on its own, then the whole `npm run audit -- --last-accessed` (the compiled
 * CLI in a fresh process: the account checks, the listing and the jobs). Asserts nothing.
 */
import { spawn } from "child_process";
import * as path from "path";
import { ensurePackBuilt } from "../tools/packBuild";
import { safeEnv } from "../tools/safeEnv";
import { listPrincipals } from "../policy-pack/account/lastAccessed/temporaryListing";
import { Principal, principalKinds } from "../policy-pack/account/lastAccessed/principal";
import { readLastAccessed } from "../policy-pack/account/lastAccessed/read";
import { applySafeEnv } from "../tools/safeEnv";
import { FakeAws } from "../tests/support/fakeAws";
import { PrincipalJobSpec } from "../tests/support/fakeAwsLastAccessed";

// Run directly or through bench/index.ts, nothing here may reach off the machine.
applySafeEnv();
const LATENCY_MS = 50;
const PRINCIPALS = 500;
const KEY = "AKIAIOSFODNN7EXAMPLE";
const ID = "123456789012";

const principals: Principal[] = Array.from({ length: PRINCIPALS }, (_, i) => {
  const kind = principalKinds[i % principalKinds.length];
  const name = `${kind}-${i}`;
  return { kind, name, arn: `arn:aws:iam::${ID}:${kind}/${name}`, hasPolicies: true };
});

function job(k: number): PrincipalJobSpec {
  return {
    services: Array.from({ length: 20 }, (_, i) => ({
      namespace: `svc${i}`,
      ...(i % 2 === 0 ? { lastAuthenticated: "2026-11-01T00:00:00Z" } : {}),
    })),
    pollsBeforeComplete: k,
  };
}

async function main(): Promise<void> {
  const fake = await FakeAws.start();
  fake.latencyMs = LATENCY_MS;
  const clientConfig = { endpoint: fake.url };
  try {
    console.log(
      `${PRINCIPALS} principals, fakeAws with ${LATENCY_MS} ms added to every response; ideal = calls x latency / concurrency`,
    );
    for (const k of [0, 1]) {
      for (const concurrency of [10, 20, 50]) {
        const spec = Object.fromEntries(principals.map((p) => [p.arn, job(k)]));
        fake.addAccount(KEY, { accountId: ID, lastAccessed: { principals: spec } });
        const t0 = performance.now();
        const out = await readLastAccessed(principals, { clientConfig, concurrency });
        const ms = performance.now() - t0;
        const calls = fake.total(KEY);
        const ideal = (calls * LATENCY_MS) / concurrency;
        const read = "value" in out ? out.value.filter((u) => "services" in u).length : 0;
        console.log(
          [
            `K=${k} (IN_PROGRESS polls) @ concurrency ${String(concurrency).padStart(2)}`,
            `wall ${(ms / 1000).toFixed(2)} s`,
            `${calls} calls (${(calls / PRINCIPALS).toFixed(1)}/principal)`,
            `ideal ${(ideal / 1000).toFixed(2)} s -> ${(ms / ideal).toFixed(2)}x`,
            `${read}/${PRINCIPALS} principals read`,
          ].join(" | "),
        );
      }
    }
    const spec = Object.fromEntries(principals.map((p) => [p.arn, job(0)]));
    fake.addAccount(KEY, { accountId: ID, lastAccessed: { principals: spec } });
    const t0 = performance.now();
    const listed = await listPrincipals(clientConfig, { concurrency: 10 });
    const ms = performance.now() - t0;
    const calls = fake.total(KEY);
    console.log(
      `temporary principals' listing @ concurrency 10: wall ${(ms / 1000).toFixed(2)} s | ${calls} calls | ideal ${((calls * LATENCY_MS) / 10 / 1000).toFixed(2)} s | ${"value" in listed ? listed.value.length : 0} principals`,
    );
    const packDir = path.resolve(__dirname, "../policy-pack");
    ensurePackBuilt(packDir);
    for (const k of [0, 1]) {
      const jobs = Object.fromEntries(principals.map((p) => [p.arn, job(k)]));
      fake.addAccount(KEY, { accountId: ID, lastAccessed: { principals: jobs } });
      const c0 = performance.now();
      const r = await runCli(path.join(packDir, "bin/audit/cli.js"), fake.url);
      const cliMs = performance.now() - c0;
      const all = fake.total(KEY);
      console.log(
        `npm run audit -- --last-accessed, K=${k}: wall ${(cliMs / 1000).toFixed(2)} s (process start included) | ${all} calls | ideal at concurrency 10 ${((all * LATENCY_MS) / 10 / 1000).toFixed(2)} s | exit ${r}`,
      );
    }
  } finally {
    await fake.stop();
  }
}

/** The compiled CLI in its own process (the fake keeps answering: this process is not blocked). */
function runCli(cli: string, endpoint: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "--format", "json", "--last-accessed"], {
      env: safeEnv({ AWS_ENDPOINT_URL: endpoint }),
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("error", reject);
    child.on("close", (code) => resolve(code));
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
