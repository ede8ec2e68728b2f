import { FakeAws } from "./tests/support/fakeAws";
import { AMBIENT_KEY } from "./tests/support/fakeOrganization";
import { runAudit } from "./tests/audit/cliRunner";
import { applySafeEnv } from "./tools/safeEnv";
applySafeEnv();
(async () => {
  const fake = await FakeAws.start();
  const mode = process.argv[2];
  const spec: any = { accountId: "123456789012", users: [], contacts: ["SECURITY"], passwordPolicy: null };
  if (mode === "hang") spec.neverAnswer = true;
  if (mode === "html") spec.htmlAnswer = true;
  fake.addAccount(AMBIENT_KEY, spec);
  const t = Date.now();
  const r = await runAudit(["--format", "json", ...process.argv.slice(3)], { AWS_ENDPOINT_URL: fake.url });
  console.log(mode, process.argv.slice(3).join(" "), "exit", r.code, "ms", Date.now() - t, "stderr:", r.stderr.trim().slice(0, 300));
  await fake.stop();
})();
