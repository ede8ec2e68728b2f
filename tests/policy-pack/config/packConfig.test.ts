import * as assert from "assert";
import {
  PolicyConfigError,
  PolicyDefaults,
  parsePolicyPackConfig,
  reconcilePolicyConfig,
  unknownSettings,
} from "../../../policy-pack/config/packConfig";

const policies: PolicyDefaults[] = [
  {
    name: "length",
    enforcementLevel: "mandatory",
    configSchema: {
      properties: { minimumLength: { type: "integer", default: 14, minimum: 6, maximum: 128 } },
    },
  },
  { name: "plain", enforcementLevel: "advisory" },
];

describe("policy pack config as the CLI builds it", () => {
  it("fills schema defaults and each policy's own level", () => {
    assert.deepStrictEqual(reconcilePolicyConfig(policies), {
      length: { enforcementLevel: "mandatory", properties: { minimumLength: 14 } },
      plain: { enforcementLevel: "advisory", properties: {} },
    });
  });
  it("applies 'all' first, then per-policy levels and properties", () => {
    const file = parsePolicyPackConfig({
      all: "disabled",
      length: { enforcementLevel: "remediate", minimumLength: 20 },
    });
    assert.deepStrictEqual(reconcilePolicyConfig(policies, file), {
      length: { enforcementLevel: "remediate", properties: { minimumLength: 20 } },
      plain: { enforcementLevel: "disabled", properties: {} },
    });
  });
  it("keeps a policy's level when the file sets only a property", () => {
    const file = parsePolicyPackConfig({ length: { minimumLength: 6 } });
    assert.deepStrictEqual(reconcilePolicyConfig(policies, file).length, {
      enforcementLevel: "mandatory",
      properties: { minimumLength: 6 },
    });
  });
  it("rejects values outside the schema, on both sides of each bound, and wrong types", () => {
    for (const [v, ok] of [
      [5, false],
      [6, true],
      [128, true],
      [129, false],
      [14.5, false],
      ["14", false],
    ] as const) {
      const run = () =>
        reconcilePolicyConfig(policies, parsePolicyPackConfig({ length: { minimumLength: v } }));
      if (ok) assert.doesNotThrow(run, String(v));
      else assert.throws(run, PolicyConfigError, String(v));
    }
  });
  it("rejects malformed files the way the CLI does", () => {
    assert.throws(() => parsePolicyPackConfig([]), /JSON object keyed by policy name/);
    assert.throws(() => parsePolicyPackConfig({ length: "loud" }), /"loud" is not a valid enforcement level/);
    assert.throws(() => parsePolicyPackConfig({ length: 3 }), /use a level string or an object/);
    assert.throws(
      () => parsePolicyPackConfig({ all: { minimumLength: 3 } }),
      /"all" takes only an enforcement level/,
    );
  });
  it("a misspelled policy name is an error naming the nearest policy", () => {
    assert.throws(
      () => reconcilePolicyConfig(policies, parsePolicyPackConfig({ all: "advisory", lenght: "disabled" })),
      (e: PolicyConfigError) =>
        assert.deepStrictEqual(e.problems, [
          '"lenght" is not a policy of this pack (did you mean "length"?)',
        ]) ?? true,
    );
    assert.throws(
      () => reconcilePolicyConfig(policies, parsePolicyPackConfig({ "nothing-like-it": "disabled" })),
      /"nothing-like-it" is not a policy of this pack; the policies are length, plain$/,
    );
  });
  it("a misspelled property is an error naming the allowed ones; enforcementLevel is always allowed", () => {
    assert.throws(
      () => reconcilePolicyConfig(policies, parsePolicyPackConfig({ length: { minimumLenght: 16 } })),
      (e: PolicyConfigError) =>
        assert.deepStrictEqual(e.problems, [
          "length: minimumLenght is not a setting of this policy; allowed: minimumLength (and enforcementLevel)",
        ]) ?? true,
    );
    assert.throws(
      () => reconcilePolicyConfig(policies, parsePolicyPackConfig({ plain: { threshold: 1 } })),
      /plain: threshold is not a setting of this policy; it takes only enforcementLevel/,
    );
    assert.doesNotThrow(() =>
      reconcilePolicyConfig(policies, parsePolicyPackConfig({ length: { enforcementLevel: "advisory" } })),
    );
  });
  it("unknownSettings judges the properties a policy received (what the pack checks at run time)", () => {
    assert.deepStrictEqual(unknownSettings(policies[0], { minimumLength: 14 }), []);
    assert.deepStrictEqual(unknownSettings(policies[0], { minimumLength: 14, minimumLenght: 16 }), [
      "length: minimumLenght is not a setting of this policy; allowed: minimumLength (and enforcementLevel)",
    ]);
  });
});
