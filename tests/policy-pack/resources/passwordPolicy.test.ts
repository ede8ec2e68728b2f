import * as assert from "assert";
import {
  passwordPolicyCharacterClasses,
  passwordPolicyMaxAge,
  passwordPolicyMinimumLength,
  passwordPolicyReusePrevention,
} from "../../../policy-pack/resources/passwordPolicy";
import { awsTypes } from "../../../policy-pack/resources/types";
import { remediateResource, validateResource } from "../../support/policyHarness";
import { unknown } from "../../../tools/engineValues";
import { defaultPasswordPolicyInputs } from "../../support/fixtures";

/** What the PasswordPolicy component sends at its defaults: every rule passes it. */
const compliant = defaultPasswordPolicyInputs;

function pp(change: Record<string, unknown> = {}) {
  const props: Record<string, unknown> = { ...compliant, ...change };
  for (const [k, v] of Object.entries(change)) if (v === undefined) delete props[k];
  return { type: awsTypes.accountPasswordPolicy, name: "baseline", props };
}

const all = [
  passwordPolicyMinimumLength,
  passwordPolicyReusePrevention,
  passwordPolicyCharacterClasses,
  passwordPolicyMaxAge,
];

describe("password policy resource policies", () => {
  it("pass the compliant baseline", async () => {
    for (const p of all) assert.deepStrictEqual(await validateResource(p, pp()), { violations: [] }, p.name);
  });

  it("ignore other resource types", async () => {
    for (const p of all) {
      const r = { type: awsTypes.user, name: "u", props: { minimumPasswordLength: 1 } };
      assert.deepStrictEqual(await validateResource(p, r), { violations: [] }, p.name);
    }
  });

  describe("password-policy-minimum-length", () => {
    const p = passwordPolicyMinimumLength;
    it("fails 13 and passes 14 at the default", async () => {
      assert.deepStrictEqual(await validateResource(p, pp({ minimumPasswordLength: 13 })), {
        violations: [{ message: "minimum password length is 13; at least 14 is required" }],
      });
      assert.deepStrictEqual(await validateResource(p, pp({ minimumPasswordLength: 14 })), {
        violations: [],
      });
    });
    it("fails an unset length, which AWS sets to 6 in a declared policy", async () => {
      assert.deepStrictEqual(await validateResource(p, pp({ minimumPasswordLength: undefined })), {
        violations: [
          {
            message:
              "minimum password length is not set (AWS applies 6 to a policy without it); at least 14 is required",
          },
        ],
      });
    });
    it("follows a configured minimum on both sides", async () => {
      const c = { minimumLength: 20 };
      assert.deepStrictEqual(await validateResource(p, pp({ minimumPasswordLength: 19 }), c), {
        violations: [{ message: "minimum password length is 19; at least 20 is required" }],
      });
      assert.deepStrictEqual(await validateResource(p, pp({ minimumPasswordLength: 20 }), c), {
        violations: [],
      });
    });
    it("remediates a short length to the threshold and touches nothing else", async () => {
      assert.deepStrictEqual(
        await remediateResource(p, pp({ minimumPasswordLength: 8, maxPasswordAge: 365 })),
        {
          ...compliant,
          minimumPasswordLength: 14,
          maxPasswordAge: 365,
        },
      );
      assert.deepStrictEqual(
        await remediateResource(p, pp({ minimumPasswordLength: 8 }), { minimumLength: 16 }),
        {
          ...compliant,
          minimumPasswordLength: 16,
        },
      );
    });
    it("does not remediate a compliant or stronger length", async () => {
      assert.strictEqual(await remediateResource(p, pp({ minimumPasswordLength: 32 })), undefined);
    });
    it("cannot decide an unknown length, and says so", async () => {
      const out = await validateResource(p, pp({ minimumPasswordLength: unknown.number }));
      assert.deepStrictEqual(out.violations, []);
      assert.match(
        out.cannotDecide ?? "",
        /number value at \.minimumPasswordLength can't be known during preview/,
      );
    });
    it("still decides when another field is unknown", async () => {
      assert.deepStrictEqual(
        await validateResource(p, pp({ minimumPasswordLength: 8, requireSymbols: unknown.bool })),
        {
          violations: [{ message: "minimum password length is 8; at least 14 is required" }],
        },
      );
    });
  });

  describe("password-policy-reuse-prevention", () => {
    const p = passwordPolicyReusePrevention;
    it("fails 23 and passes 24 (the compliant maximum) at the default", async () => {
      assert.deepStrictEqual(await validateResource(p, pp({ passwordReusePrevention: 23 })), {
        violations: [
          { message: "password reuse prevention remembers 23 previous passwords; at least 24 is required" },
        ],
      });
      assert.deepStrictEqual(await validateResource(p, pp({ passwordReusePrevention: 24 })), {
        violations: [],
      });
    });
    it("fails when unset", async () => {
      assert.deepStrictEqual(await validateResource(p, pp({ passwordReusePrevention: undefined })), {
        violations: [
          {
            message:
              "password reuse prevention is not set; at least 24 previous passwords must be remembered",
          },
        ],
      });
    });
    it("follows a configured minimum on both sides", async () => {
      const c = { minimumReusePrevention: 5 };
      assert.strictEqual(
        (await validateResource(p, pp({ passwordReusePrevention: 4 }), c)).violations.length,
        1,
      );
      assert.deepStrictEqual(await validateResource(p, pp({ passwordReusePrevention: 5 }), c), {
        violations: [],
      });
    });
    it("remediates to the threshold", async () => {
      assert.deepStrictEqual(await remediateResource(p, pp({ passwordReusePrevention: 3 })), compliant);
    });
  });

  describe("password-policy-character-classes", () => {
    const p = passwordPolicyCharacterClasses;
    for (const [field, label] of [
      ["requireUppercaseCharacters", "uppercase letters"],
      ["requireLowercaseCharacters", "lowercase letters"],
      ["requireNumbers", "numbers"],
      ["requireSymbols", "symbols"],
    ]) {
      it(`fails when ${field} is false or unset`, async () => {
        const expected = {
          violations: [
            {
              message: `the password policy does not require ${label}; it must require uppercase letters, lowercase letters, numbers, symbols`,
            },
          ],
        };
        assert.deepStrictEqual(await validateResource(p, pp({ [field]: false })), expected);
        assert.deepStrictEqual(await validateResource(p, pp({ [field]: undefined })), expected);
      });
    }
    it("lists every missing class in one violation", async () => {
      assert.deepStrictEqual(
        await validateResource(p, pp({ requireNumbers: false, requireSymbols: false })),
        {
          violations: [
            {
              message:
                "the password policy does not require numbers, symbols; it must require uppercase letters, lowercase letters, numbers, symbols",
            },
          ],
        },
      );
    });
    it("does not ask for a class the config turns off", async () => {
      assert.deepStrictEqual(
        await validateResource(p, pp({ requireSymbols: false }), { requireSymbols: false }),
        {
          violations: [],
        },
      );
    });
    it("remediates by requiring the missing classes, leaving unset ones the config does not want unset", async () => {
      assert.deepStrictEqual(
        await remediateResource(p, pp({ requireNumbers: false, requireSymbols: undefined }), {
          requireSymbols: false,
        }),
        Object.fromEntries(Object.entries(compliant).filter(([k]) => k !== "requireSymbols")),
      );
    });
  });

  describe("password-policy-max-age", () => {
    const p = passwordPolicyMaxAge;
    it("passes 90 and fails 91 at the default", async () => {
      assert.deepStrictEqual(await validateResource(p, pp({ maxPasswordAge: 90 })), { violations: [] });
      assert.deepStrictEqual(await validateResource(p, pp({ maxPasswordAge: 91 })), {
        violations: [{ message: "maximum password age is 91 days; at most 90 is allowed" }],
      });
    });
    it("fails passwords that never expire (unset or 0)", async () => {
      const expected = {
        violations: [{ message: "passwords never expire; a maximum age of at most 90 days is required" }],
      };
      assert.deepStrictEqual(await validateResource(p, pp({ maxPasswordAge: undefined })), expected);
      assert.deepStrictEqual(await validateResource(p, pp({ maxPasswordAge: 0 })), expected);
    });
    it("follows a configured maximum on both sides", async () => {
      const c = { maximumAgeDays: 30 };
      assert.deepStrictEqual(await validateResource(p, pp({ maxPasswordAge: 30 }), c), { violations: [] });
      assert.deepStrictEqual(await validateResource(p, pp({ maxPasswordAge: 31 }), c), {
        violations: [{ message: "maximum password age is 31 days; at most 30 is allowed" }],
      });
    });
    it("remediates a long or missing expiry to the maximum", async () => {
      assert.deepStrictEqual(await remediateResource(p, pp({ maxPasswordAge: 400 })), compliant);
      assert.deepStrictEqual(await remediateResource(p, pp({ maxPasswordAge: undefined })), compliant);
    });
  });

  describe("a setting of the wrong type (not a preview unknown) is a violation naming it", () => {
    for (const [p, field, value, message] of [
      [
        passwordPolicyMinimumLength,
        "minimumPasswordLength",
        "abc",
        'minimum password length is "abc", not a number; at least 14 is required',
      ],
      [
        passwordPolicyMinimumLength,
        "minimumPasswordLength",
        "20",
        'minimum password length is "20", not a number; at least 14 is required',
      ],
      [
        passwordPolicyMinimumLength,
        "minimumPasswordLength",
        true,
        "minimum password length is true, not a number; at least 14 is required",
      ],
      [
        passwordPolicyReusePrevention,
        "passwordReusePrevention",
        "abc",
        'password reuse prevention is "abc", not a number; at least 24 previous passwords must be remembered',
      ],
      [
        passwordPolicyMaxAge,
        "maxPasswordAge",
        "abc",
        'maximum password age is "abc", not a number; a maximum age of at most 90 days is required',
      ],
      [
        passwordPolicyMaxAge,
        "maxPasswordAge",
        [30],
        "maximum password age is [30], not a number; a maximum age of at most 90 days is required",
      ],
      [
        passwordPolicyCharacterClasses,
        "requireSymbols",
        "yes",
        'requireSymbols is "yes", not a boolean; it must be true',
      ],
      [
        passwordPolicyCharacterClasses,
        "requireNumbers",
        "true",
        'requireNumbers is "true", not a boolean; it must be true',
      ],
      [
        passwordPolicyCharacterClasses,
        "requireUppercaseCharacters",
        1,
        "requireUppercaseCharacters is 1, not a boolean; it must be true",
      ],
    ] as const) {
      it(`${p.name}: ${field} ${JSON.stringify(value)}`, async () => {
        assert.deepStrictEqual(await validateResource(p, pp({ [field]: value })), {
          violations: [{ message }],
        });
      });
    }
    it("says so for a class the config does not require, too", async () => {
      assert.deepStrictEqual(
        await validateResource(passwordPolicyCharacterClasses, pp({ requireSymbols: "no" }), {
          requireSymbols: false,
        }),
        { violations: [{ message: 'requireSymbols is "no", not a boolean; it must be true or false' }] },
      );
    });
    it("reports each wrong-typed class, and judges the rest once they are well typed", async () => {
      const out = await validateResource(
        passwordPolicyCharacterClasses,
        pp({ requireSymbols: "yes", requireNumbers: "yes", requireLowercaseCharacters: false }),
      );
      assert.deepStrictEqual(
        out.violations.map((v) => v.message),
        [
          'requireNumbers is "yes", not a boolean; it must be true',
          'requireSymbols is "yes", not a boolean; it must be true',
        ],
      );
      const typed = pp({ requireSymbols: true, requireNumbers: true, requireLowercaseCharacters: false });
      assert.deepStrictEqual((await validateResource(passwordPolicyCharacterClasses, typed)).violations, [
        {
          message:
            "the password policy does not require lowercase letters; it must require uppercase letters, lowercase letters, numbers, symbols",
        },
      ]);
    });
    it("follows the configured threshold in the message", async () => {
      assert.deepStrictEqual(
        await validateResource(passwordPolicyMinimumLength, pp({ minimumPasswordLength: "abc" }), {
          minimumLength: 20,
        }),
        {
          violations: [
            { message: 'minimum password length is "abc", not a number; at least 20 is required' },
          ],
        },
      );
    });
    it("remediates a wrong-typed setting to the threshold", async () => {
      for (const [policy, change] of [
        [passwordPolicyMinimumLength, { minimumPasswordLength: "abc" }],
        [passwordPolicyMaxAge, { maxPasswordAge: "365" }],
        [passwordPolicyReusePrevention, { passwordReusePrevention: "x" }],
        [passwordPolicyCharacterClasses, { requireSymbols: "yes" }],
      ] as const) {
        assert.deepStrictEqual(await remediateResource(policy, pp(change)), compliant, policy.name);
      }
      assert.deepStrictEqual(
        await remediateResource(passwordPolicyCharacterClasses, pp({ requireSymbols: "yes" }), {
          requireSymbols: false,
        }),
        { ...compliant, requireSymbols: false },
      );
    });
    it("still cannot decide a preview unknown (not a wrong type)", async () => {
      const out = await validateResource(
        passwordPolicyCharacterClasses,
        pp({ requireSymbols: unknown.bool }),
      );
      assert.deepStrictEqual(out.violations, []);
      assert.match(out.cannotDecide ?? "", /\.requireSymbols can't be known during preview/);
    });
  });

  it("default levels: length, reuse and classes mandatory, max age advisory", () => {
    assert.deepStrictEqual(
      all.map((p) => [p.name, p.enforcementLevel]),
      [
        ["password-policy-minimum-length", "mandatory"],
        ["password-policy-reuse-prevention", "mandatory"],
        ["password-policy-character-classes", "mandatory"],
        ["password-policy-max-age", "advisory"],
      ],
    );
  });
});
