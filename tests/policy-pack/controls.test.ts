/**
 * The controls table against the benchmark texts: CIS AWS Foundations v5.0.0 ids with v3.0's
 * beside them, Security Hub ids, and the one deliberate departure said in the description.
 */
import * as assert from "assert";
import { PolicyName, controlIds, describe as describePolicy } from "../../policy-pack/controls";

describe("controls", () => {
  const expected: [PolicyName, string[]][] = [
    ["password-policy-minimum-length", ["CIS 1.7 (v3 1.8)", "Security Hub IAM.15", "CKV_AWS_10"]],
    ["password-policy-reuse-prevention", ["CIS 1.8 (v3 1.9)", "Security Hub IAM.16", "CKV_AWS_13"]],
    ["alternate-contacts-complete", ["CIS 1.2", "Security Hub Account.1"]],
    ["console-users-no-access-keys", ["CIS 1.10 (v3 1.11)"]],
    ["iam-policies-via-groups-only", ["CIS 1.14 (v3 1.15)", "Security Hub IAM.2", "CKV_AWS_40"]],
    ["admin-policy-only-on-mfa-group", []],
    ["root-access-keys-absent", ["CIS 1.3 (v3 1.4)", "Security Hub IAM.4", "CKV_AWS_348"]],
    ["root-mfa-enabled", ["CIS 1.4 (v3 1.5)", "Security Hub IAM.9"]],
    ["root-hardware-mfa", ["CIS 1.5 (v3 1.6)", "Security Hub IAM.6"]],
    ["root-not-recently-used", ["CIS 1.6 (v3 1.7)"]],
    ["iam-users-mfa-enabled", ["CIS 1.9 (v3 1.10)", "Security Hub IAM.5"]],
    ["unused-credentials-disabled", ["CIS 1.11 (v3 1.12)", "Security Hub IAM.22", "Security Hub IAM.8"]],
    ["single-active-access-key", ["CIS 1.12 (v3 1.13)"]],
    ["access-keys-rotated", ["CIS 1.13 (v3 1.14)", "Security Hub IAM.3"]],
    ["security-contact-registered", ["CIS 1.2", "Security Hub Account.1"]],
  ];
  for (const [policy, ids] of expected) {
    it(`${policy} cites ${ids.join(", ") || "no control it does not implement"}`, () => {
      assert.deepStrictEqual(controlIds(policy), ids);
    });
  }

  it("admin-policy-only-on-mfa-group says it departs from CIS v5 1.15 / v3 1.16 and CKV_AWS_274, and why", () => {
    const d = describePolicy(
      "admin-policy-only-on-mfa-group",
      "Full administrative privileges are granted only through a group that enforces MFA.",
    );
    assert.strictEqual(
      d,
      "Full administrative privileges are granted only through a group that enforces MFA. It deliberately departs " +
        'from CIS 1.15 (v3 1.16) and CKV_AWS_274: they fail any policy allowing "*" on "*", and the baseline\'s ' +
        "Administrators group holds AdministratorAccess on purpose, so that named people, not the root user, " +
        "administer the account; instead this policy requires such rights to come only from a group whose " +
        "policies deny everything but MFA self-service on the member's own user until they sign in with MFA.",
    );
  });
});
