import * as assert from "assert";
import { AccountFacts, ReportUser } from "../../../policy-pack/account/facts";
import { Finding } from "../../../policy-pack/account/finding";
import {
  auditPolicyNames,
  AuditPolicyName,
  defaultRuleSettings,
  evaluate,
  evaluatePolicy,
  RuleSettings,
} from "../../../policy-pack/account/findings";
import { factsFromReport } from "../../../policy-pack/account/readCsv";
import { apiFacts, daysAgo, key, NOW, row, rootRow } from "../../support/accountFacts";

const run = (policy: AuditPolicyName, facts: AccountFacts, settings: RuleSettings = defaultRuleSettings) =>
  evaluatePolicy(policy, facts, settings, NOW);
const withUsers = (...users: ReportUser[]) => apiFacts({ users: { value: [rootRow(), ...users] } });
const messages = (fs: Finding[]) => fs.map((f) => `${f.status} ${f.subject}: ${f.message}`);
const withThreshold = (t: Partial<RuleSettings["thresholds"]>): RuleSettings => ({
  ...defaultRuleSettings,
  thresholds: { ...defaultRuleSettings.thresholds, ...t },
});
const noKeys = { number: 2 as const, active: false, lastRotated: null, lastUsed: null };

describe("account rules (fixed clock 2026-11-20T12:00Z)", () => {
  it("a compliant account has no finding under any audited policy", () => {
    assert.deepStrictEqual(evaluate(apiFacts(), defaultRuleSettings, NOW), []);
  });

  describe("access-keys-rotated", () => {
    it("passes a key rotated 90 days ago and fails 91, naming user, key and figure", () => {
      assert.deepStrictEqual(
        run("access-keys-rotated", withUsers(row("bob", { accessKeys: [key(1, daysAgo(90.9)), noKeys] }))),
        [],
      );
      const [f, ...rest] = run(
        "access-keys-rotated",
        withUsers(row("bob", { accessKeys: [key(1, daysAgo(91)), noKeys] })),
      );
      assert.deepStrictEqual(rest, []);
      assert.deepStrictEqual(f, {
        policy: "access-keys-rotated",
        status: "fail",
        severity: "medium",
        subject: "bob",
        message: "bob: access key 1 last rotated 91 days ago; at most 90 allowed",
        controls: ["CIS 1.13 (v3 1.14)", "Security Hub IAM.3"],
      });
    });

    it("reports the issue's example and both stale keys in one finding", () => {
      const bob = row("bob", { accessKeys: [key(1, daysAgo(400)), key(2, daysAgo(120))] });
      assert.deepStrictEqual(messages(run("access-keys-rotated", withUsers(bob))), [
        "fail bob: bob: access key 1 last rotated 400 days ago, access key 2 last rotated 120 days ago; at most 90 allowed",
      ]);
    });

    it("ignores inactive keys and follows a configured maximum on both sides", () => {
      const old = { ...key(1, daysAgo(400)), active: false };
      assert.deepStrictEqual(
        run("access-keys-rotated", withUsers(row("bob", { accessKeys: [old, noKeys] }))),
        [],
      );
      const settings = withThreshold({ "access-keys-rotated": { maximumKeyAgeDays: 30 } });
      const at = (d: number) => withUsers(row("bob", { accessKeys: [key(1, daysAgo(d)), noKeys] }));
      assert.deepStrictEqual(run("access-keys-rotated", at(30), settings), []);
      assert.deepStrictEqual(messages(run("access-keys-rotated", at(31), settings)), [
        "fail bob: bob: access key 1 last rotated 31 days ago; at most 30 allowed",
      ]);
    });

    it("does not judge root (root-access-keys-absent does)", () => {
      const facts = apiFacts({ users: { value: [rootRow({ accessKeys: [key(1, daysAgo(900)), noKeys] })] } });
      assert.deepStrictEqual(run("access-keys-rotated", facts), []);
    });
  });

  describe("unused-credentials-disabled", () => {
    const pw = (lastUsed: ReportUser["passwordLastUsed"], lastChanged = daysAgo(300)) =>
      withUsers(row("carol", { passwordLastUsed: lastUsed, passwordLastChanged: lastChanged }));

    it("passes a password used 44 days ago and fails 45", () => {
      assert.deepStrictEqual(run("unused-credentials-disabled", pw(daysAgo(44.99))), []);
      assert.deepStrictEqual(messages(run("unused-credentials-disabled", pw(daysAgo(45)))), [
        "fail carol: carol: console password last used 45 days ago; credentials unused for 45 days or more must be disabled",
      ]);
    });

    it("counts a never-used password (no_information) from when it was set: 44 passes, 45 fails", () => {
      assert.deepStrictEqual(run("unused-credentials-disabled", pw("no_information", daysAgo(44))), []);
      assert.deepStrictEqual(
        messages(run("unused-credentials-disabled", pw("no_information", daysAgo(45)))),
        [
          "fail carol: carol: console password never used (set 45 days ago); credentials unused for 45 days or more must be disabled",
        ],
      );
    });

    it("says no_information may mean unused since 2014-10-20 only for a password set before that day", () => {
      const before = new Date("2014-02-11T10:00:00Z");
      assert.match(
        run("unused-credentials-disabled", pw("no_information", before))[0].message,
        /^carol: console password not used since IAM began recording sign-ins on 2014-10-20, if ever \(set 4665 days ago\);/,
      );
      const thisYear = new Date("2026-05-04T09:00:00Z");
      assert.match(
        run("unused-credentials-disabled", pw("no_information", thisYear))[0].message,
        /^carol: console password never used \(set 200 days ago\);/,
      );
    });

    it("judges active keys by last use, and never-used keys from rotation: 44/45 days", () => {
      const used = (d: number) =>
        withUsers(
          row("ci", { passwordEnabled: false, accessKeys: [key(1, daysAgo(60), daysAgo(d)), noKeys] }),
        );
      assert.deepStrictEqual(run("unused-credentials-disabled", used(44)), []);
      assert.deepStrictEqual(messages(run("unused-credentials-disabled", used(45))), [
        "fail ci: ci: access key 1 last used 45 days ago; credentials unused for 45 days or more must be disabled",
      ]);
      const never = (d: number) =>
        withUsers(row("ci", { passwordEnabled: false, accessKeys: [key(1, daysAgo(d)), noKeys] }));
      assert.deepStrictEqual(run("unused-credentials-disabled", never(44)), []);
      assert.deepStrictEqual(messages(run("unused-credentials-disabled", never(45))), [
        "fail ci: ci: access key 1 never used (created 45 days ago); credentials unused for 45 days or more must be disabled",
      ]);
    });

    it("ignores disabled passwords and inactive keys, however old", () => {
      const u = row("frank", {
        passwordEnabled: false,
        passwordLastUsed: daysAgo(900),
        accessKeys: [{ ...key(1, daysAgo(900), daysAgo(900)), active: false }, noKeys],
      });
      assert.deepStrictEqual(run("unused-credentials-disabled", withUsers(u)), []);
    });

    it("follows a configured number of days on both sides", () => {
      const settings = withThreshold({ "unused-credentials-disabled": { unusedDays: 90 } });
      assert.deepStrictEqual(run("unused-credentials-disabled", pw(daysAgo(89)), settings), []);
      assert.strictEqual(run("unused-credentials-disabled", pw(daysAgo(90)), settings).length, 1);
    });
  });

  describe("iam-users-mfa-enabled", () => {
    it("fails a console user without MFA, passes with MFA or without a password", () => {
      assert.deepStrictEqual(
        messages(run("iam-users-mfa-enabled", withUsers(row("dave", { mfaActive: false })))),
        [
          "fail dave: dave: console password enabled without MFA; MFA is required for every user with a console password",
        ],
      );
      assert.deepStrictEqual(run("iam-users-mfa-enabled", withUsers(row("dave"))), []);
      assert.deepStrictEqual(
        run("iam-users-mfa-enabled", withUsers(row("svc", { mfaActive: false, passwordEnabled: false }))),
        [],
      );
    });
  });

  describe("single-active-access-key", () => {
    it("fails two active keys, passes one", () => {
      const two = row("ci", { accessKeys: [key(1, daysAgo(1)), key(2, daysAgo(1))] });
      assert.deepStrictEqual(messages(run("single-active-access-key", withUsers(two))), [
        "fail ci: ci: access keys 1 and 2 are both active; at most 1 allowed",
      ]);
      assert.deepStrictEqual(
        run("single-active-access-key", withUsers(row("ci", { accessKeys: [key(1, daysAgo(1)), noKeys] }))),
        [],
      );
    });
  });

  describe("root-access-keys-absent", () => {
    it("fails any root key present, active or inactive, naming each and whether it is active", () => {
      const inactive = { ...key(1, daysAgo(900)), active: false };
      const at = (...accessKeys: [ReportUser["accessKeys"][0], ReportUser["accessKeys"][1]]) =>
        messages(run("root-access-keys-absent", apiFacts({ users: { value: [rootRow({ accessKeys })] } })));
      assert.deepStrictEqual(at(noKeys, key(2, daysAgo(5))), [
        "fail <root_account>: <root_account>: access key 2 (active) is present; the root user must have no access keys, active or inactive (delete it)",
      ]);
      assert.deepStrictEqual(at(inactive, noKeys), [
        "fail <root_account>: <root_account>: access key 1 (inactive) is present; the root user must have no access keys, active or inactive (delete it)",
      ]);
      assert.deepStrictEqual(at(inactive, key(2, daysAgo(5))), [
        "fail <root_account>: <root_account>: access keys 1 (inactive) and 2 (active) are present; the root user must have no access keys, active or inactive (delete them)",
      ]);
      assert.deepStrictEqual(at({ ...noKeys, number: 1 }, noKeys), []);
    });

    it("fails from GetAccountSummary AccountAccessKeysPresent = 1 alone", () => {
      const facts = apiFacts({
        summary: {
          value: { accountAccessKeysPresent: true, accountMfaEnabled: true, accountPasswordPresent: true },
        },
      });
      assert.deepStrictEqual(messages(run("root-access-keys-absent", facts)), [
        "fail <root_account>: <root_account>: the root user has an access key, active or inactive (GetAccountSummary AccountAccessKeysPresent = 1); the root user must have no access keys",
      ]);
    });

    it("is not evaluated when neither the report nor the summary was read", () => {
      const facts = apiFacts({
        users: { unavailable: "iam:GenerateCredentialReport was denied" },
        summary: { unavailable: "x" },
      });
      assert.deepStrictEqual(messages(run("root-access-keys-absent", facts)), [
        "not-evaluated <root_account>: iam:GenerateCredentialReport was denied",
      ]);
    });
  });

  describe("root-mfa-enabled", () => {
    const summary = (mfa: boolean, password: boolean, keys = false) => ({
      value: { accountMfaEnabled: mfa, accountPasswordPresent: password, accountAccessKeysPresent: keys },
    });

    it("uses GetAccountSummary: root without a password but with a key and no MFA still fails", () => {
      const facts = apiFacts({
        summary: summary(false, false, true),
        users: { value: [rootRow({ mfaActive: true })] },
      });
      assert.deepStrictEqual(messages(run("root-mfa-enabled", facts)), [
        "fail <root_account>: <root_account>: MFA is not enabled for the root user (GetAccountSummary AccountMFAEnabled = 0)",
      ]);
    });

    it("passes root whose credentials Organizations removed (no password, no keys)", () => {
      assert.deepStrictEqual(run("root-mfa-enabled", apiFacts({ summary: summary(false, false) })), []);
      assert.deepStrictEqual(run("root-hardware-mfa", apiFacts({ summary: summary(false, false) })), []);
    });

    it("does not take root for credential-less while the report row shows an active root key", () => {
      const facts = apiFacts({
        summary: summary(false, false, false),
        users: { value: [rootRow({ accessKeys: [key(1, daysAgo(3)), noKeys] })] },
      });
      assert.strictEqual(run("root-mfa-enabled", facts)[0].status, "fail");
    });

    it("falls back to the report row's mfa_active when reading a file", () => {
      const facts = apiFacts({
        summary: { unavailable: "file" },
        users: { value: [rootRow({ mfaActive: false })] },
      });
      assert.strictEqual(run("root-mfa-enabled", facts)[0].status, "fail");
      const ok = apiFacts({
        summary: { unavailable: "file" },
        users: { value: [rootRow({ mfaActive: true })] },
      });
      assert.deepStrictEqual(run("root-mfa-enabled", ok), []);
    });
  });

  describe("root-hardware-mfa", () => {
    it("fails a virtual device assigned to root, naming it", () => {
      const facts = apiFacts({
        rootVirtualMfaDevices: { value: ["arn:aws:iam::123456789012:mfa/root-phone"] },
      });
      assert.deepStrictEqual(messages(run("root-hardware-mfa", facts)), [
        "fail <root_account>: <root_account>: virtual MFA device arn:aws:iam::123456789012:mfa/root-phone is assigned to the root user; a hardware MFA device is required",
      ]);
    });

    it("fails root with no MFA at all, passes hardware only", () => {
      const none = apiFacts({
        summary: {
          value: { accountMfaEnabled: false, accountPasswordPresent: true, accountAccessKeysPresent: false },
        },
      });
      assert.match(run("root-hardware-mfa", none)[0].message, /has no MFA device/);
      assert.deepStrictEqual(run("root-hardware-mfa", apiFacts()), []);
    });

    it("is not evaluated from a credential report file, with the reason", () => {
      const csv =
        "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date\n<root_account>,arn:aws:iam::123456789012:root,2019-01-01T00:00:00+00:00,not_supported,N/A,not_supported,true,false,N/A,N/A,false,N/A,N/A\n";
      const [f] = run("root-hardware-mfa", factsFromReport(csv, "r.csv"));
      assert.strictEqual(f.status, "not-evaluated");
      assert.match(f.message, /hardware or virtual.*iam:ListVirtualMFADevices/);
    });
  });

  describe("root-not-recently-used", () => {
    it("fails root used within the 1-day default window and passes a day later", () => {
      const at = (d: number) => apiFacts({ users: { value: [rootRow({ passwordLastUsed: daysAgo(d) })] } });
      assert.deepStrictEqual(messages(run("root-not-recently-used", at(0.5))), [
        "fail <root_account>: <root_account>: root password used 0 days ago (2026-11-20T00:00:00Z); the root user must not be used within the last 1 day",
      ]);
      assert.deepStrictEqual(run("root-not-recently-used", at(1)), []);
    });

    it("counts root access key use, and follows a configured window on both sides", () => {
      const settings = withThreshold({ "root-not-recently-used": { windowDays: 7 } });
      const at = (d: number) =>
        apiFacts({
          users: {
            value: [
              rootRow({ accessKeys: [{ ...key(1, daysAgo(900), daysAgo(d)), active: false }, noKeys] }),
            ],
          },
        });
      assert.match(
        run("root-not-recently-used", at(6), settings)[0].message,
        /access key 1 used 6 days ago .*within the last 7 days/,
      );
      assert.deepStrictEqual(run("root-not-recently-used", at(7), settings), []);
    });

    it("never-used root passes", () => {
      assert.deepStrictEqual(
        run("root-not-recently-used", apiFacts({ users: { value: [rootRow({ passwordLastUsed: "N/A" })] } })),
        [],
      );
    });
  });

  describe("security-contact-registered and alternate-contacts-complete", () => {
    it("fail a missing SECURITY contact, naming the account", () => {
      const facts = apiFacts({
        alternateContacts: {
          BILLING: { value: true },
          OPERATIONS: { value: false },
          SECURITY: { value: false },
        },
      });
      assert.deepStrictEqual(messages(run("security-contact-registered", facts)), [
        "fail <account>: account 123456789012: no SECURITY alternate contact is registered; AWS sends security notifications to it",
      ]);
      assert.match(
        run("alternate-contacts-complete", facts)[0].message,
        /alternate contacts OPERATIONS, SECURITY not registered/,
      );
    });

    it("are not evaluated when GetAlternateContact was denied", () => {
      const denied = { unavailable: "account:GetAlternateContact was denied (AccessDeniedException)" };
      const facts = apiFacts({
        alternateContacts: { BILLING: denied, OPERATIONS: denied, SECURITY: denied },
      });
      assert.deepStrictEqual(messages(run("security-contact-registered", facts)), [
        `not-evaluated <account>: ${denied.unavailable}`,
      ]);
      assert.strictEqual(run("alternate-contacts-complete", facts)[0].status, "not-evaluated");
    });
  });

  describe("the live password policy, judged by the shared password-policy rules", () => {
    it("no policy set fails all four rules as AWS's weak default", () => {
      const fs = evaluate(apiFacts({ passwordPolicy: { value: null } }), defaultRuleSettings, NOW);
      assert.deepStrictEqual(
        fs.map((f) => f.policy),
        [
          "password-policy-minimum-length",
          "password-policy-reuse-prevention",
          "password-policy-character-classes",
          "password-policy-max-age",
        ],
      );
      assert.strictEqual(
        fs[0].message,
        "no account password policy is set (AWS default applies): minimum password length is 8; at least 14 is required",
      );
    });

    it("13/14 and 23/24 on both sides", () => {
      const p = apiFacts().passwordPolicy;
      assert.ok("value" in p && p.value);
      const set = (over: object) => apiFacts({ passwordPolicy: { value: { ...p.value, ...over } } });
      assert.strictEqual(run("password-policy-minimum-length", set({ minimumPasswordLength: 13 })).length, 1);
      assert.deepStrictEqual(run("password-policy-minimum-length", set({ minimumPasswordLength: 14 })), []);
      assert.strictEqual(
        run("password-policy-reuse-prevention", set({ passwordReusePrevention: 23 })).length,
        1,
      );
      assert.deepStrictEqual(
        run("password-policy-reuse-prevention", set({ passwordReusePrevention: 24 })),
        [],
      );
    });
  });

  it("an unreadable report leaves user policies not evaluated with the reason and the rest running", () => {
    const facts = apiFacts({ users: { unavailable: "iam:GetCredentialReport was denied (AccessDenied)" } });
    const fs = evaluate(facts, defaultRuleSettings, NOW);
    assert.deepStrictEqual(
      fs.map((f) => [f.policy, f.status, f.subject]),
      [
        ["root-not-recently-used", "not-evaluated", "<root_account>"],
        ["iam-users-mfa-enabled", "not-evaluated", "<account>"],
        ["access-keys-rotated", "not-evaluated", "<account>"],
        ["unused-credentials-disabled", "not-evaluated", "<account>"],
        ["single-active-access-key", "not-evaluated", "<account>"],
        ["admin-access-requires-mfa", "not-evaluated", "alice"],
        ["no-access-keys-at-setup", "not-evaluated", "<account>"],
      ],
    );
    assert.ok(fs.every((f) => f.message.includes("iam:GetCredentialReport was denied")));
  });

  it("audits the eighteen account policies, the four password-policy rules and the contacts, in that order", () => {
    assert.strictEqual(auditPolicyNames.length, 23);
    assert.strictEqual(auditPolicyNames[0], "root-access-keys-absent");
  });
});
