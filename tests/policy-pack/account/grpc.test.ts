/**
 * The compiled pack's account policies, started as the engine starts the pack and driven over
 * gRPC (tools/packClient.ts), pointed at a credential report file by pack config: the way
 * `pulumi preview --policy-pack policy-pack --policy-pack-config cfg.json` runs them.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { accountPolicyNames } from "../../../policy-pack/controls";
import { ensurePackBuilt } from "../../../tools/packBuild";
import {
  AnalyzerInfo,
  PackClient,
  PolicyPackConfigFile,
  ResourceInput,
  defaultPackDir,
  reconcilePolicyConfig,
  startPack,
} from "../../../tools/packClient";
import { credentialReportCsv } from "../../support/credentialReport";
import { byPolicy, resourcesOff } from "../../support/packDiagnostics";

const repo = path.resolve(__dirname, "../../..");

/** Ages relative to the real clock: the pack measures against the current time. */
const ago = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "+00:00");
const report = credentialReportCsv(
  "123456789012",
  { mfa: false, keys: [{ active: true, lastRotated: ago(800) }] },
  [
    {
      name: "bob",
      createdAt: ago(900),
      mfa: false,
      password: { lastUsed: ago(2), lastChanged: ago(30) },
      keys: [{ active: true, lastRotated: ago(400), lastUsed: ago(1) }],
    },
    { name: "alice", createdAt: ago(900), mfa: true, password: { lastUsed: ago(1), lastChanged: ago(30) } },
  ],
);

const withReport = (file: string): PolicyPackConfigFile => ({
  ...resourcesOff,
  ...Object.fromEntries(accountPolicyNames.map((n) => [n, { properties: { credentialReportFile: file } }])),
});

const awsProvider = (allowed: string[]): ResourceInput => ({
  type: "pulumi:providers:aws",
  name: "default_7_48_0",
  properties: { region: "us-east-1", allowedAccountIds: JSON.stringify(allowed) },
});

describe("the compiled pack's account policies over gRPC, reading a credential report file", function () {
  this.timeout(90_000);
  let pack: PackClient;
  let info: AnalyzerInfo;
  let reportFile: string;

  before(async () => {
    ensurePackBuilt(defaultPackDir);
    reportFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pack-report-")), "credential-report.csv");
    fs.writeFileSync(reportFile, report);
    pack = await startPack();
    info = await pack.getAnalyzerInfo();
  });
  after(async () => {
    await pack?.close();
    fs.rmSync(path.dirname(reportFile), { recursive: true, force: true });
  });

  it("lists the eighteen account policies with their thresholds and the report-file key", () => {
    const byName = new Map(info.policies.map((p) => [p.name, p]));
    for (const n of accountPolicyNames) {
      const p = byName.get(n);
      assert.strictEqual(p?.policyType, "stack", n);
      assert.strictEqual(p?.enforcementLevel, "advisory", n);
      assert.ok(p?.configSchema?.properties.credentialReportFile, n);
      assert.match(p?.url ?? "", /^https:\/\/docs\.aws\.amazon\.com\//);
    }
    assert.strictEqual(
      byName.get("access-keys-rotated")?.configSchema?.properties.maximumKeyAgeDays.default,
      90,
    );
    assert.strictEqual(
      byName.get("no-access-keys-at-setup")?.configSchema?.properties.setupWindowMinutes.default,
      60,
    );
    assert.deepStrictEqual(
      byName.get("access-analyzer-enabled")?.configSchema?.properties.regions.default,
      [],
    );
  });

  it("AnalyzeStack reports each finding once, naming the account and the report", async () => {
    await pack.configure(reconcilePolicyConfig(info.policies, withReport(reportFile)));
    const { diagnostics } = await pack.analyzeStack([awsProvider(["123456789012"])]);
    const got = byPolicy(diagnostics);
    const label = `account 123456789012 (credential report ${reportFile})`;
    assert.deepStrictEqual(got["root-access-keys-absent"], [
      `${label}: <root_account>: access key 1 (active) is present; the root user must have no access keys, active or inactive (delete it)`,
    ]);
    assert.deepStrictEqual(got["root-mfa-enabled"], [
      `${label}: <root_account>: MFA is not enabled for the root user (mfa_active is false)`,
    ]);
    // root has no MFA at all (mfa_active false): no hardware device either, whatever the report cannot say
    assert.deepStrictEqual(got["root-hardware-mfa"], [
      `${label}: <root_account>: the root user has no MFA device; a hardware MFA device is required`,
    ]);
    assert.deepStrictEqual(got["iam-users-mfa-enabled"], [
      `${label}: bob: console password enabled without MFA; MFA is required for every user with a console password`,
    ]);
    assert.deepStrictEqual(got["access-keys-rotated"], [
      `${label}: bob: access key 1 last rotated 400 days ago; at most 90 allowed`,
    ]);
    assert.strictEqual(got["single-active-access-key"], undefined);
    assert.strictEqual(got["unused-credentials-disabled"], undefined);
    assert.ok(diagnostics.every((d) => d.enforcementLevel === "advisory"));
  });

  it("thresholds from the config file reach the policies", async () => {
    const cfg = withReport(reportFile);
    await pack.configure(
      reconcilePolicyConfig(info.policies, {
        ...cfg,
        "access-keys-rotated": { properties: { credentialReportFile: reportFile, maximumKeyAgeDays: 500 } },
      }),
    );
    const got = byPolicy((await pack.analyzeStack([])).diagnostics);
    assert.strictEqual(got["access-keys-rotated"], undefined);
  });

  it("resolves a relative report path against the pack folder, the engine's working directory", async () => {
    const rel = path.relative(defaultPackDir, path.join(repo, "examples/credential-report.csv"));
    await pack.configure(reconcilePolicyConfig(info.policies, withReport(rel)));
    const got = byPolicy((await pack.analyzeStack([])).diagnostics);
    assert.match(
      got["single-active-access-key"][0],
      /^account 123456789012 \(credential report \.\.\/examples\/credential-report\.csv\): ci-deploy: access keys 1 and 2 are both active/,
    );
  });

  it("says so instead of judging an account the stack's provider does not allow", async () => {
    await pack.configure(reconcilePolicyConfig(info.policies, withReport(reportFile)));
    const got = byPolicy((await pack.analyzeStack([awsProvider(["999999999999"])])).diagnostics);
    assert.deepStrictEqual(Object.keys(got).sort(), [...accountPolicyNames].sort());
    for (const messages of Object.values(got)) {
      assert.deepStrictEqual(messages, [
        "the credentials running this preview are for account 123456789012, but the stack's aws provider allows only 999999999999 (allowedAccountIds); run the preview with credentials for that account; the live account checks did not judge 123456789012",
      ]);
    }
  });

  it("an unreadable report file is one advisory per account policy, and the pack keeps serving", async () => {
    await pack.configure(reconcilePolicyConfig(info.policies, withReport("/no/such/report.csv")));
    const { diagnostics } = await pack.analyzeStack([]);
    assert.strictEqual(diagnostics.length, 18);
    assert.match(
      diagnostics[0].message,
      /could not read the account, so .* was not evaluated: credential report \/no\/such\/report\.csv does not exist/,
    );
    assert.ok(pack.port > 0);
  });
});
