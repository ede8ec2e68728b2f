import * as assert from "assert";
import { loginProfileResetRequired } from "../../../policy-pack/resources/loginProfileResetRequired";
import { awsTypes } from "../../../policy-pack/resources/types";
import { unknown } from "../../../tools/engineValues";
import { validateResource } from "../../support/policyHarness";

const p = loginProfileResetRequired;
const profile = (change: Record<string, unknown> = {}) => ({
  type: awsTypes.userLoginProfile,
  name: "alice-login",
  props: Object.fromEntries(
    Object.entries({ user: "alice", passwordResetRequired: true, pgpKey: "keybase:alice", ...change }).filter(
      ([, v]) => v !== undefined,
    ),
  ),
});

describe("login-profile-reset-required", () => {
  it("passes a profile that must be reset and is PGP-encrypted", async () => {
    assert.deepStrictEqual(await validateResource(p, profile()), { violations: [] });
  });
  it("fails passwordResetRequired false or unset, stating the value", async () => {
    assert.deepStrictEqual(await validateResource(p, profile({ passwordResetRequired: false })), {
      violations: [
        { message: 'login profile for user "alice": passwordResetRequired is false; it must be true' },
      ],
    });
    assert.deepStrictEqual(await validateResource(p, profile({ passwordResetRequired: undefined })), {
      violations: [
        { message: 'login profile for user "alice": passwordResetRequired is not set; it must be true' },
      ],
    });
  });
  it("fails a missing or blank pgpKey", async () => {
    const expected = {
      violations: [
        {
          message: `login profile for user "alice": no pgpKey is set; the initial password must be encrypted with the user's PGP key`,
        },
      ],
    };
    assert.deepStrictEqual(await validateResource(p, profile({ pgpKey: undefined })), expected);
    assert.deepStrictEqual(await validateResource(p, profile({ pgpKey: " " })), expected);
  });
  it("reports both problems in one violation", async () => {
    const out = await validateResource(p, profile({ pgpKey: undefined, passwordResetRequired: false }));
    assert.strictEqual(out.violations.length, 1);
    assert.match(
      out.violations[0].message,
      /passwordResetRequired is false; it must be true; no pgpKey is set/,
    );
  });
  it("lets config drop the PGP requirement but keep the reset", async () => {
    assert.deepStrictEqual(
      await validateResource(p, profile({ pgpKey: undefined }), { requirePgpKey: false }),
      { violations: [] },
    );
    assert.strictEqual(
      (
        await validateResource(p, profile({ pgpKey: undefined, passwordResetRequired: false }), {
          requirePgpKey: false,
        })
      ).violations.length,
      1,
    );
  });
  it("ignores other resource types", async () => {
    assert.deepStrictEqual(
      await validateResource(p, { type: awsTypes.user, name: "u", props: { name: "u" } }),
      { violations: [] },
    );
  });
  it("cannot decide an unknown passwordResetRequired during preview", async () => {
    const out = await validateResource(p, profile({ passwordResetRequired: unknown.bool }));
    assert.deepStrictEqual(out.violations, []);
    assert.match(
      out.cannotDecide ?? "",
      /boolean value at \.passwordResetRequired can't be known during preview/,
    );
  });
});
