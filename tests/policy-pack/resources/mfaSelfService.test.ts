import * as assert from "assert";
import { mfaSelfServiceActions as componentList } from "../../../components/mfaPolicy";
import { mfaSelfServiceActions as packList } from "../../../policy-pack/resources/mfaSelfService";

describe("the pack's copy of the MFA self-service actions", () => {
  it("equals components/mfaPolicy.ts's list, so the two cannot drift", () => {
    assert.deepStrictEqual([...packList], [...componentList]);
  });
});
