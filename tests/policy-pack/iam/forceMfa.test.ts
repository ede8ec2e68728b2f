/**
 * The one recognition of "a group that enforces MFA", over a group's documents and managed ARNs:
 * the baseline's own document and AWS's documented one are accepted; any set that leaves a member
 * able to act on another user without MFA is not, and the reason says how.
 */
import * as assert from "assert";
import { forceMfaVerdict } from "../../../policy-pack/iam/forceMfa";
import { administratorAccessDocument, evaluate } from "../../support/iamEvaluator";
import { forceMfaDocument } from "../resources/stackFixtures";

const adminArn = "arn:aws:iam::aws:policy/AdministratorAccess";
const withoutMfa = { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } };

/** AWS's "manage their own MFA device on the Security credentials page" example, as AWS publishes it. */
const awsDocumented = {
  Version: "2012-10-17",
  Statement: [
    { Sid: "AllowViewAccountInfo", Effect: "Allow", Action: "iam:ListVirtualMFADevices", Resource: "*" },
    {
      Sid: "AllowManageOwnVirtualMFADevice",
      Effect: "Allow",
      Action: ["iam:CreateVirtualMFADevice"],
      Resource: "arn:aws:iam::*:mfa/*",
    },
    {
      Sid: "AllowManageOwnUserMFA",
      Effect: "Allow",
      Action: [
        "iam:DeactivateMFADevice",
        "iam:EnableMFADevice",
        "iam:GetUser",
        "iam:GetMFADevice",
        "iam:ListMFADevices",
        "iam:ResyncMFADevice",
      ],
      Resource: "arn:aws:iam::*:user/${aws:username}",
    },
    {
      Sid: "DenyAllExceptListedIfNoMFA",
      Effect: "Deny",
      NotAction: [
        "iam:CreateVirtualMFADevice",
        "iam:EnableMFADevice",
        "iam:GetUser",
        "iam:ListMFADevices",
        "iam:ListVirtualMFADevices",
        "iam:ResyncMFADevice",
        "sts:GetSessionToken",
      ],
      Resource: "*",
      Condition: withoutMfa,
    },
  ],
};

const onOthers = (actions: string, grantors: string, pronoun = "them") =>
  `its Deny exempts ${actions} on every user, and ${grantors} may allow ${pronoun} on other users, so a member ` +
  `without MFA can act on another user (deny ${pronoun} without MFA on NotResource ` +
  "arn:aws:iam::*:user/${aws:username}, arn:aws:iam::*:mfa/${aws:username})";
const awsOpen = "iam:EnableMFADevice, iam:ListMFADevices, iam:ResyncMFADevice, iam:GetUser";

describe("forceMfaVerdict", () => {
  it("accepts the baseline's document beside AdministratorAccess, as a string or an object", () => {
    assert.deepStrictEqual(
      forceMfaVerdict({ documents: [forceMfaDocument], managedPolicyArns: [adminArn] }),
      {
        enforces: true,
      },
    );
    assert.deepStrictEqual(
      forceMfaVerdict({ documents: [JSON.stringify(forceMfaDocument)], managedPolicyArns: [adminArn] }),
      { enforces: true },
    );
  });

  it("accepts the baseline's document beside an Allow of * on * and a managed policy it does not know", () => {
    const starStar = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
    assert.deepStrictEqual(
      forceMfaVerdict({
        documents: [starStar, forceMfaDocument],
        managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
      }),
      { enforces: true },
    );
  });

  it("accepts AWS's documented policy on its own: its Allows grant self-service only on the caller's user", () => {
    assert.deepStrictEqual(forceMfaVerdict({ documents: [awsDocumented] }), { enforces: true });
  });

  it("rejects AWS's documented policy beside AdministratorAccess: its Deny exempts self-service on every user", () => {
    assert.deepStrictEqual(forceMfaVerdict({ documents: [awsDocumented], managedPolicyArns: [adminArn] }), {
      enforces: false,
      reasons: [onOthers(awsOpen, `policy ${adminArn}`)],
    });
  });

  it("rejects AWS's documented policy beside a managed policy whose document it does not know", () => {
    const arn = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";
    assert.deepStrictEqual(forceMfaVerdict({ documents: [awsDocumented], managedPolicyArns: [arn] }), {
      enforces: false,
      reasons: [onOthers(awsOpen, `policy ${arn} (its document is not known here)`)],
    });
  });

  it("rejects the baseline's former document (self-service exempted on Resource *) beside AdministratorAccess", () => {
    const former = { Version: "2012-10-17", Statement: [forceMfaDocument.Statement[0]] };
    assert.deepStrictEqual(forceMfaVerdict({ documents: [former], managedPolicyArns: [adminArn] }), {
      enforces: false,
      reasons: [
        onOthers(
          "iam:ChangePassword, iam:EnableMFADevice, iam:ListMFADevices, iam:ResyncMFADevice, iam:GetUser",
          `policy ${adminArn}`,
        ),
      ],
    });
  });

  it("judges an Allow of self-service on others by its MFA condition: Bool true counts as needing MFA, BoolIfExists true not", () => {
    const allowIam = (op: string) => ({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "iam:*",
          Resource: "*",
          Condition: { [op]: { "aws:MultiFactorAuthPresent": "true" } },
        },
      ],
    });
    assert.deepStrictEqual(forceMfaVerdict({ documents: [awsDocumented, allowIam("Bool")] }), {
      enforces: true,
    });
    // With access keys the key is absent, and BoolIfExists true then holds.
    assert.deepStrictEqual(forceMfaVerdict({ documents: [awsDocumented, allowIam("BoolIfExists")] }), {
      enforces: false,
      reasons: [onOthers(awsOpen, "the group's own Allow statements")],
    });
  });

  it("rejects a Deny of self-service on others that only console sessions meet (Bool, not BoolIfExists)", () => {
    const [blanket, others] = forceMfaDocument.Statement;
    const boolOnly = { ...others, Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } };
    assert.deepStrictEqual(
      forceMfaVerdict({
        documents: [{ Version: "2012-10-17", Statement: [blanket, boolOnly] }],
        managedPolicyArns: [adminArn],
      }),
      {
        enforces: false,
        reasons: [
          onOthers(
            "iam:ChangePassword, iam:EnableMFADevice, iam:ListMFADevices, iam:ResyncMFADevice, iam:GetUser",
            `policy ${adminArn}`,
          ),
        ],
      },
    );
  });

  for (const wide of ["arn:aws:iam::*:user/*", "*", "arn:aws:iam::*:user/${aws:username}*"]) {
    it(`rejects a Deny of self-service on others whose NotResource also spares ${wide}`, () => {
      const [blanket, others] = forceMfaDocument.Statement;
      const spared = { ...others, NotResource: [...(others.NotResource ?? []), wide] };
      const verdict = forceMfaVerdict({
        documents: [{ Version: "2012-10-17", Statement: [blanket, spared] }],
        managedPolicyArns: [adminArn],
      });
      assert.strictEqual(verdict.enforces, false);
    });
  }

  it("counts a Deny of self-service on every resource: nothing is left open at all", () => {
    const [blanket] = forceMfaDocument.Statement;
    const all = { Effect: "Deny", Action: ["iam:*"], Resource: "*", Condition: withoutMfa };
    assert.deepStrictEqual(
      forceMfaVerdict({
        documents: [{ Version: "2012-10-17", Statement: [blanket, all] }],
        managedPolicyArns: [adminArn],
      }),
      { enforces: true },
    );
  });

  it("says nothing tries when no Deny is conditioned on MFA", () => {
    assert.deepStrictEqual(forceMfaVerdict({ documents: [], managedPolicyArns: [adminArn] }), {
      enforces: false,
      reasons: [],
    });
  });

  describe("agrees with the test IAM evaluator on what a member without MFA can do to another user", () => {
    const former = { Version: "2012-10-17", Statement: [forceMfaDocument.Statement[0]] };
    const bob = "arn:aws:iam::123456789012:user/bob";
    const onBob = [
      "iam:EnableMFADevice",
      "iam:ResyncMFADevice",
      "iam:ListMFADevices",
      "iam:GetUser",
      "iam:ChangePassword",
    ];
    const cases: [string, unknown[], boolean][] = [
      ["the baseline's document beside AdministratorAccess", [forceMfaDocument], true],
      ["AWS's documented policy alone", [awsDocumented], false],
      ["AWS's documented policy beside AdministratorAccess", [awsDocumented], true],
      ["the former baseline document beside AdministratorAccess", [former], true],
    ];
    for (const [what, documents, withAdmin] of cases) {
      it(what, () => {
        const all = withAdmin ? [administratorAccessDocument, ...documents] : documents;
        const reachable = onBob.filter((action) =>
          [{ "aws:MultiFactorAuthPresent": "false" }, {}].some(
            (mfa) =>
              evaluate(all, { action, resource: bob, context: { "aws:username": "alice", ...mfa } }) ===
              "allow",
          ),
        );
        const verdict = forceMfaVerdict({ documents, managedPolicyArns: withAdmin ? [adminArn] : [] });
        assert.strictEqual(
          verdict.enforces,
          reachable.length === 0,
          `reachable on bob: ${reachable.join(", ")}`,
        );
      });
    }
  });
});
