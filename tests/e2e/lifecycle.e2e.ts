/**
 * Scenarios 1 and 3 of the e2e tier: Pulumi.example.yaml through the real engine and the pack
 * (preview, up, the stack's outputs, secrets in the state file), then `pulumi destroy`, which
 * deletes the administrators and keeps what retainOnDelete keeps.
 */
import * as assert from "assert";
import { version as packVersion } from "../../policy-pack/package.json";
import { urnType } from "./support/journal";
import {
  assertExit,
  exampleWith,
  fakeAccounts,
  mandatoryFindings,
  policyFindings,
  scenario,
} from "./support/scenario";

const STACK = "example";
const ACCOUNT = "123456789012";
const users = ["alice.admin", "bob.admin"];
const carolPassword = "mock-password-baseline-admins-carol.admin-login";

describe("e2e: the example stack's life: preview, up, outputs, destroy", function () {
  this.timeout(600_000);
  const s = scenario({ [STACK]: exampleWith() }, undefined, { typeCheck: true });

  it("previews Pulumi.example.yaml through the pack with no mandatory violation", async () => {
    const result = await s.ws.preview(STACK);
    assertExit(result, 0);
    assert.match(
      result.stdout,
      new RegExp(`aws-account-baseline@v${packVersion.replace(/\./g, "\\.")} \\(local: .*policy-pack\\)`),
    );
    assert.deepStrictEqual(mandatoryFindings(result.stdout), [], result.stdout);
    assert.match(result.stdout, /\+ 24 to create/);
    assert.ok(
      s.fake.total(fakeAccounts.AMBIENT_KEY) > 0,
      "the pack's account policies read the (local) account",
    );
    assert.ok(
      s.ws.takeJournal().every((e) => e.op !== "create"),
      "a preview creates nothing",
    );
  });

  it("`pulumi up` creates the resources and the outputs come out as documented, passwords secret", async () => {
    const up = await s.ws.up(STACK);
    assertExit(up, 0);
    assert.match(up.stdout, /24 created/);
    const created = s.ws.takeJournal().filter((e) => e.op === "create");
    assert.strictEqual(created.length, 17, "17 aws resources (the other 7 are the stack and components)");
    assert.deepStrictEqual(await s.ws.outputs(STACK), {
      adminGroupArn: `arn:aws:iam::${ACCOUNT}:group/Administrators`,
      adminGroupName: "Administrators",
      adminUserNames: users,
      initialPasswords: "[secret]",
    });
    const passwords = (await s.ws.outputs(STACK, true)).initialPasswords as Record<string, object>;
    assert.deepStrictEqual(Object.keys(passwords).sort(), users);
    for (const user of users) {
      assert.deepStrictEqual(Object.keys(passwords[user]).sort(), ["encryptedPassword", "keyFingerprint"]);
    }
    const stack = s.ws.stateResources(STACK).find((r) => r.type === "pulumi:pulumi:Stack");
    assert.ok(
      JSON.stringify(stack?.outputs?.initialPasswords).includes("ciphertext"),
      "the initialPasswords output is stored encrypted",
    );
  });

  it("a user without a pgpKey gets a password that is stored only encrypted", async () => {
    const admins = exampleWith()["aws-account-baseline:adminAccess"] as { users: object[] };
    s.ws.writeConfig(
      STACK,
      exampleWith({ adminAccess: { ...admins, users: [...admins.users, { userName: "carol.admin" }] } }),
    );
    const up = await s.ws.up(STACK);
    assertExit(up, 0);
    assert.match(up.stdout, /3 created/);
    assert.deepStrictEqual(policyFindings(up.stdout), ["advisory login-profile-reset-required"]);
    s.ws.takeJournal();
    const passwords = (await s.ws.outputs(STACK, true)).initialPasswords as Record<string, object>;
    assert.deepStrictEqual(passwords["carol.admin"], { password: carolPassword });
    const state = s.ws.stateFile(STACK);
    assert.ok(state.includes("carol.admin"), "the state file is the stack's");
    assert.ok(!state.includes(carolPassword), "the plaintext password is not in the state file");
  });

  it("`pulumi destroy` deletes the administrators and keeps the password policy and the contacts", async () => {
    const destroy = await s.ws.pulumi(["destroy", "--stack", STACK, "--yes", "--skip-preview"]);
    assertExit(destroy, 0);
    assert.match(destroy.stdout, /27 deleted/);
    for (const kept of [
      "aws:iam:AccountPasswordPolicy baseline-password-policy",
      "aws:account:AlternativeContact baseline-contacts-billing",
      "aws:account:AlternativeContact baseline-contacts-operations",
      "aws:account:AlternativeContact baseline-contacts-security",
    ]) {
      assert.match(destroy.stdout, new RegExp(`${kept} deleted \\([\\d.]+s\\)\\[retain\\]`), destroy.stdout);
    }
    const deleted = s.ws
      .takeJournal()
      .filter((e) => e.op === "delete")
      .map((e) => urnType(e.urn ?? ""));
    assert.deepStrictEqual([...new Set(deleted)].sort(), [
      "aws:accessanalyzer/analyzer:Analyzer",
      "aws:iam/group:Group",
      "aws:iam/groupPolicy:GroupPolicy",
      "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
      "aws:iam/role:Role",
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
      "aws:iam/user:User",
      "aws:iam/userGroupMembership:UserGroupMembership",
      "aws:iam/userLoginProfile:UserLoginProfile",
    ]);
    // the group, its force-MFA policy and AdministratorAccess attachment; per user (3): the user,
    // the group membership and the login profile; the support role, its AWSSupportAccess
    // attachment and the group's policy to assume it; the analyzer. Never the password policy or
    // a contact.
    assert.strictEqual(deleted.length, 16);
    assert.deepStrictEqual(s.ws.stateResources(STACK), [], "nothing is left in the stack");
  });
});
