import { spawn } from "child_process";
import { FakeAws, errors } from "./tests/support/fakeAws";
import { AMBIENT_KEY, addOrganization, memberIds } from "./tests/support/fakeOrganization";
import { applySafeEnv } from "./tools/safeEnv";
applySafeEnv();
const run = (args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<{ code: number | null; stderr: string; ms: number }>((resolve) => {
    const t = Date.now();
    const c = spawn(process.execPath, ["policy-pack/bin/audit/cli.js", ...args], { env: { ...process.env, ...env } });
    let stderr = "";
    c.stderr.on("data", (d) => (stderr += d));
    c.stdout.resume();
    c.on("close", (code) => resolve({ code, stderr, ms: Date.now() - t }));
  });
(async () => {
  const fake = await FakeAws.start();
  const base: any = { accountId: "123456789012", users: [], contacts: ["SECURITY"], passwordPolicy: null };
  const cases: [string, any, string[]][] = [
    ["never answering, defaults", { neverAnswer: true }, []],
    ["never answering, --account-deadline-seconds 2", { neverAnswer: true }, ["--account-deadline-seconds", "2"]],
    ["HTML 200 (well-formed), defaults", { htmlAnswer: true }, []],
    ["report state FAILED, defaults", { reportState: "FAILED" }, []],
    ["LimitExceeded always, defaults (60 s wait)", { failAlways: { GenerateCredentialReport: errors.limitExceeded } }, []],
  ];
  const only = process.argv[2];
  for (const [name, extra, args] of cases) {
    if (only && !name.startsWith(only)) continue;
    fake.addAccount(AMBIENT_KEY, { ...base, ...extra });
    const r = await run(["--format", "json", ...args], { AWS_ENDPOINT_URL: fake.url });
    console.log(`${name}: exit ${r.code}, ${(r.ms / 1000).toFixed(1)} s, stderr: ${r.stderr.trim()}`);
  }
  if (!only || only === "org") {
    for (const args of [[], ["--account-deadline-seconds", "2"]]) {
      const members = memberIds(4);
      addOrganization(fake, { members, overrides: { [members[1]]: { neverAnswer: true }, [members[2]]: { htmlAnswer: true } } });
      const r = await run(["--organization", "--format", "json", ...args], { AWS_ENDPOINT_URL: fake.url });
      console.log(`org of 5, one member never answering, one HTML ${args.join(" ") || "defaults"}: exit ${r.code}, ${(r.ms / 1000).toFixed(1)} s`);
    }
  }
  await fake.stop();
})();
