import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { PolicyResource, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { accountPolicyNames } from "../../../policy-pack/controls";
import { AccountFacts } from "../../../policy-pack/account/facts";
import { createAccountPolicies, memoiseReads } from "../../../policy-pack/account/policies";
import { AccountSource, readAccount } from "../../../policy-pack/account/source";
import { apiFacts, daysAgo, key, NOW, row, rootRow } from "../../support/accountFacts";

const repo = path.resolve(__dirname, "../../..");

function stackArgs(config: object = {}, resources: PolicyResource[] = []): StackValidationArgs {
  return {
    resources,
    stackTags: new Map(),
    getConfig: <T extends object>() => config as T,
    notApplicable: (reason?: string): never => {
      throw new Error(`notApplicable: ${reason}`);
    },
  };
}

/** Runs every policy as one preview does; returns each policy's diagnostics. */
async function preview(
  policies: StackValidationPolicy[],
  config: object = {},
  resources: PolicyResource[] = [],
) {
  const out: Record<string, string[]> = {};
  for (const p of policies) {
    const messages: string[] = [];
    await p.validateStack(stackArgs(config, resources), (m) => messages.push(m));
    out[p.name] = messages;
  }
  return out;
}

function counting(facts: AccountFacts) {
  const sources: AccountSource[] = [];
  return {
    sources,
    read: memoiseReads(async (s) => {
      sources.push(s);
      return facts;
    }),
  };
}

const provider = (props: Record<string, unknown>): PolicyResource =>
  ({
    type: "pulumi:providers:aws",
    urn: "urn:pulumi:dev::baseline::pulumi:providers:aws::default",
    name: "default",
    props,
    opts: {},
    isComponent: false,
    propertyDependencies: {},
    dependencies: [],
  }) as unknown as PolicyResource;

describe("the pack's account policies (in process)", () => {
  it("are the nine DESIGN.md names, advisory by default, with thresholds and remediation steps", () => {
    const policies = createAccountPolicies({
      read: counting(apiFacts()).read,
      now: () => NOW,
      baseDir: repo,
    });
    assert.deepStrictEqual(
      policies.map((p) => p.name),
      [...accountPolicyNames],
    );
    assert.ok(policies.every((p) => p.enforcementLevel === "advisory" && p.remediationSteps && p.url));
    const schema = (n: string) => policies.find((p) => p.name === n)?.configSchema?.properties ?? {};
    assert.strictEqual(schema("access-keys-rotated").maximumKeyAgeDays.default, 90);
    assert.strictEqual(schema("unused-credentials-disabled").unusedDays.default, 45);
    assert.strictEqual(schema("root-not-recently-used").windowDays.default, 1);
    assert.ok(policies.every((p) => p.configSchema?.properties.credentialReportFile?.type === "string"));
    assert.match(policies[0].description, /\(CIS 1\.3 \(v3 1\.4\), Security Hub IAM\.4, CKV_AWS_348\)$/);
  });

  it("read the account once per preview and name the account in each diagnostic", async () => {
    const facts = apiFacts({
      users: {
        value: [
          rootRow(),
          row("bob", {
            mfaActive: false,
            accessKeys: [
              key(1, daysAgo(400), daysAgo(1)),
              { number: 2, active: false, lastRotated: null, lastUsed: null },
            ],
          }),
        ],
      },
    });
    const c = counting(facts);
    const out = await preview(createAccountPolicies({ read: c.read, now: () => NOW, baseDir: repo }));
    assert.strictEqual(c.sources.length, 1);
    assert.deepStrictEqual(out["access-keys-rotated"], [
      "account 123456789012 (IAM API): bob: access key 1 last rotated 400 days ago; at most 90 allowed",
    ]);
    assert.deepStrictEqual(out["iam-users-mfa-enabled"], [
      "account 123456789012 (IAM API): bob: console password enabled without MFA; MFA is required for every user with a console password",
    ]);
    assert.deepStrictEqual(out["root-mfa-enabled"], []);
  });

  it("use each policy's thresholds from its config", async () => {
    const facts = apiFacts({
      users: {
        value: [
          rootRow(),
          row("bob", {
            accessKeys: [
              key(1, daysAgo(40), daysAgo(1)),
              { number: 2, active: false, lastRotated: null, lastUsed: null },
            ],
          }),
        ],
      },
    });
    const policies = createAccountPolicies({ read: counting(facts).read, now: () => NOW, baseDir: repo });
    assert.deepStrictEqual((await preview(policies, { maximumKeyAgeDays: 30 }))["access-keys-rotated"], [
      "account 123456789012 (IAM API): bob: access key 1 last rotated 40 days ago; at most 30 allowed",
    ]);
  });

  it("an unavailable fact gives one clear advisory per affected policy; the others still run", async () => {
    const facts = apiFacts({
      users: {
        unavailable:
          "iam:GenerateCredentialReport was denied (AccessDenied); grant iam:GenerateCredentialReport to the credentials running the check",
      },
      alternateContacts: {
        BILLING: { value: true },
        OPERATIONS: { value: true },
        SECURITY: { value: false },
      },
    });
    const out = await preview(
      createAccountPolicies({ read: counting(facts).read, now: () => NOW, baseDir: repo }),
    );
    for (const p of [
      "root-not-recently-used",
      "iam-users-mfa-enabled",
      "access-keys-rotated",
      "unused-credentials-disabled",
      "single-active-access-key",
    ]) {
      assert.deepStrictEqual(
        out[p],
        [
          "account 123456789012 (IAM API): not evaluated: iam:GenerateCredentialReport was denied (AccessDenied); grant iam:GenerateCredentialReport to the credentials running the check",
        ],
        p,
      );
    }
    assert.deepStrictEqual(out["root-mfa-enabled"], []);
    assert.match(out["security-contact-registered"][0], /no SECURITY alternate contact/);
  });

  it("say so instead of judging another account than the provider's allowedAccountIds", async () => {
    const policies = createAccountPolicies({
      read: counting(apiFacts()).read,
      now: () => NOW,
      baseDir: repo,
    });
    const out = await preview(policies, {}, [
      provider({ region: "us-east-1", allowedAccountIds: '["111111111111"]' }),
    ]);
    for (const name of accountPolicyNames) {
      assert.deepStrictEqual(out[name], [
        "the credentials running this preview are for account 123456789012, but the stack's aws provider allows only 111111111111 (allowedAccountIds); run the preview with credentials for that account; the live account checks did not judge 123456789012",
      ]);
    }
    const same = await preview(policies, {}, [provider({ allowedAccountIds: ["123456789012"] })]);
    assert.ok(Object.values(same).every((m) => m.length === 0));
    const forbidden = await preview(policies, {}, [provider({ forbiddenAccountIds: ["123456789012"] })]);
    assert.match(forbidden["root-mfa-enabled"][0], /which the stack's aws provider forbids/);
  });

  it("read a credential report file named in the config, relative to the pack folder, once", async () => {
    const reads: AccountSource[] = [];
    const read = memoiseReads((s) => {
      reads.push(s);
      return readAccount(s);
    });
    const policies = createAccountPolicies({
      read,
      now: () => new Date("2026-11-20T12:00:00Z"),
      baseDir: repo,
    });
    const out = await preview(policies, { credentialReportFile: "examples/credential-report.csv" });
    assert.strictEqual(reads.length, 1);
    assert.deepStrictEqual(reads[0], {
      kind: "file",
      path: path.join(repo, "examples/credential-report.csv"),
      displayName: "examples/credential-report.csv",
    });
    assert.deepStrictEqual(out["access-keys-rotated"], [
      "account 123456789012 (credential report examples/credential-report.csv): bob: access key 1 last rotated 400 days ago; at most 90 allowed",
      "account 123456789012 (credential report examples/credential-report.csv): erin: access key 1 last rotated 91 days ago; at most 90 allowed",
    ]);
    assert.match(
      out["root-hardware-mfa"][0],
      /not evaluated: a credential report file does not contain whether root's MFA device is hardware or virtual/,
    );
  });

  it("a report file without the <root_account> row: root policies not evaluated naming the row, user policies judged", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pack-noroot-"));
    try {
      const lines = fs.readFileSync(path.join(repo, "examples/credential-report.csv"), "utf8").split("\n");
      fs.writeFileSync(path.join(dir, "filtered.csv"), [lines[0], ...lines.slice(2)].join("\n"));
      const policies = createAccountPolicies({
        read: memoiseReads((s) => readAccount(s)),
        now: () => new Date("2026-11-20T12:00:00Z"),
        baseDir: dir,
      });
      const out = await preview(policies, { credentialReportFile: "filtered.csv" });
      const label = "account 123456789012 (credential report filtered.csv)";
      for (const p of [
        "root-access-keys-absent",
        "root-mfa-enabled",
        "root-hardware-mfa",
        "root-not-recently-used",
      ]) {
        assert.strictEqual(out[p].length, 1, p);
        assert.match(
          out[p][0],
          new RegExp(
            `^${label.replace(/[()]/g, "\\$&")}: not evaluated: the credential report has no <root_account> row`,
          ),
          p,
        );
      }
      assert.strictEqual(out["access-keys-rotated"].length, 2);
      assert.deepStrictEqual(out["single-active-access-key"], [
        `${label}: ci-deploy: access keys 1 and 2 are both active; at most 1 allowed`,
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a report file that cannot be read is one advisory per policy", async () => {
    const policies = createAccountPolicies({
      read: memoiseReads((s) => readAccount(s)),
      now: () => NOW,
      baseDir: repo,
    });
    const out = await preview(policies, { credentialReportFile: "no/such/report.csv" });
    assert.deepStrictEqual(out["single-active-access-key"], [
      "could not read the account, so single-active-access-key was not evaluated: credential report no/such/report.csv does not exist",
    ]);
    assert.strictEqual(Object.values(out).flat().length, 18);
  });

  it("importing the pack's policies does not load the AWS SDK (the pack opens its port fast)", () => {
    const script = `require(${JSON.stringify(path.join(repo, "policy-pack/policies.ts"))});
      const loaded = Object.keys(require.cache).filter((k) => k.includes("@aws-sdk") || k.includes("@smithy"));
      process.stdout.write(String(loaded.length));`;
    const r = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
      cwd: repo,
      env: process.env,
      encoding: "utf8",
    });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, "0");
  });
});
