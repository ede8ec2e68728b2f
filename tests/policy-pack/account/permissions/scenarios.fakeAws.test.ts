/**
 * The permissions review end to end: the real SDK v3 against fakeAws (AWS's XML and JSON
 * shapes), then the findings code both front ends use. A weak account has every weak subject
 * named by its policy; a good account has no finding; an action the endpoint does not implement
 * is not evaluated, naming the permission, and everything else still runs.
 */
import * as assert from "assert";
import { readAccountFromApi } from "../../../../policy-pack/account/readApi";
import { auditFacts } from "../../../../policy-pack/audit/run";
import { permissionPolicyNames } from "../../../../policy-pack/controls";
import { useFakeAws } from "../../../support/useFakeAws";
import { goodAccount, NOW, weakAccount, weakSubjects } from "../../../support/permissionScenarios";

const KEY = "AKIAIOSFODNN7EXAMPLE";
const permissionPolicies = new Set<string>(permissionPolicyNames);

describe("the permissions review against fakeAws (real SDK)", function () {
  this.timeout(30_000);
  const fakeAws = useFakeAws();
  const audit = async () => {
    const facts = await readAccountFromApi({
      clientConfig: { endpoint: fakeAws().url, region: "us-east-1" },
      initialPollMs: 10,
    });
    return auditFacts(facts, undefined, NOW).findings.filter((f) => permissionPolicies.has(f.policy));
  };

  it("names every weak subject by its policy, and nothing else", async () => {
    fakeAws().addAccount(KEY, weakAccount);
    const findings = await audit();
    assert.deepStrictEqual(
      findings.map((f) => [f.policy, f.subject, f.status]),
      weakSubjects.map(([p, s]) => [p, s, "fail"]),
    );
    const by = (p: string, s: string) => findings.find((f) => f.policy === p && f.subject === s)!.message;
    assert.match(
      by("admin-access-requires-mfa", "ops.bob"),
      /policy AdministratorAccess through group Ops, which does not enforce MFA/,
    );
    assert.match(
      by("admin-access-requires-mfa", "carol.direct"),
      /policy AdministratorAccess attached to the user directly/,
    );
    assert.match(
      by("admin-access-requires-mfa", "frank.nomfa"),
      /has no MFA device active \(groups Administrators enforce MFA\)/,
    );
    assert.match(
      by("admin-access-requires-mfa", "deployer"),
      /policy everything, and its trust policy lets arn:aws:iam::999999999999:root assume it without MFA/,
    );
    assert.match(
      by("no-access-keys-at-setup", "erin.setup"),
      /access key 1 created 2 min after the user and never used/,
    );
    assert.match(
      by("no-expired-server-certificates", "old-www"),
      /expired 2025-06-30T00:00:00Z \(508 days ago\)/,
    );
    assert.match(
      by("access-analyzer-enabled", "us-east-1"),
      /found unused \(ACCOUNT_UNUSED_ACCESS, ACTIVE\)/,
    );
    assert.match(by("centralized-root-access-enabled", "o-fake123"), /RootSessions not enabled/);
  });

  it("finds nothing on the good account", async () => {
    fakeAws().addAccount(KEY, goodAccount);
    assert.deepStrictEqual(await audit(), []);
  });

  it("reads the snapshot in pages: calls grow with pages, never with principals", async () => {
    const many = {
      ...goodAccount,
      permissions: {
        ...goodAccount.permissions,
        users: Object.fromEntries(
          Array.from({ length: 2500 }, (_, i) => [`user${i}`, { groups: ["Developers"] }]),
        ),
      },
    };
    fakeAws().addAccount(KEY, many);
    await audit();
    const counts = fakeAws().counts(KEY);
    assert.strictEqual(
      counts.GetAccountAuthorizationDetails,
      3,
      "2,500 users + 3 groups + 2 roles + 3 policies at 1,000 a page",
    );
    assert.strictEqual(counts.ListServerCertificates, 1);
    assert.strictEqual(counts.ListOrganizationsFeatures, 1);
    assert.strictEqual(counts.ListAnalyzers, 1);
  });

  it("an action the endpoint does not implement, or denies, is not evaluated naming the permission; the rest runs", async () => {
    fakeAws().addAccount(KEY, {
      ...weakAccount,
      failAlways: {
        ListOrganizationsFeatures: { code: "InvalidAction", status: 400, message: "not implemented" },
        ListAnalyzers: { code: "AccessDeniedException", status: 403, message: "denied" },
      },
    });
    const findings = await audit();
    const root = findings.find((f) => f.policy === "centralized-root-access-enabled")!;
    assert.strictEqual(root.status, "not-evaluated");
    assert.match(
      root.message,
      /^iam:ListOrganizationsFeatures is not implemented by the endpoint \(InvalidAction\)/,
    );
    const analyzer = findings.find((f) => f.policy === "access-analyzer-enabled")!;
    assert.deepStrictEqual([analyzer.status, analyzer.subject], ["not-evaluated", "us-east-1"]);
    assert.match(analyzer.message, /^access-analyzer:ListAnalyzers was denied/);
    const rest = findings.filter((f) => f.status === "fail").map((f) => [f.policy, f.subject]);
    assert.deepStrictEqual(
      rest,
      weakSubjects.filter(
        ([p]) => p !== "access-analyzer-enabled" && p !== "centralized-root-access-enabled",
      ),
    );
  });

  it("ListServerCertificates throttled past the SDK's retries: that check alone is not evaluated, saying so", async () => {
    fakeAws().addAccount(KEY, {
      ...weakAccount,
      failAlways: { ListServerCertificates: { code: "Throttling", status: 400, message: "Rate exceeded" } },
    });
    const findings = await audit();
    const certs = findings.filter((f) => f.policy === "no-expired-server-certificates");
    assert.deepStrictEqual(
      certs.map((f) => [f.status, f.subject, f.message]),
      [
        [
          "not-evaluated",
          "<account>",
          "iam:ListServerCertificates was throttled past the SDK's retries (Throttling); run the check again later",
        ],
      ],
    );
    assert.strictEqual(
      fakeAws().counts(KEY).ListServerCertificates,
      3,
      "the SDK's three attempts, then no more",
    );
    assert.strictEqual(findings.filter((f) => f.status === "fail").length, weakSubjects.length - 1);
  });

  it("a denied GetAccountAuthorizationDetails leaves only the snapshot's checks not evaluated", async () => {
    fakeAws().addAccount(KEY, {
      ...weakAccount,
      failAlways: { GetAccountAuthorizationDetails: { code: "AccessDenied", status: 403, message: "no" } },
    });
    const findings = await audit();
    const notEvaluated = findings.filter((f) => f.status === "not-evaluated").map((f) => f.policy);
    assert.deepStrictEqual(notEvaluated, [
      "admin-access-requires-mfa",
      "user-policies-via-groups-only",
      "no-custom-full-admin-policies",
      "cloudshell-full-access-restricted",
      "support-role-exists",
    ]);
    assert.ok(
      findings
        .filter((f) => f.status === "not-evaluated")
        .every((f) => /iam:GetAccountAuthorizationDetails was denied/.test(f.message)),
    );
    assert.deepStrictEqual(
      findings.filter((f) => f.status === "fail").map((f) => f.policy),
      [
        "no-access-keys-at-setup",
        "no-expired-server-certificates",
        "access-analyzer-enabled",
        "centralized-root-access-enabled",
      ],
    );
  });
});
