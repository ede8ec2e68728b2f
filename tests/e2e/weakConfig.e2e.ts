/**
 * Scenario 2 of the e2e tier: a weak password policy fails the preview on the named mandatory
 * policies; at enforcement level `remediate` the engine applies the pack's remediation, `pulumi
 * up` stores the raised values, and a second preview with `--expect-no-changes` passes.
 */
import * as assert from "assert";
import { FakeAws } from "../support/fakeAws";
import { Workspace } from "./support/engine";
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

const STACK = "weak";
const passwordPolicies = [
  "password-policy-character-classes",
  "password-policy-minimum-length",
  "password-policy-reuse-prevention",
];
const weak = { minimumLength: 8, reusePrevention: 5, maxAgeDays: 90, requireSymbols: false };

interface State {
  checkpoint: { latest: { resources: { type: string; inputs?: Record<string, unknown> }[] } };
}

describe("e2e: a weak password policy, then remediation", function () {
  this.timeout(600_000);
  let fake: FakeAws;
  let ws: Workspace;
  let remediate: string;

  before(async () => {
    requireEngine();
    fake = await FakeAws.start();
    fake.addAccount(AMBIENT_KEY, cleanAccount("123456789012"));
    ws = workspaceOn(fake);
    await ws.initStack(STACK, { ...readConfig(example), "aws-account-baseline:passwordPolicy": weak });
    remediate = ws.writeFile(
      "remediate.json",
      JSON.stringify(Object.fromEntries(passwordPolicies.map((p) => [p, "remediate"]))),
    );
  });
  after(async () => {
    ws?.remove();
    await fake?.stop();
  });

  it("fails the preview on the three mandatory password policies, naming them", async () => {
    const result = await ws.pulumi(["preview", "--stack", STACK, "--policy-pack", packDir]);
    assertExit(result, 255);
    const mandatory = policyFindings(result.stdout).filter((f) => f.startsWith("mandatory"));
    assert.deepStrictEqual(
      mandatory.sort(),
      passwordPolicies.map((p) => `mandatory ${p}`),
      result.output,
    );
    assert.match(result.stdout, /minimum password length is 8; at least 14 is required/);
    assert.ok(
      ws.takeJournal().every((e) => e.op !== "create"),
      "nothing was created",
    );
  });

  it("at `remediate`, `pulumi up` stores the remediated values", async () => {
    const up = await ws.pulumi([
      "up",
      "--stack",
      STACK,
      "--policy-pack",
      packDir,
      "--policy-pack-config",
      remediate,
      "--yes",
      "--skip-preview",
    ]);
    assertExit(up, 0);
    assert.match(up.stdout, /18 created/);
    assert.deepStrictEqual(
      policyFindings(up.stdout).filter((f) => f.startsWith("mandatory")),
      [],
      up.stdout,
    );
    const state = JSON.parse(ws.stateFile(STACK)) as State;
    const policy = state.checkpoint.latest.resources.find(
      (r) => r.type === "aws:iam/accountPasswordPolicy:AccountPasswordPolicy",
    );
    assert.ok(policy?.inputs, "the password policy is in the state");
    const { minimumPasswordLength, passwordReusePrevention, requireSymbols, maxPasswordAge } = policy.inputs;
    assert.deepStrictEqual(
      { minimumPasswordLength, passwordReusePrevention, requireSymbols, maxPasswordAge },
      { minimumPasswordLength: 14, passwordReusePrevention: 24, requireSymbols: true, maxPasswordAge: 90 },
    );
    ws.takeJournal();
  });

  it("a second preview with --expect-no-changes passes", async () => {
    const result = await ws.pulumi([
      "preview",
      "--stack",
      STACK,
      "--policy-pack",
      packDir,
      "--policy-pack-config",
      remediate,
      "--expect-no-changes",
    ]);
    assertExit(result, 0);
    assert.match(result.stdout, /18 unchanged/);
    const diffs = ws.takeJournal().filter((e) => e.op === "diff");
    assert.strictEqual(diffs.length, 13, "the engine asked the provider to diff every aws resource");
  });
});
