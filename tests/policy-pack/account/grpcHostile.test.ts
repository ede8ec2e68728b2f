/**
 * The compiled pack, started as the engine starts it and driven over gRPC, with the real SDK
 * pointed at fakeAws (AWS_ENDPOINT_URL) answering as hostile networks do. The pack must answer
 * AnalyzeStack within the account deadline whatever AWS does, invent nothing, report what it
 * could not judge as its config says (fail closed by default), and keep the SDK's Node.js
 * version warning out of its stderr (which the engine shows as diagnostics) on its own.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AccountPolicyName, accountPolicyNames } from "../../../policy-pack/controls";
import {
  AnalyzerInfo,
  PackClient,
  PolicyPackConfigFile,
  reconcilePolicyConfig,
} from "../../../tools/packClient";
import { credentialReportCsv } from "../../support/credentialReport";
import { FakeAccount, FakeAws } from "../../support/fakeAws";
import { AMBIENT_KEY } from "../../support/fakeOrganization";
import { byPolicy, resourcesOff, startPackOnFakeAws, stopPackOnFakeAws } from "../../support/packDiagnostics";

const account: FakeAccount = {
  accountId: "123456789012",
  users: [],
  contacts: ["BILLING", "OPERATIONS"],
  passwordPolicy: null,
};

/** Every account policy with `entry`, the resource policies off. */
const accountConfig = (entry: Record<string, unknown>, level?: "mandatory"): PolicyPackConfigFile => ({
  ...resourcesOff,
  ...Object.fromEntries(
    accountPolicyNames.map((n) => [n, { ...(level ? { enforcementLevel: level } : {}), properties: entry }]),
  ),
});

describe("the compiled pack over gRPC against hostile endpoints", function () {
  this.timeout(90_000);
  let fake: FakeAws;
  let pack: PackClient;
  let info: AnalyzerInfo;

  before(async () => {
    const env = { ...process.env };
    delete env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
    ({ fake, pack, info } = await startPackOnFakeAws(env));
  });
  after(() => stopPackOnFakeAws({ fake, pack }));

  /** A fresh read per test: the pack memoises per source, so each test uses its own deadline value. */
  async function analyze(config: PolicyPackConfigFile) {
    await pack.configure(reconcilePolicyConfig(info.policies, config));
    const t = Date.now();
    const result = await pack.analyzeStack([]);
    return { ...result, ms: Date.now() - t };
  }

  it("never answering: AnalyzeStack returns within the account deadline, every policy not evaluated naming the call and the deadline", async () => {
    fake.addAccount(AMBIENT_KEY, { ...account, neverAnswer: true });
    const { diagnostics, ms } = await analyze(accountConfig({ accountDeadlineSeconds: 2 }));
    assert.ok(ms < 5000, `AnalyzeStack took ${ms} ms`);
    const got = byPolicy(diagnostics);
    assert.deepStrictEqual(Object.keys(got).sort(), [...accountPolicyNames].sort());
    for (const [policy, messages] of Object.entries(got)) {
      assert.strictEqual(messages.length, 1, policy);
      assert.match(
        messages[0],
        /^account \(id unknown\) \((IAM|Account) API\): not evaluated: \S+ had not answered when the 2 s deadline for reading the account passed \(accountDeadlineSeconds\)$/,
        policy,
      );
    }
    assert.ok(diagnostics.every((d) => d.enforcementLevel === "advisory"));
  });

  it("keeps the AWS SDK's Node.js version warning out of its stderr without help from the environment", () => {
    assert.doesNotMatch(pack.stderr(), /NodeVersionSupportWarning/);
  });

  it("HTML pages with HTTP 200: nothing is judged, nothing invented", async () => {
    fake.addAccount(AMBIENT_KEY, { ...account, htmlAnswer: true });
    const { diagnostics } = await analyze(accountConfig({ accountDeadlineSeconds: 3 }));
    const got = byPolicy(diagnostics);
    assert.deepStrictEqual(Object.keys(got).sort(), [...accountPolicyNames].sort());
    for (const [policy, messages] of Object.entries(got)) {
      assert.deepStrictEqual(
        messages.map((m) => /: not evaluated: .*not AWS's answer/.test(m)),
        [true],
        `${policy}: ${messages.join(" | ")}`,
      );
    }
  });

  it("a mandatory policy that cannot read the account fails closed by default: the diagnostic is mandatory", async () => {
    fake.addAccount(AMBIENT_KEY, { ...account, neverAnswer: true });
    const { diagnostics } = await analyze(accountConfig({ accountDeadlineSeconds: 1 }, "mandatory"));
    assert.strictEqual(diagnostics.length, accountPolicyNames.length);
    assert.ok(diagnostics.every((d) => d.enforcementLevel === "mandatory"));
  });

  it('unreadableAccount "advisory": a mandatory policy reports the unread account as advisory, and still fails on findings', async () => {
    fake.addAccount(AMBIENT_KEY, { ...account, neverAnswer: ["GetAlternateContact"] });
    const config = accountConfig({ accountDeadlineSeconds: 4, unreadableAccount: "advisory" }, "mandatory");
    const { diagnostics } = await analyze(config);
    const security = diagnostics.filter((d) => d.policyName === "security-contact-registered");
    assert.strictEqual(security.length, 1);
    assert.strictEqual(security[0].enforcementLevel, "advisory");
    assert.match(
      security[0].message,
      /^The account has a SECURITY alternate contact\..*\n.*not evaluated: account:GetAlternateContact/s,
    );
    const judged = diagnostics.filter(
      (d) => d.policyName === "iam-users-mfa-enabled" || d.policyName === "root-mfa-enabled",
    );
    assert.ok(judged.length === 0 || judged.every((d) => d.enforcementLevel === "mandatory"));
  });

  it("the security contact is read from the Account API and says so", async () => {
    fake.addAccount(AMBIENT_KEY, account);
    const got = byPolicy((await analyze(accountConfig({ accountDeadlineSeconds: 5 }))).diagnostics);
    assert.deepStrictEqual(got["security-contact-registered"], [
      "account 123456789012 (Account API): account 123456789012: no SECURITY alternate contact is registered; AWS sends security notifications to it",
    ]);
  });

  it("policies sharing one report file each name it as their own config spells it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pack-spelling-"));
    try {
      fs.writeFileSync(path.join(dir, "report.csv"), credentialReportCsv("123456789012", { mfa: false }, []));
      const spelled: Partial<Record<AccountPolicyName, string>> = {
        "root-mfa-enabled": path.join(dir, "report.csv"),
        // The same file, spelled another way (path.join would normalise it away).
        "root-hardware-mfa": `${dir}${path.sep}.${path.sep}report.csv`,
      };
      const config: PolicyPackConfigFile = {
        ...resourcesOff,
        ...Object.fromEntries(
          accountPolicyNames.map((n) => [
            n,
            { properties: { credentialReportFile: spelled[n] ?? spelled["root-mfa-enabled"] } },
          ]),
        ),
      };
      assert.notStrictEqual(spelled["root-hardware-mfa"], spelled["root-mfa-enabled"]);
      const got = byPolicy((await analyze(config)).diagnostics);
      assert.match(
        got["root-mfa-enabled"][0],
        new RegExp(`\\(credential report ${spelled["root-mfa-enabled"]}\\)`),
      );
      assert.ok(
        got["root-hardware-mfa"][0].includes(`(credential report ${spelled["root-hardware-mfa"]})`),
        got["root-hardware-mfa"][0],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
