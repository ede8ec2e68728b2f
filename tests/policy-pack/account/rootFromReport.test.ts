/**
 * The root checks over a credential report file, as CIS v5 1.3/1.4 and Security Hub IAM.4/6/9
 * define them: any root key fails (active or not), a root without credentials (password_enabled
 * false, no key) passes the MFA checks, and a report without root's row leaves the root checks
 * not evaluated, naming that row, while every user check still runs.
 */
import * as assert from "assert";
import { accountPolicyNames } from "../../../policy-pack/controls";
import { evaluate, evaluatePolicy, defaultRuleSettings } from "../../../policy-pack/account/findings";
import { factsFromReport } from "../../../policy-pack/account/readCsv";
import { credentialReportCsv, RootSpec, UserSpec } from "../../support/credentialReport";
import { NOW } from "../../support/accountFacts";

const ACCOUNT = "123456789012";
const rootPolicies = [
  "root-access-keys-absent",
  "root-mfa-enabled",
  "root-hardware-mfa",
  "root-not-recently-used",
];
const bob: UserSpec = {
  name: "bob",
  createdAt: "2021-06-14T12:00:00+00:00",
  password: { lastUsed: "2026-11-18T17:20:00+00:00", lastChanged: "2026-10-01T12:00:00+00:00" },
  mfa: false,
};
const facts = (root: RootSpec, shape = {}) =>
  factsFromReport(credentialReportCsv(ACCOUNT, root, [bob], shape), "r.csv");
const findings = (root: RootSpec, policy: string, shape = {}) =>
  evaluatePolicy(
    policy as (typeof accountPolicyNames)[number],
    facts(root, shape),
    defaultRuleSettings,
    NOW,
  ).map((f) => `${f.status}: ${f.message}`);
const removed: RootSpec = { passwordEnabled: false, mfa: false };

describe("root checks from a credential report file", () => {
  it("a root whose credentials were removed (password_enabled false, no MFA, no key) passes root-mfa-enabled and root-hardware-mfa", () => {
    assert.deepStrictEqual(findings(removed, "root-mfa-enabled"), []);
    assert.deepStrictEqual(findings(removed, "root-hardware-mfa"), []);
    assert.deepStrictEqual(findings(removed, "root-access-keys-absent"), []);
  });

  it("root without a password but with a key, even inactive, is not credential-less: MFA still fails, saying why", () => {
    const withKey: RootSpec = {
      ...removed,
      keys: [{ active: false, lastRotated: "2020-01-01T00:00:00+00:00" }],
    };
    assert.deepStrictEqual(findings(withKey, "root-mfa-enabled"), [
      "fail: <root_account>: MFA is not enabled for the root user (mfa_active is false; password_enabled is false but access key 1 (inactive) is present, so root still has a credential)",
    ]);
    assert.deepStrictEqual(findings(withKey, "root-access-keys-absent"), [
      "fail: <root_account>: access key 1 (inactive) is present; the root user must have no access keys, active or inactive (delete it)",
    ]);
    assert.deepStrictEqual(findings(withKey, "root-hardware-mfa"), [
      "fail: <root_account>: the root user has no MFA device; a hardware MFA device is required",
    ]);
  });

  it("root with a password (not_supported, as AWS writes it) and no MFA fails both MFA checks; with MFA, hardware is not evaluated", () => {
    assert.deepStrictEqual(findings({ mfa: false }, "root-mfa-enabled"), [
      "fail: <root_account>: MFA is not enabled for the root user (mfa_active is false)",
    ]);
    assert.strictEqual(
      findings({ mfa: false }, "root-hardware-mfa")[0],
      "fail: <root_account>: the root user has no MFA device; a hardware MFA device is required",
    );
    assert.deepStrictEqual(findings({ mfa: true }, "root-mfa-enabled"), []);
    assert.match(findings({ mfa: true }, "root-hardware-mfa")[0], /^not-evaluated: .*hardware or virtual/);
  });

  it("a report without the <root_account> row: every root check not evaluated naming the row, every user check judged", () => {
    const all = evaluate(facts({}, { withoutRoot: true }), defaultRuleSettings, NOW);
    const root = all.filter((f) => rootPolicies.includes(f.policy));
    assert.deepStrictEqual(
      root.map((f) => [f.policy, f.status, f.subject]),
      rootPolicies.map((p) => [p, "not-evaluated", "<root_account>"]),
    );
    for (const f of root) assert.match(f.message, /the credential report has no <root_account> row/);
    assert.deepStrictEqual(
      all.filter((f) => f.status === "fail").map((f) => `${f.policy} ${f.subject}`),
      ["iam-users-mfa-enabled bob"],
    );
    assert.strictEqual(facts({}, { withoutRoot: true }).accountId, ACCOUNT);
  });
});
