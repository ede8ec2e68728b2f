/**
 * Scenario 2 of the e2e tier: a weak password policy fails the preview on the named mandatory
 * policies; at enforcement level `remediate` the engine applies the pack's remediation, `pulumi
 * up` stores the raised values, and a second preview with `--expect-no-changes` passes.
 */
import * as assert from "assert";
import { assertExit, exampleWith, mandatoryFindings, scenario } from "./support/scenario";

const STACK = "weak";
const passwordPolicies = [
  "password-policy-character-classes",
  "password-policy-minimum-length",
  "password-policy-reuse-prevention",
];
const weak = { minimumLength: 8, reusePrevention: 5, maxAgeDays: 90, requireSymbols: false };

describe("e2e: a weak password policy, then remediation", function () {
  this.timeout(600_000);
  const s = scenario({ [STACK]: exampleWith({ passwordPolicy: weak }) });
  const remediate = () => [
    "--policy-pack-config",
    s.ws.writeFile(
      "remediate.json",
      JSON.stringify(Object.fromEntries(passwordPolicies.map((p) => [p, "remediate"]))),
    ),
  ];

  it("fails the preview on the three mandatory password policies, naming them", async () => {
    const result = await s.ws.preview(STACK);
    assertExit(result, 255);
    assert.deepStrictEqual(
      mandatoryFindings(result.stdout),
      passwordPolicies.map((p) => `mandatory ${p}`),
      result.output,
    );
    assert.match(result.stdout, /minimum password length is 8; at least 14 is required/);
    assert.ok(
      s.ws.takeJournal().every((e) => e.op !== "create"),
      "nothing was created",
    );
  });

  it("at `remediate`, `pulumi up` stores the remediated values", async () => {
    const up = await s.ws.up(STACK, remediate());
    assertExit(up, 0);
    assert.match(up.stdout, /24 created/);
    assert.deepStrictEqual(mandatoryFindings(up.stdout), [], up.stdout);
    const policy = s.ws
      .stateResources(STACK)
      .find((r) => r.type === "aws:iam/accountPasswordPolicy:AccountPasswordPolicy");
    assert.ok(policy?.inputs, "the password policy is in the state");
    const { minimumPasswordLength, passwordReusePrevention, requireSymbols, maxPasswordAge } = policy.inputs;
    assert.deepStrictEqual(
      { minimumPasswordLength, passwordReusePrevention, requireSymbols, maxPasswordAge },
      { minimumPasswordLength: 14, passwordReusePrevention: 24, requireSymbols: true, maxPasswordAge: 90 },
    );
    s.ws.takeJournal();
  });

  it("a second preview with --expect-no-changes passes", async () => {
    const result = await s.ws.preview(STACK, [...remediate(), "--expect-no-changes"]);
    assertExit(result, 0);
    assert.match(result.stdout, /24 unchanged/);
    const diffs = s.ws.takeJournal().filter((e) => e.op === "diff");
    assert.strictEqual(diffs.length, 17, "the engine asked the provider to diff every aws resource");
  });
});
