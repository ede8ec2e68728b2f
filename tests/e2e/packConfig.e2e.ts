/**
 * Scenario 6 of the e2e tier: `--policy-pack-config` with a value outside a policy's
 * configSchema is rejected by the engine itself, naming the policy and the field, before the
 * program's resources reach the provider.
 */
import * as assert from "assert";
import { version as packVersion } from "../../policy-pack/package.json";
import { assertExit, count, diagnosticsSection, exampleWith, scenario } from "./support/scenario";

const STACK = "packconfig";

describe("e2e: a bad --policy-pack-config", function () {
  this.timeout(600_000);
  const s = scenario({ [STACK]: exampleWith() });

  it("is rejected by the engine, naming the policy and the field", async () => {
    const config = s.ws.writeFile(
      "policy-config.json",
      JSON.stringify({
        "password-policy-minimum-length": { minimumLength: 3 },
        "access-keys-rotated": { maximumKeyAgeDays: "ninety" },
      }),
    );
    const result = await s.ws.preview(STACK, ["--policy-pack-config", config]);
    assertExit(result, 255);
    const diagnostics = diagnosticsSection(result.output);
    for (const problem of [
      "password-policy-minimum-length: minimumLength: Must be greater than or equal to 6",
      "access-keys-rotated: maximumKeyAgeDays: Invalid type. Expected: integer, given: string",
    ]) {
      assert.strictEqual(
        count(
          diagnostics,
          `error: validating policy config: aws-account-baseline ${packVersion}  ${problem}`,
        ),
        1,
        result.output,
      );
    }
    const asked = s.ws.takeJournal().filter((e) => ["check", "create"].includes(e.op));
    assert.deepStrictEqual(asked, [], "the program's resources never reached the provider");
  });
});
