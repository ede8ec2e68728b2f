import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { installMocks, isSecret, promiseOf, record, RecordingMonitor } from "../../tools/mockEngine";

type Components = typeof import("../../components/index");

/**
 * The force-MFA policy, written out here so the builder is checked, not echoed: without MFA,
 * nothing but self-service, and self-service only on the caller's own user and MFA device.
 */
const withoutMfa = { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } };
const expectedMfaPolicy = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "DenyAllExceptSelfServiceIfNoMFA",
      Effect: "Deny",
      NotAction: [
        "iam:ChangePassword",
        "iam:GetAccountPasswordPolicy",
        "iam:CreateVirtualMFADevice",
        "iam:EnableMFADevice",
        "iam:ListMFADevices",
        "iam:ResyncMFADevice",
        "iam:GetUser",
        "sts:GetSessionToken",
      ],
      Resource: "*",
      Condition: withoutMfa,
    },
    {
      Sid: "DenySelfServiceOnOthersIfNoMFA",
      Effect: "Deny",
      Action: [
        "iam:ChangePassword",
        "iam:CreateVirtualMFADevice",
        "iam:EnableMFADevice",
        "iam:ListMFADevices",
        "iam:ResyncMFADevice",
        "iam:GetUser",
      ],
      NotResource: ["arn:aws:iam::*:user/${aws:username}", "arn:aws:iam::*:mfa/${aws:username}"],
      Condition: withoutMfa,
    },
  ],
};

describe("AdminAccess", () => {
  let c: Components;
  before(async () => {
    installMocks();
    c = await import("../../components/index");
  });

  const build = (args?: Partial<import("../../components/index").AdminAccessArgs>) => {
    let admins: import("../../components/index").AdminAccess | undefined;
    return record(() => {
      admins = new c.AdminAccess("admins", {
        users: [{ userName: "alice" }, { userName: "bob", pgpKey: "keybase:bob" }],
        ...args,
      });
    }).then((m) => ({ m, admins: admins as import("../../components/index").AdminAccess }));
  };

  const inputsOf = (m: RecordingMonitor, type: string) => m.ofType(type).map((r) => [r.name, r.inputs]);

  it("creates exactly the group, its two policies, and per user a user, a membership and a login profile", async () => {
    const { m } = await build();
    assert.deepStrictEqual(m.resources.map((r) => r.type).sort(), [
      "aws-account-baseline:iam:AdminAccess",
      "aws:iam/group:Group",
      "aws:iam/groupPolicy:GroupPolicy",
      "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
      "aws:iam/user:User",
      "aws:iam/user:User",
      "aws:iam/userGroupMembership:UserGroupMembership",
      "aws:iam/userGroupMembership:UserGroupMembership",
      "aws:iam/userLoginProfile:UserLoginProfile",
      "aws:iam/userLoginProfile:UserLoginProfile",
    ]);
    const [component] = m.ofType("aws-account-baseline:iam:AdminAccess");
    for (const r of m.resources.filter((r) => r.custom)) assert.strictEqual(r.parent, component.urn, r.name);
  });

  it("gives the Administrators group AdministratorAccess and the force-MFA policy", async () => {
    const { m } = await build();
    assert.deepStrictEqual(inputsOf(m, "aws:iam/group:Group"), [
      ["admins-group", { name: "Administrators" }],
    ]);
    assert.deepStrictEqual(inputsOf(m, "aws:iam/groupPolicyAttachment:GroupPolicyAttachment"), [
      [
        "admins-administrator-access",
        { group: "Administrators", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
      ],
    ]);
    const [mfa] = m.ofType("aws:iam/groupPolicy:GroupPolicy");
    assert.strictEqual(mfa.name, "admins-force-mfa");
    assert.deepStrictEqual(Object.keys(mfa.inputs).sort(), ["group", "name", "policy"]);
    assert.strictEqual(mfa.inputs.group, "Administrators");
    assert.strictEqual(mfa.inputs.name, "ForceMFA");
    assert.deepStrictEqual(JSON.parse(mfa.inputs.policy as string), expectedMfaPolicy);
  });

  it("exports the force-MFA document builder for the policy pack's tests", () => {
    assert.deepStrictEqual(c.forceMfaPolicyDocument(), expectedMfaPolicy);
    assert.notStrictEqual(c.forceMfaPolicyDocument(), c.forceMfaPolicyDocument());
  });

  it("creates each user in the group with a login profile that requires a reset", async () => {
    const { m } = await build();
    assert.deepStrictEqual(inputsOf(m, "aws:iam/user:User"), [
      ["admins-alice", { name: "alice", forceDestroy: true }],
      ["admins-bob", { name: "bob", forceDestroy: true }],
    ]);
    assert.deepStrictEqual(inputsOf(m, "aws:iam/userGroupMembership:UserGroupMembership"), [
      ["admins-alice-membership", { user: "alice", groups: ["Administrators"] }],
      ["admins-bob-membership", { user: "bob", groups: ["Administrators"] }],
    ]);
    assert.deepStrictEqual(inputsOf(m, "aws:iam/userLoginProfile:UserLoginProfile").sort(), [
      ["admins-alice-login", { user: "alice", passwordResetRequired: true, passwordLength: 20 }],
      [
        "admins-bob-login",
        { user: "bob", passwordResetRequired: true, passwordLength: 20, pgpKey: "keybase:bob" },
      ],
    ]);
    for (const profile of m.ofType("aws:iam/userLoginProfile:UserLoginProfile")) {
      // Ours and the provider SDK's own; the engine merges them.
      assert.deepStrictEqual([...new Set(profile.additionalSecretOutputs)], ["password"]);
    }
  });

  it("creates no access key and attaches no policy to any user", async () => {
    const { m } = await build();
    const forbidden = [
      "aws:iam/accessKey:AccessKey",
      "aws:iam/userPolicy:UserPolicy",
      "aws:iam/userPolicyAttachment:UserPolicyAttachment",
      "aws:iam/policyAttachment:PolicyAttachment",
      "aws:iam/policy:Policy",
      "aws:iam/role:Role",
    ];
    assert.deepStrictEqual(
      m.resources.filter((r) => forbidden.includes(r.type)),
      [],
    );
  });

  it("honours groupName and passwordLength", async () => {
    const { m } = await build({ groupName: "BreakGlass", passwordLength: 40 });
    assert.deepStrictEqual(inputsOf(m, "aws:iam/group:Group"), [["admins-group", { name: "BreakGlass" }]]);
    assert.deepStrictEqual(
      m.ofType("aws:iam/userLoginProfile:UserLoginProfile").map((r) => r.inputs.passwordLength),
      [40, 40],
    );
    assert.deepStrictEqual(
      m.ofType("aws:iam/userGroupMembership:UserGroupMembership").map((r) => r.inputs.groups),
      [["BreakGlass"], ["BreakGlass"]],
    );
  });

  it("outputs the group, the user names, and the initial passwords only as a secret", async () => {
    const { admins } = await build();
    assert.strictEqual(await promiseOf(admins.groupName), "Administrators");
    assert.strictEqual(await promiseOf(admins.groupArn), "arn:aws:iam::123456789012:group/Administrators");
    assert.deepStrictEqual(await promiseOf(admins.userNames), ["alice", "bob"]);
    assert.strictEqual(await isSecret(admins.initialPasswords), true);
    assert.deepStrictEqual(await promiseOf(admins.initialPasswords), {
      alice: { password: "mock-password-admins-alice-login" },
      bob: { encryptedPassword: "wcBMA-mock-encrypted-admins-bob-login", keyFingerprint: "d1a2c3b4e5f6" },
    });
  });

  it("registers the passwords as a secret output: the plain password is never on the wire unwrapped", async () => {
    const { m } = await build();
    const [component] = m.ofType("aws-account-baseline:iam:AdminAccess");
    const outputs = m.registeredOutputs.get(component.urn) as Record<string, unknown>;
    const secret = outputs.initialPasswords as Record<string, unknown>;
    assert.strictEqual(secret[pulumi.runtime.specialSigKey], pulumi.runtime.specialSecretSig);
    const plain = Object.entries(outputs).filter(([key]) => key !== "initialPasswords");
    assert.ok(!JSON.stringify(plain).includes("mock-password"));
  });

  it("accepts a PGP key given as another resource's output", async () => {
    const m = await record(
      () =>
        new c.AdminAccess("a", { users: [{ userName: "carol", pgpKey: pulumi.output("keybase:carol") }] }),
    );
    assert.deepStrictEqual(
      m.ofType("aws:iam/userLoginProfile:UserLoginProfile")[0].inputs.pgpKey,
      "keybase:carol",
    );
  });
});
