import * as assert from "assert";
import { baselineArgs, callerIdentityInvokes, contact, contacts } from "../support/fixtures";
import { installMocks, record } from "../../tools/mockEngine";
import { EMAIL_RULE } from "./emailRule";

type Components = typeof import("../../components");

describe("AccountBaseline", () => {
  let c: Components;
  before(async () => {
    installMocks();
    c = await import("../../components");
  });

  it("composes the five parts under itself", async () => {
    const m = await record(() => new c.AccountBaseline("acct", baselineArgs));
    const [root] = m.ofType("aws-account-baseline:index:AccountBaseline");
    assert.strictEqual(root.name, "acct");
    assert.deepStrictEqual(
      m.resources.filter((r) => r.parent === root.urn).map((r) => [r.type, r.name]),
      [
        ["aws-account-baseline:iam:PasswordPolicy", "acct-password-policy"],
        ["aws-account-baseline:account:AlternateContacts", "acct-contacts"],
        ["aws-account-baseline:iam:AdminAccess", "acct-admins"],
        ["aws-account-baseline:iam:SupportRole", "acct-support"],
        ["aws-account-baseline:iam:AccessAnalyzer", "acct-access-analyzer"],
      ],
    );
    const counts: Record<string, number> = {};
    for (const r of m.resources.filter((r) => r.custom)) counts[r.type] = (counts[r.type] ?? 0) + 1;
    assert.deepStrictEqual(counts, {
      "aws:iam/accountPasswordPolicy:AccountPasswordPolicy": 1,
      "aws:account/alternativeContact:AlternativeContact": 3,
      "aws:iam/group:Group": 1,
      "aws:iam/groupPolicyAttachment:GroupPolicyAttachment": 1,
      "aws:iam/groupPolicy:GroupPolicy": 2,
      "aws:iam/user:User": 2,
      "aws:iam/userGroupMembership:UserGroupMembership": 2,
      "aws:iam/userLoginProfile:UserLoginProfile": 2,
      "aws:iam/role:Role": 1,
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment": 1,
      "aws:accessanalyzer/analyzer:Analyzer": 1,
    });
    // The support role trusts the admin group's account, with MFA, and only that group gets to assume it.
    const [role] = m.ofType("aws:iam/role:Role");
    assert.match(
      role.inputs.assumeRolePolicy as string,
      /"Principal":\{"AWS":"arn:aws:iam::123456789012:root"\},"Action":"sts:AssumeRole","Condition":\{"Bool":\{"aws:MultiFactorAuthPresent":"true"\}\}/,
    );
    const assume = m.ofType("aws:iam/groupPolicy:GroupPolicy").find((r) => r.name === "acct-support-assume");
    assert.strictEqual(assume?.inputs.group, "Administrators");
    assert.deepStrictEqual(m.ofType("aws:accessanalyzer/analyzer:Analyzer")[0].inputs, {
      analyzerName: "account-baseline-external-access",
      type: "ACCOUNT",
    });
    assert.deepStrictEqual(
      m.ofType("aws:iam/accountPasswordPolicy:AccountPasswordPolicy")[0].inputs.minimumPasswordLength,
      14,
    );
  });

  it("keeps the password policy and contacts on delete by default, and passes retainOnDelete: false down", async () => {
    const kept = await record(() => new c.AccountBaseline("a", baselineArgs));
    const dropped = await record(
      () => new c.AccountBaseline("a", { ...baselineArgs, retainOnDelete: false }),
    );
    const retained = (m: typeof kept) =>
      m.resources
        .filter((r) => r.retainOnDelete)
        .map((r) => r.name)
        .sort();
    assert.deepStrictEqual(retained(kept), [
      "a-contacts-billing",
      "a-contacts-operations",
      "a-contacts-security",
      "a-password-policy",
    ]);
    assert.deepStrictEqual(retained(dropped), []);
  });

  it("lets a part's own retainOnDelete win over the baseline's", async () => {
    const m = await record(
      () =>
        new c.AccountBaseline("a", {
          retainOnDelete: false,
          passwordPolicy: { retainOnDelete: true },
          alternateContacts: contacts,
        }),
      { invokes: callerIdentityInvokes },
    );
    assert.deepStrictEqual(
      m.resources.filter((r) => r.retainOnDelete).map((r) => r.name),
      ["a-password-policy"],
    );
  });

  it("skips the password policy, the contacts, the support role and the analyzer only on an explicit false; adminAccess is optional", async () => {
    const m = await record(
      () =>
        new c.AccountBaseline("a", {
          passwordPolicy: false,
          alternateContacts: false,
          supportRole: false,
          accessAnalyzer: false,
        }),
    );
    assert.deepStrictEqual(
      m.resources.map((r) => r.type),
      ["aws-account-baseline:index:AccountBaseline"],
    );
  });

  it("without adminAccess, the support role trusts the provider's account (with MFA) and no group policy is added", async () => {
    const m = await record(
      () => new c.AccountBaseline("a", { passwordPolicy: false, alternateContacts: false }),
      { invokes: callerIdentityInvokes },
    );
    assert.deepStrictEqual(
      m.resources
        .filter((r) => r.custom)
        .map((r) => r.type)
        .sort(),
      [
        "aws:accessanalyzer/analyzer:Analyzer",
        "aws:iam/role:Role",
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
      ],
    );
    assert.match(
      m.ofType("aws:iam/role:Role")[0].inputs.assumeRolePolicy as string,
      /arn:aws:iam::123456789012:root/,
    );
    assert.deepStrictEqual(
      m.invokes.map((i) => i.token),
      ["aws:index/getCallerIdentity:getCallerIdentity"],
    );
  });

  it("passes the support role's and the analyzer's own args down, and checks them", async () => {
    const m = await record(
      () =>
        new c.AccountBaseline("a", {
          ...baselineArgs,
          supportRole: { roleName: "Support" },
          accessAnalyzer: { regions: ["eu-west-1", "us-east-1"], organization: true },
        }),
    );
    assert.strictEqual(m.ofType("aws:iam/role:Role")[0].inputs.name, "Support");
    assert.deepStrictEqual(
      m
        .ofType("aws:accessanalyzer/analyzer:Analyzer")
        .map((r) => [r.inputs.region, r.inputs.type])
        .sort(),
      [
        ["eu-west-1", "ORGANIZATION"],
        ["us-east-1", "ORGANIZATION"],
      ],
    );
    assert.throws(
      () =>
        new c.AccountBaseline("b", { ...baselineArgs, accessAnalyzer: { regions: "us-east-1" } as never }),
      {
        message:
          'accessAnalyzer.regions must be a list of AWS region names such as us-east-1; got "us-east-1"',
      },
    );
  });

  it("generates admin passwords at least as long as the password policy requires", async () => {
    const m = await record(() => [
      new c.AccountBaseline("long", { ...baselineArgs, passwordPolicy: { minimumLength: 32 } }),
      new c.AccountBaseline("short", { ...baselineArgs, passwordPolicy: { minimumLength: 8 } }),
    ]);
    assert.deepStrictEqual(
      m
        .ofType("aws:iam/userLoginProfile:UserLoginProfile")
        .map((r) => [r.name, r.inputs.passwordLength])
        .sort(),
      [
        ["long-admins-alice-login", 32],
        ["long-admins-bob-login", 32],
        ["short-admins-alice-login", 20],
        ["short-admins-bob-login", 20],
      ],
    );
  });

  it("two instances in one program do not collide", async () => {
    const m = await record(() => [
      new c.AccountBaseline("one", baselineArgs),
      new c.AccountBaseline("two", {
        alternateContacts: { security: contact("Security") },
        adminAccess: { groupName: "Admins2", users: [{ userName: "alice" }] },
      }),
    ]);
    const urns = m.resources.map((r) => r.urn);
    assert.strictEqual(new Set(urns).size, urns.length);
    assert.strictEqual(m.ofType("aws-account-baseline:index:AccountBaseline").length, 2);
  });

  it("registers nothing at all when any part is invalid", async () => {
    const monitor = installMocks();
    assert.throws(
      () =>
        new c.AccountBaseline("a", {
          ...baselineArgs,
          adminAccess: { users: [{ userName: "alice" }, { userName: "ALICE" }] },
        }),
      {
        name: "ValidationError",
        message:
          'adminAccess.users[1].userName "ALICE" duplicates adminAccess.users[0].userName: IAM user names are unique ignoring case',
      },
    );
    await monitor.settled();
    assert.deepStrictEqual(monitor.resources, []);
  });

  it("reports every problem of every part at once", async () => {
    const monitor = installMocks();
    assert.throws(
      () =>
        new c.AccountBaseline("a", {
          passwordPolicy: { minimumLength: 5 },
          alternateContacts: { ...contacts, security: { ...contact("Security"), emailAddress: "nobody" } },
          adminAccess: { users: [] },
        }),
      {
        message: [
          "passwordPolicy.minimumLength must be an integer from 6 to 128; got 5",
          `alternateContacts.security.emailAddress must be ${EMAIL_RULE}; got "nobody"`,
          "adminAccess.users must be a non-empty list of { userName, pgpKey? }; got []",
        ].join("\n"),
      },
    );
    await monitor.settled();
    assert.deepStrictEqual(monitor.resources, []);
  });
});
