import * as assert from "assert";
import { baselineArgs, contact, contacts } from "../support/fixtures";
import { installMocks, record } from "../../tools/mockEngine";
import { EMAIL_RULE } from "./emailRule";

type Components = typeof import("../../components");

describe("AccountBaseline", () => {
  let c: Components;
  before(async () => {
    installMocks();
    c = await import("../../components");
  });

  it("composes the three parts under itself", async () => {
    const m = await record(() => new c.AccountBaseline("acct", baselineArgs));
    const [root] = m.ofType("aws-account-baseline:index:AccountBaseline");
    assert.strictEqual(root.name, "acct");
    assert.deepStrictEqual(
      m.resources.filter((r) => r.parent === root.urn).map((r) => [r.type, r.name]),
      [
        ["aws-account-baseline:iam:PasswordPolicy", "acct-password-policy"],
        ["aws-account-baseline:account:AlternateContacts", "acct-contacts"],
        ["aws-account-baseline:iam:AdminAccess", "acct-admins"],
      ],
    );
    const counts: Record<string, number> = {};
    for (const r of m.resources.filter((r) => r.custom)) counts[r.type] = (counts[r.type] ?? 0) + 1;
    assert.deepStrictEqual(counts, {
      "aws:iam/accountPasswordPolicy:AccountPasswordPolicy": 1,
      "aws:account/alternativeContact:AlternativeContact": 3,
      "aws:iam/group:Group": 1,
      "aws:iam/groupPolicyAttachment:GroupPolicyAttachment": 1,
      "aws:iam/groupPolicy:GroupPolicy": 1,
      "aws:iam/user:User": 2,
      "aws:iam/userGroupMembership:UserGroupMembership": 2,
      "aws:iam/userLoginProfile:UserLoginProfile": 2,
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
    );
    assert.deepStrictEqual(
      m.resources.filter((r) => r.retainOnDelete).map((r) => r.name),
      ["a-password-policy"],
    );
  });

  it("skips the password policy and the contacts only on an explicit false; adminAccess is optional", async () => {
    const m = await record(
      () => new c.AccountBaseline("a", { passwordPolicy: false, alternateContacts: false }),
    );
    assert.deepStrictEqual(
      m.resources.map((r) => r.type),
      ["aws-account-baseline:index:AccountBaseline"],
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
