import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { execute, prepare, runProgram, runProgramWithOutputs } from "../../tools/runProgram";
import { simulatedOrganizationInvokes } from "../../tools/simulatedOrganization";
import { example, root, StackFiles } from "./stackFiles";

const stacks = path.join(root, "examples/stacks");
const managementStack = path.join(stacks, "Pulumi.management.yaml");
const memberStack = path.join(stacks, "Pulumi.member.yaml");
const files = new StackFiles();
const getOrganization = "aws:organizations/getOrganization:getOrganization";
const getCallerIdentity = "aws:index/getCallerIdentity:getCallerIdentity";

const names = (resources: { type: string; name: string }[]) =>
  resources.map((r) => `${r.type} ${r.name}`).sort();
const contactsOf = (accountId: string) =>
  ["billing", "operations", "security"].map(
    (t) => `aws:account/alternativeContact:AlternativeContact organization-contacts-${accountId}-${t}`,
  );

describe("the example stack configs (examples/stacks) under mocks", () => {
  after(() => files.remove());

  it("management: its own baseline, every simulated ACTIVE member's contacts but the excluded, root access", async () => {
    const monitor = prepare(managementStack);
    const { resources, stackOutputs } = await execute(monitor);
    assert.deepStrictEqual(
      names(resources),
      [
        "aws-account-baseline:account:AlternateContacts baseline-contacts",
        "aws-account-baseline:account:AlternateContacts organization-contacts-222222222222",
        "aws-account-baseline:account:AlternateContacts organization-contacts-333333333333",
        "aws-account-baseline:account:OrganizationContacts organization-contacts",
        "aws-account-baseline:iam:AccessAnalyzer baseline-access-analyzer",
        "aws-account-baseline:iam:AdminAccess baseline-admins",
        "aws-account-baseline:iam:CentralizedRootAccess centralized-root-access",
        "aws-account-baseline:iam:PasswordPolicy baseline-password-policy",
        "aws-account-baseline:iam:SupportRole baseline-support",
        "aws-account-baseline:index:AccountBaseline baseline",
        "aws:accessanalyzer/analyzer:Analyzer baseline-access-analyzer-analyzer",
        "aws:account/alternativeContact:AlternativeContact baseline-contacts-billing",
        "aws:account/alternativeContact:AlternativeContact baseline-contacts-operations",
        "aws:account/alternativeContact:AlternativeContact baseline-contacts-security",
        ...contactsOf("222222222222"),
        ...contactsOf("333333333333"),
        "aws:iam/accountPasswordPolicy:AccountPasswordPolicy baseline-password-policy",
        "aws:iam/group:Group baseline-admins-group",
        "aws:iam/groupPolicy:GroupPolicy baseline-admins-force-mfa",
        "aws:iam/groupPolicy:GroupPolicy baseline-support-assume",
        "aws:iam/groupPolicyAttachment:GroupPolicyAttachment baseline-admins-administrator-access",
        "aws:iam/organizationsFeatures:OrganizationsFeatures centralized-root-access-features",
        "aws:iam/role:Role baseline-support-role",
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment baseline-support-support-access",
        "aws:iam/user:User baseline-admins-alice.admin",
        "aws:iam/userGroupMembership:UserGroupMembership baseline-admins-alice.admin-membership",
        "aws:iam/userLoginProfile:UserLoginProfile baseline-admins-alice.admin-login",
        "pulumi:pulumi:Stack aws-account-baseline-management",
      ].sort(),
    );
    assert.deepStrictEqual(monitor.invokes.map((i) => [i.token, i.inputs]).sort(), [
      [getCallerIdentity, {}],
      [getOrganization, {}],
    ]);
    assert.deepStrictEqual(stackOutputs.memberAccountIds, ["222222222222", "333333333333"]);
    assert.strictEqual(stackOutputs.managementAccountId, "111111111111");
  });

  it("member: the member account's password policy and admins, no contacts, no invoke", async () => {
    const resources = await runProgram(memberStack, { invokes: {} });
    assert.deepStrictEqual(names(resources), [
      "aws-account-baseline:iam:AccessAnalyzer baseline-access-analyzer",
      "aws-account-baseline:iam:AdminAccess baseline-admins",
      "aws-account-baseline:iam:PasswordPolicy baseline-password-policy",
      "aws-account-baseline:iam:SupportRole baseline-support",
      "aws-account-baseline:index:AccountBaseline baseline",
      "aws:accessanalyzer/analyzer:Analyzer baseline-access-analyzer-analyzer",
      "aws:iam/accountPasswordPolicy:AccountPasswordPolicy baseline-password-policy",
      "aws:iam/group:Group baseline-admins-group",
      "aws:iam/groupPolicy:GroupPolicy baseline-admins-force-mfa",
      "aws:iam/groupPolicy:GroupPolicy baseline-support-assume",
      "aws:iam/groupPolicyAttachment:GroupPolicyAttachment baseline-admins-administrator-access",
      "aws:iam/role:Role baseline-support-role",
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment baseline-support-support-access",
      "aws:iam/user:User baseline-admins-bob.admin",
      "aws:iam/userGroupMembership:UserGroupMembership baseline-admins-bob.admin-membership",
      "aws:iam/userLoginProfile:UserLoginProfile baseline-admins-bob.admin-login",
      "pulumi:pulumi:Stack aws-account-baseline-member",
    ]);
  });

  it("member: assumes OrganizationAccountAccessRole in the pinned account", () => {
    const config = (parse(fs.readFileSync(memberStack, "utf8")) as { config: Record<string, unknown> })
      .config;
    assert.deepStrictEqual(config["aws:assumeRoles"], [
      {
        roleArn: "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole",
        sessionName: "aws-account-baseline",
      },
    ]);
    assert.deepStrictEqual(config["aws:allowedAccountIds"], ["222222222222"]);
  });

  it("Pulumi.example.yaml's commented-out blocks, uncommented, are valid too", async () => {
    const text = fs.readFileSync(example, "utf8");
    let inBlock = false;
    const uncommented = text.split("\n").map((line) => {
      if (/^ {2}# (aws:assumeRoles|aws:allowedAccountIds|aws-account-baseline:organization):/.test(line)) {
        inBlock = true;
        return line.replace("# ", "");
      }
      if (inBlock && line.startsWith("  #   ")) return line.replace("# ", "");
      inBlock = false;
      return line;
    });
    assert.ok(uncommented.join("\n") !== text);
    const file = path.join(files.dir, "Pulumi.uncommented.yaml");
    fs.writeFileSync(file, uncommented.join("\n"));
    const config = (parse(uncommented.join("\n")) as { config: Record<string, unknown> }).config;
    assert.deepStrictEqual(Object.keys(config).sort(), [
      "aws-account-baseline:accessAnalyzer",
      "aws-account-baseline:adminAccess",
      "aws-account-baseline:alternateContacts",
      "aws-account-baseline:organization",
      "aws-account-baseline:passwordPolicy",
      "aws-account-baseline:retainOnDelete",
      "aws-account-baseline:supportRole",
      "aws:allowedAccountIds",
      "aws:assumeRoles",
      "aws:region",
    ]);
    const { stackOutputs } = await runProgramWithOutputs(file);
    // The simulated organization: the role's account manages; 111.., 222.., 333.. and the excluded one are members.
    assert.strictEqual(stackOutputs.managementAccountId, "210987654321");
    assert.deepStrictEqual(stackOutputs.memberAccountIds, ["111111111111", "222222222222", "333333333333"]);
  });
});

describe("the simulated organization runProgram (and npm run check) answers with", () => {
  const answer = (config: Record<string, string>, inputs: Record<string, unknown> = {}) => {
    const invokes = simulatedOrganizationInvokes(config);
    return {
      org: invokes[getOrganization](inputs) as {
        masterAccountId: string;
        nonMasterAccounts: { id: string; state: string }[];
      },
      caller: invokes[getCallerIdentity]({}) as { accountId: string },
    };
  };
  const members = (org: { nonMasterAccounts: { id: string; state: string }[] }) =>
    org.nonMasterAccounts.map((a) => `${a.id} ${a.state}`);

  it("is managed by 123456789012 when the config names no account; three ACTIVE members and one SUSPENDED", () => {
    const { org, caller } = answer({});
    assert.strictEqual(org.masterAccountId, "123456789012");
    assert.strictEqual(caller.accountId, "123456789012");
    assert.deepStrictEqual(members(org), [
      "111111111111 ACTIVE",
      "222222222222 ACTIVE",
      "333333333333 ACTIVE",
      "444444444444 SUSPENDED",
    ]);
  });

  it("is managed by the last assumed role's account, else the first allowed one; listed ids are members", () => {
    const listed = JSON.stringify({
      memberAccounts: ["555555555555"],
      excludeAccounts: ["666666666666", "bad"],
    });
    const byRole = answer({
      "aws:assumeRoles": JSON.stringify([{ roleArn: "arn:aws:iam::222222222222:role/R" }]),
      "aws-account-baseline:organization": listed,
    });
    assert.strictEqual(byRole.org.masterAccountId, "222222222222");
    assert.strictEqual(byRole.caller.accountId, "222222222222");
    assert.deepStrictEqual(members(byRole.org), [
      "111111111111 ACTIVE",
      "333333333333 ACTIVE",
      "555555555555 ACTIVE",
      "666666666666 ACTIVE",
      "444444444444 SUSPENDED",
    ]);
    const byPin = answer({ "aws:allowedAccountIds": JSON.stringify(["999999999999", "888888888888"]) });
    assert.strictEqual(byPin.org.masterAccountId, "999999999999");
  });

  it("lists no account when asked for the organization only", () => {
    assert.deepStrictEqual(answer({}, { returnOrganizationOnly: true }).org.nonMasterAccounts, []);
  });
});
