/**
 * The permission policies on both sides of each rule, over snapshots parsed from URL-encoded
 * documents by the production parser.
 */
import * as assert from "assert";
import { policyStatements } from "../../../../policy-pack/account/permissions/documents";
import { evaluatePolicy, defaultRuleSettings, RuleSettings } from "../../../../policy-pack/account/findings";
import { AuditPolicyName } from "../../../../policy-pack/account/findings";
import { AccountFacts } from "../../../../policy-pack/account/facts";
import { apiFacts, NOW, row, rootRow } from "../../../support/accountFacts";
import { permissionFacts } from "../../../support/permissionFacts";
import {
  ADMINISTRATOR_ACCESS,
  allowAll,
  awsPolicy,
  customerPolicy,
  goodPermissions,
  mfaAdminGroup,
  PermissionsSpec,
  trustAccount,
} from "../../../support/permissionSpec";

const facts = (spec: Partial<PermissionsSpec>, over: Partial<AccountFacts> = {}) =>
  apiFacts({ ...permissionFacts({ ...goodPermissions, ...spec }), ...over });
const run = (p: AuditPolicyName, f: AccountFacts, settings: RuleSettings = defaultRuleSettings) =>
  evaluatePolicy(p, f, settings, NOW).map((x) => `${x.status} ${x.subject}: ${x.message}`);
const adminRole = (trust: object) => ({
  roles: { ...goodPermissions.roles, ops: { attached: [ADMINISTRATOR_ACCESS], trust } },
});
const statement = (extra: object) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", ...extra }],
});

describe("permission policies", () => {
  describe("admin-access-requires-mfa: roles", () => {
    const verdict = (trust: object) => run("admin-access-requires-mfa", facts(adminRole(trust)));
    it("passes a trust that requires MFA (Bool true, or a MultiFactorAuthAge bound)", () => {
      assert.deepStrictEqual(verdict(trustAccount(true)), []);
      assert.deepStrictEqual(
        verdict(
          statement({
            Principal: { AWS: "arn:aws:iam::123456789012:root" },
            Condition: { NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } },
          }),
        ),
        [],
      );
    });
    it("passes AWS services, SAML and IAM Identity Center", () => {
      assert.deepStrictEqual(verdict(statement({ Principal: { Service: "ec2.amazonaws.com" } })), []);
      assert.deepStrictEqual(
        verdict(
          statement({
            Principal: { Federated: "arn:aws:iam::123456789012:saml-provider/AWSSSO_abc_DO_NOT_DELETE" },
            Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
          }),
        ),
        [],
      );
    });
    it("reports BoolIfExists (passes access-key requests), no condition, anyone and web identity", () => {
      assert.match(
        verdict(
          statement({
            Principal: { AWS: "arn:aws:iam::123456789012:root" },
            Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "true" } },
          }),
        )[0],
        /^fail ops: role ops: full administrative rights from policy AdministratorAccess, and its trust policy lets arn:aws:iam::123456789012:root assume it without MFA/,
      );
      assert.match(verdict(statement({ Principal: "*" }))[0], /lets anyone \(\*\) assume it/);
      assert.match(
        verdict(
          statement({
            Principal: {
              Federated: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
            },
            Action: "sts:AssumeRoleWithWebIdentity",
          }),
        )[0],
        /lets web identity arn:aws:iam::123456789012:oidc-provider\/token\.actions\.githubusercontent\.com assume it/,
      );
    });
    it("a role without full rights is not its concern, whatever it trusts", () => {
      const f = facts({
        roles: { ops: { attached: [awsPolicy("ReadOnlyAccess")], trust: statement({ Principal: "*" }) } },
      });
      assert.deepStrictEqual(run("admin-access-requires-mfa", f), []);
    });
  });

  describe("admin-access-requires-mfa: users", () => {
    it("a customer policy allowing * on * through an MFA-enforcing group passes with MFA active, fails without", () => {
      const spec: Partial<PermissionsSpec> = {
        users: { alice: { groups: ["Admins2"] } },
        groups: { Admins2: { attached: [customerPolicy("all")], inline: mfaAdminGroup.inline } },
        policies: { all: allowAll },
      };
      assert.deepStrictEqual(run("admin-access-requires-mfa", facts(spec)), []);
      const noMfa = facts(spec, { users: { value: [rootRow(), row("alice", { mfaActive: false })] } });
      assert.deepStrictEqual(run("admin-access-requires-mfa", noMfa), [
        "fail alice: user alice: full administrative rights from has no MFA device active (groups Admins2 enforce MFA); full administrative rights must come only through a group that enforces MFA, with MFA active",
      ]);
    });
    it("an inline * on * on a group without the MFA Deny fails, saying no policy denies access without MFA", () => {
      const f = facts({
        users: { alice: { groups: ["ops"] } },
        groups: { ops: { inline: { all: allowAll } } },
      });
      assert.deepStrictEqual(run("admin-access-requires-mfa", f), [
        "fail alice: user alice: full administrative rights from inline policy all through group ops, which does not enforce MFA (no policy denies access without MFA); full administrative rights must come only through a group that enforces MFA, with MFA active",
      ]);
    });
  });

  describe("no-access-keys-at-setup", () => {
    const created = new Date("2025-01-10T09:00:00Z");
    const withKey = (minutes: number, fields: object = {}) =>
      facts(
        {},
        {
          users: {
            value: [
              rootRow(),
              row("erin", {
                createdAt: created,
                accessKeys: [
                  {
                    number: 1,
                    active: true,
                    lastRotated: new Date(created.getTime() + minutes * 60_000),
                    lastUsed: null,
                  },
                  { number: 2, active: false, lastRotated: null, lastUsed: null },
                ],
                ...fields,
              }),
            ],
          },
        },
      );
    it("60 minutes after the user fails, 61 passes (window 60)", () => {
      assert.deepStrictEqual(run("no-access-keys-at-setup", withKey(60)), [
        "fail erin: erin: access key 1 created 60 min after the user and never used; a console user must not get an access key at setup (within 60 min of user_creation_time): delete it",
      ]);
      assert.deepStrictEqual(run("no-access-keys-at-setup", withKey(61)), []);
    });
    it("the window is configurable; a used key, an inactive key or a user without a console password pass", () => {
      const narrow = {
        ...defaultRuleSettings,
        thresholds: {
          ...defaultRuleSettings.thresholds,
          "no-access-keys-at-setup": { setupWindowMinutes: 0 },
        },
      };
      assert.deepStrictEqual(run("no-access-keys-at-setup", withKey(1), narrow), []);
      assert.strictEqual(run("no-access-keys-at-setup", withKey(0), narrow).length, 1);
      assert.deepStrictEqual(run("no-access-keys-at-setup", withKey(1, { passwordEnabled: false })), []);
      const used = withKey(1, {
        accessKeys: [
          { number: 1, active: true, lastRotated: created, lastUsed: NOW },
          { number: 2, active: false, lastRotated: null, lastUsed: null },
        ],
      });
      assert.deepStrictEqual(run("no-access-keys-at-setup", used), []);
      const inactive = withKey(1, {
        accessKeys: [
          { number: 1, active: false, lastRotated: created, lastUsed: null },
          { number: 2, active: false, lastRotated: null, lastUsed: null },
        ],
      });
      assert.deepStrictEqual(run("no-access-keys-at-setup", inactive), []);
    });
  });

  describe("account services", () => {
    it("a certificate expiring after now passes; one a second past expiry fails", () => {
      const at = (iso: string) => facts({ serverCertificates: [{ name: "www", expiration: iso }] });
      assert.deepStrictEqual(run("no-expired-server-certificates", at("2026-11-20T12:00:01Z")), []);
      assert.match(
        run("no-expired-server-certificates", at("2026-11-20T11:59:59Z"))[0],
        /^fail www: server certificate www: expired 2026-11-20T11:59:59Z \(0 days ago\)/,
      );
    });
    it("an active ORGANIZATION analyzer passes; a disabled or unused-access one fails; a configured region not read is not evaluated", () => {
      const with_ = (a: { name: string; type: string; status: string }[]) =>
        facts({ analyzers: { "us-east-1": a } });
      assert.deepStrictEqual(
        run("access-analyzer-enabled", with_([{ name: "org", type: "ORGANIZATION", status: "ACTIVE" }])),
        [],
      );
      assert.match(
        run("access-analyzer-enabled", with_([{ name: "a", type: "ACCOUNT", status: "DISABLED" }]))[0],
        /found a \(ACCOUNT, DISABLED\)/,
      );
      const eu = {
        ...defaultRuleSettings,
        thresholds: {
          ...defaultRuleSettings.thresholds,
          "access-analyzer-enabled": { regions: ["eu-west-1"] },
        },
      };
      assert.deepStrictEqual(run("access-analyzer-enabled", facts({}), eu), [
        "not-evaluated eu-west-1: region eu-west-1 was not read (access-analyzer:ListAnalyzers)",
      ]);
    });
    it("centralized root access: nothing off a management account; both features or a finding naming the missing one", () => {
      assert.deepStrictEqual(
        run("centralized-root-access-enabled", facts({ organizationsFeatures: "not-management" })),
        [],
      );
      assert.deepStrictEqual(
        run(
          "centralized-root-access-enabled",
          facts({ organizationsFeatures: ["RootSessions", "RootCredentialsManagement"] }),
        ),
        [],
      );
      assert.deepStrictEqual(
        run("centralized-root-access-enabled", facts({ organizationsFeatures: "no-trusted-access" })),
        [
          "fail <account>: organization of account 123456789012: RootCredentialsManagement and RootSessions not enabled (trusted access for IAM is not enabled); enable both so member accounts run without root credentials",
        ],
      );
    });
    it("support-role-exists fails without a role holding AWSSupportAccess; cloudshell names each principal", () => {
      assert.deepStrictEqual(run("support-role-exists", facts({ roles: {} })), [
        "fail <account>: account 123456789012: no role has AWSSupportAccess attached; a support role is required to manage incidents with AWS Support",
      ]);
      const shell = facts({ users: { carl: { attached: [awsPolicy("AWSCloudShellFullAccess")] } } });
      assert.deepStrictEqual(
        run("cloudshell-full-access-restricted", shell).map((m) => m.split(":")[0]),
        ["fail carl"],
      );
    });
    it("an AWS managed policy allowing * on * is not a customer policy", () => {
      assert.deepStrictEqual(run("no-custom-full-admin-policies", facts({})), []);
      assert.match(
        run("no-custom-full-admin-policies", facts({ policies: { all: allowAll } }))[0],
        /^fail all: customer managed policy all \(arn:aws:iam::123456789012:policy\/all, attached 0 times\)/,
      );
    });
  });

  it("a document that is not URL-encoded JSON is unreadable, never an empty policy", () => {
    assert.throws(() => policyStatements("%7B%22Statement", "user alice, inline policy x"), {
      message:
        "iam:GetAccountAuthorizationDetails returned a policy document that is not URL-encoded JSON (user alice, inline policy x)",
    });
    assert.throws(() => policyStatements("%E0%A4%A", "role r"), /not URL-encoded JSON \(role r\)/);
  });
});
