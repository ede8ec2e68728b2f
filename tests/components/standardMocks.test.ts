/**
 * The components under Pulumi's own `setMocks` (not the recording monitor): what a user's or a
 * reviewer's test would do. Proves nothing here depends on the recording monitor's extras.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { baselineArgs } from "../support/fixtures";
import { allRegistered, promiseOf } from "../../tools/mockEngine";

describe("components under Pulumi's standard setMocks", () => {
  const created: pulumi.runtime.MockResourceArgs[] = [];
  let c: typeof import("../../components");

  before(async () => {
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          created.push(args);
          const state =
            args.type === "aws:iam/userLoginProfile:UserLoginProfile" && args.inputs.pgpKey === undefined
              ? { ...args.inputs, password: "generated" }
              : args.inputs;
          return { id: args.custom ? `${args.name}-id` : undefined, state };
        },
        call: (args) => {
          throw new Error(`unexpected invoke ${args.token}`);
        },
      },
      "aws-account-baseline",
      "standard",
    );
    c = await import("../../components");
  });

  it("registers the same resources and keeps the generated password secret", async () => {
    const baseline = new c.AccountBaseline("std", baselineArgs);
    const admins = baseline.adminAccess as import("../../components").AdminAccess;
    assert.deepStrictEqual(await promiseOf(admins.userNames), ["alice", "bob"]);
    assert.strictEqual(await pulumi.isSecret(admins.initialPasswords), true);
    const passwords = await promiseOf(admins.initialPasswords);
    assert.deepStrictEqual(passwords.alice, { password: "generated" });
    await allRegistered();
    assert.deepStrictEqual(
      created
        .filter((r) => r.custom)
        .map((r) => r.type)
        .sort(),
      [
        "aws:accessanalyzer/analyzer:Analyzer",
        "aws:account/alternativeContact:AlternativeContact",
        "aws:account/alternativeContact:AlternativeContact",
        "aws:account/alternativeContact:AlternativeContact",
        "aws:iam/accountPasswordPolicy:AccountPasswordPolicy",
        "aws:iam/group:Group",
        "aws:iam/groupPolicy:GroupPolicy",
        "aws:iam/groupPolicy:GroupPolicy",
        "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
        "aws:iam/role:Role",
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        "aws:iam/user:User",
        "aws:iam/user:User",
        "aws:iam/userGroupMembership:UserGroupMembership",
        "aws:iam/userGroupMembership:UserGroupMembership",
        "aws:iam/userLoginProfile:UserLoginProfile",
        "aws:iam/userLoginProfile:UserLoginProfile",
      ],
    );
  });
});
