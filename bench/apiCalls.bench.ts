/**
 * API calls per account for 10 and 5,000 IAM users, against fakeAws on 127.0.0.1 with the real
 * SDK v3: this project's read (one credential report, a fixed set of account calls and the
 * authorization snapshot's pages) versus the
 * per-user approach AWSGuard takes (ListUsers, then ListAccessKeys and ListMFADevices for every
 * user), implemented here only to be counted. Prints both counts, the ratio and the local wall
 * time; asserts nothing. (Against real IAM the per-user calls also meet IAM's request throttling.)
 */
import { applySafeEnv } from "../tools/safeEnv";
import {
  IAMClient,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  ListUsersCommand,
} from "@aws-sdk/client-iam";
import pLimit from "p-limit";
import { readAccountFromApi } from "../policy-pack/account/readApi";
import { generatedUsers } from "../tests/support/credentialReport";
import { FakeAws } from "../tests/support/fakeAws";

// Run directly or through bench/index.ts, nothing here may reach off the machine.
applySafeEnv();
const KEY = "AKIAIOSFODNN7EXAMPLE";
const now = new Date("2026-11-20T12:00:00Z");

/** The per-user approach: every user listed, then two calls per user (10 in flight). */
async function perUser(endpoint: string): Promise<void> {
  const iam = new IAMClient({ endpoint, region: "us-east-1" });
  const names: string[] = [];
  let marker: string | undefined;
  do {
    const page = await iam.send(new ListUsersCommand({ Marker: marker, MaxItems: 1000 }));
    names.push(...(page.Users ?? []).map((u) => u.UserName ?? ""));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  const limit = pLimit(10);
  await Promise.all(
    names.flatMap((UserName) => [
      limit(() => iam.send(new ListAccessKeysCommand({ UserName }))),
      limit(() => iam.send(new ListMFADevicesCommand({ UserName }))),
    ]),
  );
  iam.destroy();
}

async function measure(fake: FakeAws, users: number, virtualMfa: boolean, run: () => Promise<unknown>) {
  fake.addAccount(KEY, {
    accountId: "123456789012",
    users: generatedUsers(users, now),
    usersVirtualMfa: virtualMfa,
    now,
  });
  const t0 = performance.now();
  await run();
  return { calls: fake.total(KEY), ms: performance.now() - t0 };
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const fake = await FakeAws.start();
  try {
    const ours = () => readAccountFromApi({ clientConfig: { endpoint: fake.url }, initialPollMs: 10 });
    const theirs = () => perUser(fake.url);
    console.log("users   this project (calls, ms)   per-user approach (calls, ms)   ratio");
    for (const users of [10, 5000]) {
      const a = await measure(fake, users, false, ours);
      const b = await measure(fake, users, false, theirs);
      console.log(
        `${String(users).padStart(5)}   ${String(a.calls).padStart(6)} calls ${a.ms.toFixed(0).padStart(6)} ms   ${String(b.calls).padStart(8)} calls ${b.ms.toFixed(0).padStart(7)} ms   ${(b.calls / a.calls).toFixed(1)}x`,
      );
    }
    const v = await measure(fake, 5000, true, ours);
    console.log(
      `with 3,750 of 5,000 users holding virtual MFA devices, ListVirtualMFADevices pages (1,000 per page) add up to: ${v.calls} calls (${v.ms.toFixed(0)} ms)`,
    );
  } finally {
    await fake.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
