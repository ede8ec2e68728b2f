import * as assert from "assert";
import { defaultPasswordPolicyInputs } from "../support/fixtures";
import { installMocks, record } from "../../tools/mockEngine";

type Components = typeof import("../../components/index");

describe("PasswordPolicy", () => {
  let c: Components;
  before(async () => {
    installMocks();
    c = await import("../../components/index");
  });

  it("creates one AccountPasswordPolicy with the CIS-grade defaults, kept on delete", async () => {
    const m = await record(() => new c.PasswordPolicy("pp"));
    assert.deepStrictEqual(
      m.resources.map((r) => [r.type, r.name]),
      [
        ["aws-account-baseline:iam:PasswordPolicy", "pp"],
        ["aws:iam/accountPasswordPolicy:AccountPasswordPolicy", "pp"],
      ],
    );
    const [component, policy] = m.resources;
    assert.deepStrictEqual(policy.inputs, defaultPasswordPolicyInputs);
    assert.strictEqual(policy.parent, component.urn);
    assert.strictEqual(policy.retainOnDelete, true);
  });

  it("applies every override", async () => {
    const m = await record(
      () =>
        new c.PasswordPolicy("pp", {
          minimumLength: 32,
          reusePrevention: 5,
          maxAgeDays: 365,
          requireUppercase: false,
          requireLowercase: false,
          requireNumbers: false,
          requireSymbols: false,
          allowUsersToChange: false,
          hardExpiry: true,
          retainOnDelete: false,
        }),
    );
    const [policy] = m.ofType("aws:iam/accountPasswordPolicy:AccountPasswordPolicy");
    assert.deepStrictEqual(policy.inputs, {
      minimumPasswordLength: 32,
      passwordReusePrevention: 5,
      maxPasswordAge: 365,
      requireUppercaseCharacters: false,
      requireLowercaseCharacters: false,
      requireNumbers: false,
      requireSymbols: false,
      allowUsersToChangePassword: false,
      hardExpiry: true,
    });
    assert.strictEqual(policy.retainOnDelete, false);
  });

  it("names its child after itself, so two instances do not collide", async () => {
    const m = await record(() => [new c.PasswordPolicy("a"), new c.PasswordPolicy("b")]);
    const urns = m.resources.map((r) => r.urn);
    assert.strictEqual(new Set(urns).size, 4);
    assert.deepStrictEqual(
      m.ofType("aws:iam/accountPasswordPolicy:AccountPasswordPolicy").map((r) => r.name),
      ["a", "b"],
    );
  });
});
