import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { passwordPolicyDefaults } from "../../components";
import { defaultPasswordPolicyInputs } from "../support/fixtures";
import { execute, prepare, runProgram, runProgramWithOutputs } from "../../tools/runProgram";
import { example, ns, root, StackFiles } from "./stackFiles";

const files = new StackFiles();
const dir = files.dir;
const stackFile = (changes: Record<string, unknown>) => files.write(changes);

describe("the program (index.ts) under mocks", () => {
  after(() => files.remove());

  it("creates exactly the expected resources from Pulumi.example.yaml", async () => {
    const resources = await runProgram(example);
    assert.deepStrictEqual(resources.map((r) => `${r.type} ${r.name}`).sort(), [
      "aws-account-baseline:account:AlternateContacts baseline-contacts",
      "aws-account-baseline:iam:AccessAnalyzer baseline-access-analyzer",
      "aws-account-baseline:iam:AdminAccess baseline-admins",
      "aws-account-baseline:iam:PasswordPolicy baseline-password-policy",
      "aws-account-baseline:iam:SupportRole baseline-support",
      "aws-account-baseline:index:AccountBaseline baseline",
      "aws:accessanalyzer/analyzer:Analyzer baseline-access-analyzer-us-east-1",
      "aws:account/alternativeContact:AlternativeContact baseline-contacts-billing",
      "aws:account/alternativeContact:AlternativeContact baseline-contacts-operations",
      "aws:account/alternativeContact:AlternativeContact baseline-contacts-security",
      "aws:iam/accountPasswordPolicy:AccountPasswordPolicy baseline-password-policy",
      "aws:iam/group:Group baseline-admins-group",
      "aws:iam/groupPolicy:GroupPolicy baseline-admins-force-mfa",
      "aws:iam/groupPolicy:GroupPolicy baseline-support-assume",
      "aws:iam/groupPolicyAttachment:GroupPolicyAttachment baseline-admins-administrator-access",
      "aws:iam/role:Role baseline-support-role",
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment baseline-support-support-access",
      "aws:iam/user:User baseline-admins-alice.admin",
      "aws:iam/user:User baseline-admins-bob.admin",
      "aws:iam/userGroupMembership:UserGroupMembership baseline-admins-alice.admin-membership",
      "aws:iam/userGroupMembership:UserGroupMembership baseline-admins-bob.admin-membership",
      "aws:iam/userLoginProfile:UserLoginProfile baseline-admins-alice.admin-login",
      "aws:iam/userLoginProfile:UserLoginProfile baseline-admins-bob.admin-login",
      "pulumi:pulumi:Stack aws-account-baseline-example",
    ]);
    const byName = (name: string) =>
      resources.find((r) => r.name === name && r.custom) as (typeof resources)[0];
    assert.deepStrictEqual(byName("baseline-password-policy").inputs, {
      ...defaultPasswordPolicyInputs,
      minimumPasswordLength: 16,
    });
    assert.deepStrictEqual(byName("baseline-contacts-security").inputs, {
      alternateContactType: "SECURITY",
      name: "Security Team",
      title: "Incident Response",
      emailAddress: "aws-security@example.com",
      phoneNumber: "+1 555 0102",
    });
    assert.deepStrictEqual(byName("baseline-admins-alice.admin-login").inputs, {
      user: "alice.admin",
      passwordResetRequired: true,
      passwordLength: 20,
      pgpKey: "keybase:alice_example",
    });
    assert.strictEqual(byName("baseline-password-policy").retainOnDelete, true);
    assert.strictEqual(
      byName("baseline-admins-group").urn,
      "urn:pulumi:example::aws-account-baseline::aws-account-baseline:index:AccountBaseline$aws-account-baseline:iam:AdminAccess$aws:iam/group:Group::baseline-admins-group",
    );
    const stack = resources.find((r) => r.type === "pulumi:pulumi:Stack");
    assert.strictEqual(resources.find((r) => r.name === "baseline")?.parent, stack?.urn);
  });

  it("exports the group, the user names, and the initial passwords only as a secret", async () => {
    const { stackOutputs } = await runProgramWithOutputs(example);
    const { initialPasswords, ...plain } = stackOutputs;
    assert.deepStrictEqual(plain, {
      adminGroupName: "Administrators",
      adminGroupArn: "arn:aws:iam::123456789012:group/Administrators",
      adminUserNames: ["alice.admin", "bob.admin"],
    });
    const secret = initialPasswords as Record<string, unknown>;
    assert.strictEqual(secret[pulumi.runtime.specialSigKey], pulumi.runtime.specialSecretSig);
    assert.deepStrictEqual(secret.value, {
      "alice.admin": {
        encryptedPassword: "wcBMA-mock-encrypted-baseline-admins-alice.admin-login",
        keyFingerprint: "d1a2c3b4e5f6",
      },
      "bob.admin": {
        encryptedPassword: "wcBMA-mock-encrypted-baseline-admins-bob.admin-login",
        keyFingerprint: "d1a2c3b4e5f6",
      },
    });
  });

  it("exports a plain generated password only inside the secret", async () => {
    const { stackOutputs } = await runProgramWithOutputs(
      stackFile({ [ns("adminAccess")]: { users: [{ userName: "carol" }] } }),
    );
    const { initialPasswords, ...plain } = stackOutputs;
    const secret = initialPasswords as Record<string, unknown>;
    assert.strictEqual(secret[pulumi.runtime.specialSigKey], pulumi.runtime.specialSecretSig);
    assert.deepStrictEqual(secret.value, {
      carol: { password: "mock-password-baseline-admins-carol-login" },
    });
    assert.ok(!JSON.stringify(plain).includes("mock-password"));
  });

  it("runs as a preview too", async () => {
    const resources = await runProgram(example, { preview: true });
    assert.strictEqual(resources.length, 24);
  });

  it("applies Pulumi.yaml's declared default and reads values as the CLI passes them (text)", async () => {
    const defaulted = await runProgram(stackFile({ [ns("retainOnDelete")]: undefined }));
    assert.strictEqual(defaulted.filter((r) => r.retainOnDelete).length, 4);
    const off = await runProgram(stackFile({ [ns("retainOnDelete")]: "false" }));
    assert.strictEqual(off.filter((r) => r.retainOnDelete).length, 0);
  });

  it("leaves out the password policy on false and the admins when adminAccess is absent", async () => {
    const { resources, stackOutputs } = await runProgramWithOutputs(
      stackFile({ [ns("passwordPolicy")]: false, [ns("adminAccess")]: undefined }),
    );
    assert.deepStrictEqual(
      resources
        .filter((r) => r.custom)
        .map((r) => r.type)
        .sort(),
      [
        "aws:accessanalyzer/analyzer:Analyzer",
        "aws:account/alternativeContact:AlternativeContact",
        "aws:account/alternativeContact:AlternativeContact",
        "aws:account/alternativeContact:AlternativeContact",
        "aws:iam/role:Role",
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
      ],
    );
    assert.deepStrictEqual(stackOutputs, {});
  });

  const rejects = async (changes: Record<string, unknown>, message: string) => {
    const monitor = prepare(stackFile(changes));
    await assert.rejects(execute(monitor), { message });
    await monitor.settled();
    // Only the root stack, which the engine creates before the program runs.
    assert.deepStrictEqual(
      monitor.resources.map((r) => r.type),
      ["pulumi:pulumi:Stack"],
    );
  };

  it("rejects a bad value with the field's name and registers nothing", async () => {
    await rejects(
      { [ns("passwordPolicy")]: { minimumLength: 5 } },
      "passwordPolicy.minimumLength must be an integer from 6 to 128; got 5",
    );
  });

  it("rejects an unknown key, listing the allowed keys, together with every other problem", async () => {
    await rejects(
      { [ns("adminUsers")]: ["alice"], [ns("adminAccess")]: { users: [] } },
      [
        "aws-account-baseline:adminUsers is not a known setting; allowed keys: aws-account-baseline:passwordPolicy, aws-account-baseline:alternateContacts, aws-account-baseline:adminAccess, aws-account-baseline:supportRole, aws-account-baseline:accessAnalyzer, aws-account-baseline:retainOnDelete, aws-account-baseline:organization",
        "adminAccess.users must be a non-empty list of { userName, pgpKey? }; got []",
      ].join("\n"),
    );
  });

  it("rejects a misspelled project namespace (near-miss of aws-account-baseline), naming the key meant", async () => {
    await rejects(
      {
        "aws-account-baselin:passwordPolicy": { minimumLength: 8 },
        "Aws-Account-Baseline:retainOnDelete": false,
      },
      [
        'aws-account-baselin:passwordPolicy is not in this project\'s namespace "aws-account-baseline" (did you mean aws-account-baseline:passwordPolicy?): the program would ignore it and use the default',
        'Aws-Account-Baseline:retainOnDelete is not in this project\'s namespace "aws-account-baseline" (did you mean aws-account-baseline:retainOnDelete?): the program would ignore it and use the default',
      ].join("\n"),
    );
  });

  it("leaves other namespaces alone: providers and namespaces far from the project's", async () => {
    const monitor = prepare(
      stackFile({
        "aws:region": "eu-west-1",
        "aws-native:region": "eu-west-1",
        "pulumi:tags": { a: "b" },
        "my-app:x": "1",
      }),
    );
    await execute(monitor);
    await monitor.settled();
    assert.ok(monitor.resources.length > 1);
  });

  it("requires the alternate contacts key", async () => {
    await rejects(
      { [ns("alternateContacts")]: undefined },
      "alternateContacts is required: give { billing?, operations?, security }, or false to manage no contact deliberately",
    );
  });

  it("rejects a text where an object belongs", async () => {
    await rejects(
      { [ns("passwordPolicy")]: "strong" },
      'passwordPolicy must be an object of password-policy settings, or false to leave the account\'s policy alone; got "strong"',
    );
  });

  it("refuses config it cannot read offline: encrypted values and keys without a namespace", async () => {
    assert.throws(() => prepare(stackFile({ [ns("adminAccess")]: { secure: "v1:abc" } })), {
      message:
        "config aws-account-baseline:adminAccess is encrypted (secure:); runProgram cannot decrypt it, use a plain value",
    });
    assert.throws(() => prepare(stackFile({ retainOnDelete: true })), {
      message: `${path.join(dir, "Pulumi.test.yaml")}: config key "retainOnDelete" must name its namespace, e.g. "aws-account-baseline:retainOnDelete"`,
    });
  });
});

describe("Pulumi.yaml", () => {
  it("declares retainOnDelete, typed, with the components' default", () => {
    const project = parse(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8")) as {
      name: string;
      config: Record<string, { type: string; default: unknown }>;
    };
    assert.strictEqual(project.name, "aws-account-baseline");
    assert.deepStrictEqual(Object.keys(project.config), ["retainOnDelete"]);
    assert.strictEqual(project.config.retainOnDelete.type, "boolean");
    assert.strictEqual(project.config.retainOnDelete.default, passwordPolicyDefaults.retainOnDelete);
  });
});
