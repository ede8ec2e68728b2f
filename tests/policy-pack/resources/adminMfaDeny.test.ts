/**
 * admin-policy-only-on-mfa-group: which MFA Denies on the administrators group count. Only one
 * that applies to every request without MFA does: console sessions without MFA (the key is false)
 * and requests signed with access keys (the key is absent), exempting only named MFA self-service.
 */
import * as assert from "assert";
import { adminPolicyOnlyOnMfaGroup as p } from "../../../policy-pack/resources/adminOnlyOnMfaGroup";
import { awsTypes } from "../../../policy-pack/resources/types";
import { TestResource, validateStack } from "../../support/policyHarness";
import { adminArn, baselineStack, forceMfaDocument, res } from "./stackFixtures";

const selfService = forceMfaDocument.Statement[0].NotAction ?? [];
/** The component's second Deny: self-service on anyone but the caller, without MFA. */
const othersDeny = forceMfaDocument.Statement[1];

function deny(condition: Record<string, Record<string, unknown>>, change: Record<string, unknown> = {}) {
  return { Effect: "Deny", NotAction: [...selfService], Resource: "*", Condition: condition, ...change };
}
const boolFalse = { Bool: { "aws:MultiFactorAuthPresent": "false" } };
const nullTrue = { Null: { "aws:MultiFactorAuthPresent": "true" } };

/**
 * The baseline stack with the group's blanket MFA Deny replaced by these statements (the Deny of
 * self-service on other users stays).
 */
function withStatements(...statements: unknown[]): TestResource[] {
  return withDocument({ Version: "2012-10-17", Statement: [...statements, othersDeny] });
}

function withDocument(document: unknown): TestResource[] {
  const doc = JSON.stringify(document);
  return baselineStack().map((r) =>
    r.type === awsTypes.groupPolicy ? { ...r, props: { ...r.props, policy: doc } } : r,
  );
}

async function messages(stack: TestResource[]): Promise<string[]> {
  return (await validateStack(p, stack)).violations.map((v) => v.message);
}

function notCounted(reasons: string): string[] {
  return [
    `group "Administrators" gets full administrative rights from policy ${adminArn} (admins-admin) but the MFA Deny on that group does not count: ${reasons}; administrator rights must come only from a group that enforces MFA`,
  ];
}

const boolReason =
  'its Deny uses Bool, which does not apply to requests signed with access keys (they carry no aws:MultiFactorAuthPresent; use BoolIfExists, or add a Deny with Null "aws:MultiFactorAuthPresent": "true")';
const nullReason =
  "its Deny uses Null, which applies only to requests signed with access keys, not to console sessions without MFA (use BoolIfExists)";

describe("admin-policy-only-on-mfa-group: the group's MFA Deny", () => {
  it("counts the baseline's own BoolIfExists document", async () => {
    assert.deepStrictEqual(await messages(baselineStack()), []);
  });

  it("does not count self-service exempted on every resource beside AdministratorAccess: members could act on others", async () => {
    const former = {
      Version: "2012-10-17",
      Statement: [deny({ BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } })],
    };
    assert.deepStrictEqual(
      await messages(withDocument(former)),
      notCounted(
        "its Deny exempts iam:ChangePassword, iam:EnableMFADevice, iam:ListMFADevices, iam:ResyncMFADevice, iam:GetUser " +
          `on every user, and policy ${adminArn} may allow them on other users, so a member without MFA can act on another ` +
          "user (deny them without MFA on NotResource arn:aws:iam::*:user/${aws:username}, arn:aws:iam::*:mfa/${aws:username})",
      ),
    );
  });

  it("does not count Bool false on the self-service NotAction, and says why", async () => {
    assert.deepStrictEqual(await messages(withStatements(deny(boolFalse))), notCounted(boolReason));
  });

  it("does not count Null true alone, and says why", async () => {
    assert.deepStrictEqual(await messages(withStatements(deny(nullTrue))), notCounted(nullReason));
  });

  it("counts Bool false together with a Null true Deny in another statement", async () => {
    assert.deepStrictEqual(await messages(withStatements(deny(boolFalse), deny(nullTrue))), []);
    assert.deepStrictEqual(
      await messages(withStatements(deny(boolFalse, { NotAction: undefined, Action: "*" }), deny(nullTrue))),
      [],
    );
  });

  it("counts Bool false and a Null true Deny from another policy on the group", async () => {
    const stack = [
      ...withStatements(deny(boolFalse)),
      res(awsTypes.policy, "deny-keys", {
        name: "DenyWithoutMfaKey",
        arn: "arn:aws:iam::123456789012:policy/DenyWithoutMfaKey",
        policy: { Version: "2012-10-17", Statement: [deny(nullTrue)] },
      }),
      res(awsTypes.groupPolicyAttachment, "admins-deny-keys", {
        group: "Administrators",
        policyArn: "arn:aws:iam::123456789012:policy/DenyWithoutMfaKey",
      }),
    ];
    assert.deepStrictEqual(await messages(stack), []);
  });

  it("does not count Bool false and Null true in one statement: both must hold, and never do", async () => {
    assert.deepStrictEqual(
      await messages(withStatements(deny({ ...boolFalse, ...nullTrue }))),
      notCounted(
        "its Deny requires aws:MultiFactorAuthPresent to be both false (Bool) and absent (Null) in one statement, which never holds (use BoolIfExists)",
      ),
    );
  });

  it("does not count a Null companion whose exemptions are too wide", async () => {
    assert.deepStrictEqual(
      await messages(withStatements(deny(boolFalse), deny(nullTrue, { NotAction: ["iam:*"] }))),
      notCounted(`its Deny exempts iam:*, which is not MFA self-service; ${boolReason}`),
    );
  });

  for (const exempt of ["iam:Create*", "iam:Attach*", "iam:Put*", "sts:*Role*", "*", "iam:Get?ser"]) {
    it(`does not count a BoolIfExists Deny that exempts the wildcard ${exempt}`, async () => {
      const weak = deny(
        { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
        { NotAction: [...selfService, exempt] },
      );
      assert.deepStrictEqual(
        await messages(withStatements(weak)),
        notCounted(`its Deny exempts ${exempt}, which is not MFA self-service`),
      );
    });
  }

  it("does not count named exemptions outside MFA self-service, and lists them", async () => {
    const weak = deny(
      { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
      { NotAction: ["iam:ChangePassword", "iam:CreateAccessKey", "iam:AttachUserPolicy"] },
    );
    assert.deepStrictEqual(
      await messages(withStatements(weak)),
      notCounted(
        "its Deny exempts iam:CreateAccessKey, iam:AttachUserPolicy, which are not MFA self-service",
      ),
    );
  });

  it("counts a subset of MFA self-service, in any letter case (IAM action names are case-insensitive)", async () => {
    const subset = deny(
      { BoolIfExists: { "aws:MultiFactorAuthPresent": false } },
      { NotAction: ["iam:changepassword", "IAM:EnableMFADevice"] },
    );
    assert.deepStrictEqual(await messages(withStatements(subset)), []);
  });

  it("does not count a Deny narrowed by another condition", async () => {
    const narrowed = deny({
      BoolIfExists: { "aws:MultiFactorAuthPresent": "false" },
      IpAddress: { "aws:SourceIp": "203.0.113.0/24" },
    });
    assert.deepStrictEqual(
      await messages(withStatements(narrowed)),
      notCounted("its Deny also requires IpAddress aws:SourceIp, which narrows when it applies"),
    );
  });

  it("does not count a Deny of some actions only", async () => {
    const some = deny(
      { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
      { NotAction: undefined, Action: ["s3:*", "ec2:*"] },
    );
    assert.deepStrictEqual(
      await messages(withStatements(some)),
      notCounted("its Deny covers only s3:*, ec2:*, not every action"),
    );
  });
});
