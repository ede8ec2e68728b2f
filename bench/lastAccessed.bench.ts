/**
 * `--last-accessed` at scale: 500 principals (groups, roles and users, each with a policy of
 * its own and 20 services) on fakeAws (127.0.0.1) with 50 ms added to every response, each job
 * IN_PROGRESS on its first poll (K = 1) or complete at once (K = 0). The principals come from the
 * account's authorization snapshot, read once (as the account checks read it); then the
 * last-accessed data is read with the real SDK (account/lastAccessed/read.ts) at several
 * concurrencies, printing wall time, calls and the ideal for that concurrency (calls x latency /
 * concurrency), then the whole `npm run audit -- --last-accessed` (the compiled CLI in a fresh
 * process: the account checks, their snapshot and the jobs). Asserts nothing.
 */
import { spawn } from "child_process";
import * as path from "path";
import { ensurePackBuilt } from "../tools/packBuild";
import { safeEnv } from "../tools/safeEnv";
import { principalKinds, principalsToReview } from "../policy-pack/account/lastAccessed/principal";
import { readLastAccessed } from "../policy-pack/account/lastAccessed/read";
import { readAuthorization } from "../policy-pack/account/permissions/readSnapshot";
import { baseClientConfig } from "../policy-pack/account/readApi";
import { applySafeEnv } from "../tools/safeEnv";
import { FakeAccount, FakeAws } from "../tests/support/fakeAws";
import { PrincipalJobSpec } from "../tests/support/fakeAwsLastAccessed";
import { PermissionsSpec, readOnly, trustAccount } from "../tests/support/permissionSpec";

// Run directly or through bench/index.ts, nothing here may reach off the machine.
applySafeEnv();
const LATENCY_MS = 50;
const PRINCIPALS = 500;
const KEY = "AKIAIOSFODNN7EXAMPLE";
const ID = "123456789012";

/** PRINCIPALS groups, roles and users in turn, each with an inline policy of its own. */
function permissions(): PermissionsSpec {
  const spec = { groups: {}, roles: {}, users: {} } as Record<string, Record<string, object>>;
  for (let i = 0; i < PRINCIPALS; i++) {
    const kind = principalKinds[i % principalKinds.length];
    spec[`${kind}s`][`${kind}-${i}`] = {
      inline: { own: readOnly() },
      ...(kind === "role" ? { trust: trustAccount(true, ID) } : {}),
    };
  }
  return { ...spec, organizationsFeatures: "no-organization" };
}

function job(k: number): PrincipalJobSpec {
  return {
    services: Array.from({ length: 20 }, (_, i) => ({
      namespace: `svc${i}`,
      ...(i % 2 === 0 ? { lastAuthenticated: "2026-11-01T00:00:00Z" } : {}),
    })),
    pollsBeforeComplete: k,
  };
}

const account = (k: number): FakeAccount => ({
  accountId: ID,
  permissions: permissions(),
  lastAccessed: { otherPrincipals: job(k) },
});

async function main(): Promise<void> {
  const fake = await FakeAws.start();
  fake.latencyMs = LATENCY_MS;
  const clientConfig = { endpoint: fake.url };
  try {
    console.log(
      `${PRINCIPALS} principals, fakeAws with ${LATENCY_MS} ms added to every response; ideal = calls x latency / concurrency`,
    );
    fake.addAccount(KEY, account(0));
    const sdk = await import("@aws-sdk/client-iam");
    const iam = new sdk.IAMClient(baseClientConfig(clientConfig));
    const s0 = performance.now();
    const snapshot = await readAuthorization(iam, sdk);
    iam.destroy();
    const principals = principalsToReview(snapshot);
    console.log(
      `the authorization snapshot (read once by the account checks): ${((performance.now() - s0) / 1000).toFixed(2)} s | ${fake.total(KEY)} calls | ${principals.length} principals to review; no listing call`,
    );
    for (const k of [0, 1]) {
      for (const concurrency of [10, 20, 50]) {
        fake.addAccount(KEY, account(k));
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
    const packDir = path.resolve(__dirname, "../policy-pack");
    ensurePackBuilt(packDir);
    for (const k of [0, 1]) {
      fake.addAccount(KEY, account(k));
      const c0 = performance.now();
      const r = await runCli(path.join(packDir, "bin/audit/cli.js"), fake.url);
      const cliMs = performance.now() - c0;
      const counts = fake.counts(KEY);
      const all = fake.total(KEY);
      const jobs =
        (counts.GenerateServiceLastAccessedDetails ?? 0) + (counts.GetServiceLastAccessedDetails ?? 0);
      console.log(
        `npm run audit -- --last-accessed, K=${k}: wall ${(cliMs / 1000).toFixed(2)} s (process start included) | ${all} calls (${jobs} for the jobs, ${all - jobs} for the account checks) | ideal at concurrency 10 ${((all * LATENCY_MS) / 10 / 1000).toFixed(2)} s | exit ${r}`,
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
