/**
 * Scenarios 1 and 3 of the e2e tier: Pulumi.example.yaml through the real engine and the pack
 * (preview, up, the stack's outputs, secrets in the state file), then `pulumi destroy`, which
 * deletes the administrators and keeps what retainOnDelete keeps.
 */
import * as assert from "assert";
import { FakeAws } from "../support/fakeAws";
import { Workspace } from "./support/engine";
import { urnType } from "./support/journal";
import {
  AMBIENT_KEY,
  assertExit,
  cleanAccount,
  example,
  packDir,
  policyFindings,
  readConfig,
  requireEngine,
  workspaceOn,
} from "./support/scenario";

const STACK = "example";
const ACCOUNT = "123456789012";
const carolPassword = "mock-password-baseline-admins-carol.admin-login";

describe("e2e: the example stack's life: preview, up, outputs, destroy", function () {
  this.timeout(600_000);
  let fake: FakeAws;
  let ws: Workspace;

  before(async () => {
    requireEngine();
    fake = await FakeAws.start();
    fake.addAccount(AMBIENT_KEY, cleanAccount(ACCOUNT));
    ws = workspaceOn(fake);
    await ws.initStack(STACK, readConfig(example));
  });
  after(async () => {
    ws?.remove();
    await fake?.stop();
  });

  it("previews Pulumi.example.yaml through the pack with no mandatory violation", async () => {
    const result = await ws.pulumi(["preview", "--stack", STACK, "--policy-pack", packDir]);
    assertExit(result, 0);
    assert.match(result.stdout, /aws-account-baseline@v0\.1\.0 \(local: .*policy-pack\)/);
    assert.deepStrictEqual(
      policyFindings(result.stdout).filter((f) => f.startsWith("mandatory")),
      [],
      result.stdout,
    );
    assert.match(result.stdout, /\+ 18 to create/);
    assert.ok(fake.total(AMBIENT_KEY) > 0, "the pack's account policies read the (local) account");
    assert.ok(
      ws.takeJournal().every((e) => e.op !== "create"),
      "a preview creates nothing",
    );
  });

  it("`pulumi up` creates the resources and the outputs come out as documented, passwords secret", async () => {
    const up = await ws.pulumi(["up", "--stack", STACK, "--policy-pack", packDir, "--yes", "--skip-preview"]);
    assertExit(up, 0);
    assert.match(up.stdout, /18 created/);
    const created = ws.takeJournal().filter((e) => e.op === "create");
    assert.strictEqual(created.length, 13, "13 aws resources (the other 5 are the stack and components)");

    const shown = await ws.pulumi(["stack", "output", "--stack", STACK, "--json"]);
    assertExit(shown, 0);
    const outputs = JSON.parse(shown.stdout) as Record<string, unknown>;
    assert.deepStrictEqual(outputs, {
      adminGroupArn: `arn:aws:iam::${ACCOUNT}:group/Administrators`,
      adminGroupName: "Administrators",
      adminUserNames: ["alice.admin", "bob.admin"],
      initialPasswords: "[secret]",
    });
    const secret = await ws.pulumi([
      "stack",
      "output",
      "initialPasswords",
      "--stack",
      STACK,
      "--json",
      "--show-secrets",
    ]);
    assertExit(secret, 0);
    const passwords = JSON.parse(secret.stdout) as Record<string, Record<string, string>>;
    assert.deepStrictEqual(Object.keys(passwords).sort(), ["alice.admin", "bob.admin"]);
    for (const user of ["alice.admin", "bob.admin"]) {
      assert.deepStrictEqual(Object.keys(passwords[user]).sort(), ["encryptedPassword", "keyFingerprint"]);
    }
    const state = JSON.parse(ws.stateFile(STACK)) as {
      checkpoint: { latest: { resources: { type: string; outputs?: Record<string, unknown> }[] } };
    };
    const stack = state.checkpoint.latest.resources.find((r) => r.type === "pulumi:pulumi:Stack");
    assert.ok(
      JSON.stringify(stack?.outputs?.initialPasswords).includes("ciphertext"),
      "the initialPasswords output is stored encrypted",
    );
  });

  it("a user without a pgpKey gets a password that is stored only encrypted", async () => {
    const config = readConfig(example);
    const admin = config["aws-account-baseline:adminAccess"] as { users: object[] };
    ws.writeConfig(STACK, {
      ...config,
      "aws-account-baseline:adminAccess": { ...admin, users: [...admin.users, { userName: "carol.admin" }] },
    });
    const up = await ws.pulumi(["up", "--stack", STACK, "--policy-pack", packDir, "--yes", "--skip-preview"]);
    assertExit(up, 0);
    assert.match(up.stdout, /3 created/);
    assert.deepStrictEqual(policyFindings(up.stdout), ["advisory login-profile-reset-required"]);
    ws.takeJournal();
    const secret = await ws.pulumi([
      "stack",
      "output",
      "initialPasswords",
      "--stack",
      STACK,
      "--json",
      "--show-secrets",
    ]);
    assertExit(secret, 0);
    assert.deepStrictEqual(JSON.parse(secret.stdout)["carol.admin"], { password: carolPassword });
    const state = ws.stateFile(STACK);
    assert.ok(state.includes("carol.admin"), "the state file is the stack's");
    assert.ok(!state.includes(carolPassword), "the plaintext password is not in the state file");
  });

  it("`pulumi destroy` deletes the administrators and keeps the password policy and the contacts", async () => {
    const destroy = await ws.pulumi(["destroy", "--stack", STACK, "--yes", "--skip-preview"]);
    assertExit(destroy, 0);
    const deleted = ws
      .takeJournal()
      .filter((e) => e.op === "delete")
      .map((e) => urnType(e.urn ?? ""));
    assert.deepStrictEqual([...new Set(deleted)].sort(), [
      "aws:iam/group:Group",
      "aws:iam/groupPolicy:GroupPolicy",
      "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
      "aws:iam/user:User",
      "aws:iam/userGroupMembership:UserGroupMembership",
      "aws:iam/userLoginProfile:UserLoginProfile",
    ]);
    assert.strictEqual(
      deleted.length,
      12,
      "the group, its two policies, and four parts per user for three users... see the list",
    );
    const state = JSON.parse(ws.stateFile(STACK)) as { checkpoint: { latest?: { resources?: unknown[] } } };
    assert.deepStrictEqual(state.checkpoint.latest?.resources ?? [], [], "nothing is left in the stack");
  });
});
