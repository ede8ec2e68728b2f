import * as assert from "assert";
import {
  awsDefaultPasswordPolicy,
  checkCharacterClasses,
  checkMaxAge,
  checkMinimumLength,
  checkPasswordPolicy,
  checkReusePrevention,
  defaultPasswordPolicyConfig,
  PasswordPolicySettings,
  strengthenPasswordPolicy,
} from "../../../policy-pack/rules/passwordPolicy";

const cis: PasswordPolicySettings = {
  minimumPasswordLength: 14,
  passwordReusePrevention: 24,
  maxPasswordAge: 90,
  requireUppercaseCharacters: true,
  requireLowercaseCharacters: true,
  requireNumbers: true,
  requireSymbols: true,
};
const classes = defaultPasswordPolicyConfig["password-policy-character-classes"];

describe("password-policy rules", () => {
  it("pass the CIS baseline", () => {
    assert.deepStrictEqual(checkPasswordPolicy(cis), {});
  });

  it("minimum length: 13 fails, 14 passes, unset fails", () => {
    assert.strictEqual(
      checkMinimumLength({ minimumPasswordLength: 13 }, { minimumLength: 14 }),
      "minimum password length is 13; at least 14 is required",
    );
    assert.strictEqual(checkMinimumLength({ minimumPasswordLength: 14 }, { minimumLength: 14 }), undefined);
    // A policy that omits the field gets AWS's 6; 8 is AWS's default only when there is no policy.
    assert.strictEqual(
      checkMinimumLength({}, { minimumLength: 14 }),
      "minimum password length is not set (AWS applies 6 to a policy without it); at least 14 is required",
    );
    assert.strictEqual(
      checkMinimumLength(awsDefaultPasswordPolicy, { minimumLength: 14 }),
      "minimum password length is 8; at least 14 is required",
    );
  });

  it("reuse prevention: 23 fails, 24 (the AWS maximum) passes, unset and 0 fail", () => {
    assert.strictEqual(
      checkReusePrevention({ passwordReusePrevention: 23 }, { minimumReusePrevention: 24 }),
      "password reuse prevention remembers 23 previous passwords; at least 24 is required",
    );
    assert.strictEqual(
      checkReusePrevention({ passwordReusePrevention: 24 }, { minimumReusePrevention: 24 }),
      undefined,
    );
    assert.match(checkReusePrevention({}, { minimumReusePrevention: 24 }) ?? "", /not set/);
    assert.match(
      checkReusePrevention({ passwordReusePrevention: 0 }, { minimumReusePrevention: 24 }) ?? "",
      /not set/,
    );
  });

  it("max age: 91 fails, 90 passes, unset and 0 (never expire) fail", () => {
    assert.strictEqual(
      checkMaxAge({ maxPasswordAge: 91 }, { maximumAgeDays: 90 }),
      "maximum password age is 91 days; at most 90 is allowed",
    );
    assert.strictEqual(checkMaxAge({ maxPasswordAge: 90 }, { maximumAgeDays: 90 }), undefined);
    assert.match(checkMaxAge({}, { maximumAgeDays: 90 }) ?? "", /never expire/);
    assert.match(checkMaxAge({ maxPasswordAge: 0 }, { maximumAgeDays: 90 }) ?? "", /never expire/);
  });

  it("character classes name exactly the missing ones", () => {
    assert.strictEqual(
      checkCharacterClasses({ ...cis, requireSymbols: false, requireNumbers: undefined }, classes),
      "the password policy does not require numbers, symbols; it must require uppercase letters, lowercase letters, numbers, symbols",
    );
    assert.strictEqual(checkCharacterClasses(cis, classes), undefined);
    assert.strictEqual(
      checkCharacterClasses({ ...cis, requireSymbols: false }, { ...classes, requireSymbols: false }),
      undefined,
    );
  });

  it("AWS's default policy (no policy set) fails all four rules", () => {
    assert.deepStrictEqual(Object.keys(checkPasswordPolicy(awsDefaultPasswordPolicy)).sort(), [
      "password-policy-character-classes",
      "password-policy-max-age",
      "password-policy-minimum-length",
      "password-policy-reuse-prevention",
    ]);
  });

  it("strengthening raises weak values, keeps stronger ones, and then passes", () => {
    const weak = { minimumPasswordLength: 8, maxPasswordAge: 365, requireSymbols: false, hardExpiry: true };
    const fixed = strengthenPasswordPolicy(weak);
    assert.deepStrictEqual(fixed, { ...cis, hardExpiry: true });
    assert.deepStrictEqual(checkPasswordPolicy(fixed), {});
    const strong = strengthenPasswordPolicy({ ...cis, minimumPasswordLength: 20, maxPasswordAge: 30 });
    assert.strictEqual(strong.minimumPasswordLength, 20);
    assert.strictEqual(strong.maxPasswordAge, 30);
  });
});
