/**
 * The test IAM evaluator against the rules AWS documents, so that the tests which use it to judge
 * deployed policies rest on an evaluator that is itself checked.
 */
import * as assert from "assert";
import { Request, administratorAccessDocument, evaluate } from "./iamEvaluator";

const doc = (...Statement: unknown[]) => ({ Version: "2012-10-17", Statement });
const req = (action: string, resource: string, context: Request["context"] = {}): Request => ({
  action,
  resource,
  context,
});
const alice = "arn:aws:iam::123456789012:user/alice";

describe("test IAM evaluator", () => {
  it("denies implicitly when nothing allows, allows on a matching Allow, and an explicit Deny wins", () => {
    assert.strictEqual(evaluate([], req("s3:GetObject", "arn:aws:s3:::b/k")), "implicit-deny");
    assert.strictEqual(
      evaluate([administratorAccessDocument], req("s3:GetObject", "arn:aws:s3:::b/k")),
      "allow",
    );
    const deny = doc({ Effect: "Deny", Action: "s3:*", Resource: "*" });
    assert.strictEqual(
      evaluate([administratorAccessDocument, deny], req("s3:GetObject", "arn:aws:s3:::b/k")),
      "explicit-deny",
    );
    assert.strictEqual(evaluate([administratorAccessDocument, deny], req("ec2:RunInstances", "*")), "allow");
  });

  it("matches actions case-insensitively with * and ?, and NotAction as the complement", () => {
    const allow = doc({ Effect: "Allow", Action: ["iam:Get?ser", "S3:get*"], Resource: "*" });
    assert.strictEqual(evaluate([allow], req("iam:GetUser", alice)), "allow");
    assert.strictEqual(evaluate([allow], req("IAM:GETUSER", alice)), "allow");
    assert.strictEqual(evaluate([allow], req("iam:GetUsers", alice)), "implicit-deny");
    assert.strictEqual(evaluate([allow], req("s3:GetObject", "x")), "allow");
    const notAction = doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" });
    assert.strictEqual(evaluate([notAction], req("iam:CreateUser", alice)), "implicit-deny");
    assert.strictEqual(evaluate([notAction], req("s3:GetObject", "x")), "allow");
  });

  it("matches resources case-sensitively, and NotResource as the complement", () => {
    const allow = doc({ Effect: "Allow", Action: "iam:*", Resource: "arn:aws:iam::*:user/alice" });
    assert.strictEqual(evaluate([allow], req("iam:GetUser", alice)), "allow");
    assert.strictEqual(
      evaluate([allow], req("iam:GetUser", "arn:aws:iam::123456789012:user/Alice")),
      "implicit-deny",
    );
    const notResource = doc({ Effect: "Allow", Action: "iam:*", NotResource: "arn:aws:iam::*:user/alice" });
    assert.strictEqual(evaluate([notResource], req("iam:GetUser", alice)), "implicit-deny");
    assert.strictEqual(evaluate([notResource], req("iam:GetUser", "arn:aws:iam::1:user/bob")), "allow");
  });

  it("substitutes ${aws:username} (key case-insensitive); a missing variable matches nothing", () => {
    const own = doc({
      Effect: "Allow",
      Action: "iam:GetUser",
      Resource: "arn:aws:iam::*:user/${aws:UserName}",
    });
    assert.strictEqual(evaluate([own], req("iam:GetUser", alice, { "aws:username": "alice" })), "allow");
    assert.strictEqual(
      evaluate([own], req("iam:GetUser", alice, { "aws:username": "bob" })),
      "implicit-deny",
    );
    assert.strictEqual(evaluate([own], req("iam:GetUser", alice, {})), "implicit-deny");
    const notOwn = doc({
      Effect: "Deny",
      Action: "iam:GetUser",
      NotResource: "arn:aws:iam::*:user/${aws:username}",
    });
    assert.strictEqual(
      evaluate([administratorAccessDocument, notOwn], req("iam:GetUser", alice, { "aws:username": "alice" })),
      "allow",
    );
    assert.strictEqual(
      evaluate([administratorAccessDocument, notOwn], req("iam:GetUser", alice, { "aws:username": "bob" })),
      "explicit-deny",
    );
  });

  it("keeps a substituted value's * literal: a user named * does not match every resource", () => {
    const own = doc({
      Effect: "Allow",
      Action: "iam:GetUser",
      Resource: "arn:aws:iam::*:user/${aws:username}",
    });
    assert.strictEqual(evaluate([own], req("iam:GetUser", alice, { "aws:username": "*" })), "implicit-deny");
  });

  describe("conditions", () => {
    const mfa = (op: string, value: unknown) =>
      doc({
        Effect: "Allow",
        Action: "*",
        Resource: "*",
        Condition: { [op]: { "aws:MultiFactorAuthPresent": value } },
      });
    const cases: [string, unknown, Record<string, boolean>][] = [
      ["Bool", "true", { true: true, false: false, absent: false }],
      ["Bool", "false", { true: false, false: true, absent: false }],
      ["BoolIfExists", "false", { true: false, false: true, absent: true }],
      ["BoolIfExists", "true", { true: true, false: false, absent: true }],
      ["Null", "true", { true: false, false: false, absent: true }],
      ["Null", "false", { true: true, false: true, absent: false }],
      ["Bool", false, { true: false, false: true, absent: false }],
    ];
    for (const [op, value, expected] of cases) {
      it(`${op} ${JSON.stringify(value)}: MFA true / false / absent`, () => {
        for (const [mfaState, allowed] of Object.entries(expected)) {
          const context = mfaState === "absent" ? {} : { "aws:MultiFactorAuthPresent": mfaState };
          assert.strictEqual(
            evaluate([mfa(op, value)], req("s3:GetObject", "x", context)),
            allowed ? "allow" : "implicit-deny",
            `${op} with MFA ${mfaState}`,
          );
        }
      });
    }

    const cond = (condition: unknown) =>
      doc({ Effect: "Allow", Action: "*", Resource: "*", Condition: condition });
    const decide = (condition: unknown, context: Request["context"]) =>
      evaluate([cond(condition)], req("s3:GetObject", "x", context)) === "allow";

    it("a missing key makes a matching operator false and a negated one true", () => {
      assert.strictEqual(decide({ StringEquals: { "aws:username": "alice" } }, {}), false);
      assert.strictEqual(decide({ StringNotEquals: { "aws:username": "alice" } }, {}), true);
      assert.strictEqual(decide({ StringLike: { "aws:username": "a*" } }, {}), false);
      assert.strictEqual(decide({ StringNotLike: { "aws:username": "a*" } }, {}), true);
      assert.strictEqual(decide({ StringEqualsIfExists: { "aws:username": "alice" } }, {}), true);
      assert.strictEqual(decide({ ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:user/*" } }, {}), false);
      assert.strictEqual(decide({ ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:user/*" } }, {}), true);
    });

    it("values are ORed, negated values NORed; operators and keys are ANDed; keys are case-insensitive", () => {
      assert.strictEqual(
        decide({ StringEquals: { "aws:username": ["bob", "alice"] } }, { "aws:UserName": "alice" }),
        true,
      );
      assert.strictEqual(
        decide({ StringNotEquals: { "aws:username": ["bob", "alice"] } }, { "aws:username": "alice" }),
        false,
      );
      assert.strictEqual(
        decide({ StringNotEquals: { "aws:username": ["bob", "carol"] } }, { "aws:username": "alice" }),
        true,
      );
      const both = { StringEquals: { "aws:username": "alice" }, Bool: { "aws:SecureTransport": "true" } };
      assert.strictEqual(decide(both, { "aws:username": "alice", "aws:SecureTransport": "true" }), true);
      assert.strictEqual(decide(both, { "aws:username": "alice" }), false);
      assert.strictEqual(
        decide(
          { StringEquals: { "aws:username": "alice", "aws:SecureTransport": "true" } },
          { "aws:username": "alice" },
        ),
        false,
      );
    });

    it("String operators: exact, ignore case, like with wildcards, and policy variables in values", () => {
      assert.strictEqual(
        decide({ StringEquals: { "aws:username": "Alice" } }, { "aws:username": "alice" }),
        false,
      );
      assert.strictEqual(
        decide({ StringEqualsIgnoreCase: { "aws:username": "Alice" } }, { "aws:username": "alice" }),
        true,
      );
      assert.strictEqual(
        decide({ StringLike: { "aws:username": "al?ce" } }, { "aws:username": "alice" }),
        true,
      );
      assert.strictEqual(
        decide(
          { StringEquals: { "aws:PrincipalTag/owner": "${aws:username}" } },
          { "aws:username": "alice", "aws:PrincipalTag/owner": "alice" },
        ),
        true,
      );
    });

    it("Arn operators compare segment by segment", () => {
      const c = { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:user/*" } };
      assert.strictEqual(decide(c, { "aws:PrincipalArn": alice }), true);
      assert.strictEqual(decide(c, { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/r" }), false);
      assert.strictEqual(
        decide({ ArnEquals: { "aws:PrincipalArn": alice } }, { "aws:PrincipalArn": alice }),
        true,
      );
    });

    it("refuses what it does not implement instead of guessing", () => {
      assert.throws(
        () => decide({ IpAddress: { "aws:SourceIp": "10.0.0.0/8" } }, {}),
        /IpAddress is not supported/,
      );
      assert.throws(
        () => decide({ "ForAnyValue:StringEquals": { "aws:TagKeys": "a" } }, {}),
        /set operators/,
      );
      assert.throws(
        () => evaluate([doc({ Effect: "Allow", Resource: "*" })], req("a:b", "x")),
        /Action and NotAction/,
      );
      assert.throws(
        () => evaluate([doc({ Effect: "allow", Action: "*", Resource: "*" })], req("a:b", "x")),
        /Effect/,
      );
    });
  });
});
