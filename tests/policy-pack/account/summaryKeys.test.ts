/**
 * GetAccountSummary answered without some of the keys the root checks read (moto's server has no
 * AccountPasswordPresent): the keys that are there are used; a check that needs a missing one is
 * not evaluated, naming it; nothing passes or fails on a guess.
 */
import * as assert from "assert";
import { AccountSummary } from "../../../policy-pack/account/facts";
import { evaluatePolicy, defaultRuleSettings } from "../../../policy-pack/account/findings";
import { AccountFacts } from "../../../policy-pack/account/facts";
import { apiFacts, NOW, rootRow } from "../../support/accountFacts";

type RootPolicy = "root-access-keys-absent" | "root-mfa-enabled" | "root-hardware-mfa";
const run = (policy: RootPolicy, facts: AccountFacts) =>
  evaluatePolicy(policy, facts, defaultRuleSettings, NOW).map((f) => `${f.status}: ${f.message}`);
const withSummary = (value: AccountSummary, extra: Partial<AccountFacts> = {}) =>
  apiFacts({ summary: { value }, ...extra });

describe("root checks over a GetAccountSummary without some keys", () => {
  it("no AccountPasswordPresent, MFA enabled: root-mfa-enabled and the key check still judge", () => {
    const facts = withSummary({ accountAccessKeysPresent: true, accountMfaEnabled: true });
    assert.deepStrictEqual(run("root-mfa-enabled", facts), []);
    assert.deepStrictEqual(run("root-access-keys-absent", facts), [
      "fail: <root_account>: the root user has an access key, active or inactive (GetAccountSummary AccountAccessKeysPresent = 1); the root user must have no access keys",
    ]);
  });

  it("no AccountPasswordPresent, no MFA, no key: not evaluated naming the key, never a pass for 'credentials removed'", () => {
    const facts = withSummary({ accountAccessKeysPresent: false, accountMfaEnabled: false });
    const expected =
      "not-evaluated: the root user has no MFA, but iam:GetAccountSummary did not return AccountPasswordPresent, so whether root still has credentials to protect is unknown";
    assert.deepStrictEqual(run("root-mfa-enabled", facts), [expected]);
    assert.deepStrictEqual(run("root-hardware-mfa", facts), [expected]);
  });

  it("no AccountPasswordPresent but an active root key in the report: root has credentials, so no MFA fails", () => {
    const facts = withSummary(
      { accountAccessKeysPresent: true, accountMfaEnabled: false },
      {
        users: {
          value: [
            rootRow({
              accessKeys: [
                { number: 1, active: true, lastRotated: NOW, lastUsed: null },
                { number: 2, active: false, lastRotated: null, lastUsed: null },
              ],
            }),
          ],
        },
      },
    );
    assert.deepStrictEqual(run("root-mfa-enabled", facts), [
      "fail: <root_account>: MFA is not enabled for the root user (GetAccountSummary AccountMFAEnabled = 0)",
    ]);
  });

  it("no AccountMFAEnabled: root-mfa-enabled falls back to the report's root row", () => {
    const facts = withSummary(
      { accountAccessKeysPresent: false, accountPasswordPresent: true },
      { users: { value: [rootRow({ mfaActive: false })] } },
    );
    assert.deepStrictEqual(run("root-mfa-enabled", facts), [
      "fail: <root_account>: MFA is not enabled for the root user (mfa_active is false)",
    ]);
  });

  it("no AccountMFAEnabled and no report: not evaluated naming the key", () => {
    const facts = withSummary(
      { accountAccessKeysPresent: false, accountPasswordPresent: true },
      { users: { unavailable: "iam:GenerateCredentialReport was denied" } },
    );
    assert.deepStrictEqual(run("root-mfa-enabled", facts), [
      "not-evaluated: iam:GetAccountSummary did not return AccountMFAEnabled",
    ]);
  });

  it("no AccountAccessKeysPresent and no report: root-access-keys-absent is not evaluated naming the key", () => {
    const facts = withSummary(
      { accountMfaEnabled: true, accountPasswordPresent: true },
      { users: { unavailable: "iam:GenerateCredentialReport was denied" } },
    );
    assert.deepStrictEqual(run("root-access-keys-absent", facts), [
      "not-evaluated: iam:GetAccountSummary did not return AccountAccessKeysPresent",
    ]);
  });
});
