/**
 * What a member of the AdminAccess group may do, judged by the test IAM evaluator on the policies
 * the component registers with the engine (taken from the mock engine's records, not from the
 * document builder): before MFA only their own password and MFA device; after MFA everything.
 */
import * as assert from "assert";
import { installMocks, record } from "../../tools/mockEngine";
import { Decision, Request, administratorAccessDocument, evaluate } from "../support/iamEvaluator";

type Components = typeof import("../../components/index");

const account = "123456789012";
const userArn = (name: string) => `arn:aws:iam::${account}:user/${name}`;
const mfaArn = (name: string) => `arn:aws:iam::${account}:mfa/${name}`;

/** The MFA self-service a member may use before MFA, with the resource IAM authorizes each against. */
const selfService: [string, (user: string) => string][] = [
  ["iam:ChangePassword", userArn],
  ["iam:GetUser", userArn],
  ["iam:EnableMFADevice", userArn],
  ["iam:ListMFADevices", userArn],
  ["iam:ResyncMFADevice", userArn],
  ["iam:CreateVirtualMFADevice", mfaArn],
];
const accountWide = ["iam:GetAccountPasswordPolicy", "sts:GetSessionToken"];
/** Never before MFA, on anyone, own user included. */
const mfaOnly: [string, string][] = [
  ["iam:DeactivateMFADevice", userArn("alice")],
  ["iam:DeleteVirtualMFADevice", mfaArn("alice")],
  ["iam:CreateAccessKey", userArn("alice")],
  ["iam:CreateLoginProfile", userArn("alice")],
  ["iam:AttachUserPolicy", userArn("alice")],
  ["iam:PutUserPolicy", userArn("alice")],
  ["iam:CreateUser", userArn("mallory")],
  ["iam:ListUsers", "*"],
  ["iam:ListVirtualMFADevices", "*"],
  ["iam:GetMFADevice", userArn("bob")],
  ["iam:UpdateLoginProfile", userArn("bob")],
  ["s3:GetObject", "arn:aws:s3:::bucket/key"],
  ["ec2:RunInstances", "*"],
  ["sts:AssumeRole", "arn:aws:iam::123456789012:role/Deploy"],
];

const mfaStates = {
  "MFA sign-in": { "aws:MultiFactorAuthPresent": "true" },
  "console without MFA": { "aws:MultiFactorAuthPresent": "false" },
  "access keys (no MFA key)": {},
} as const;
type MfaState = keyof typeof mfaStates;
const withoutMfa: MfaState[] = ["console without MFA", "access keys (no MFA key)"];

describe("AdminAccess judged by an IAM evaluator", () => {
  let documents: unknown[];
  before(async () => {
    installMocks();
    const c: Components = await import("../../components/index");
    const m = await record(
      () => new c.AdminAccess("admins", { users: [{ userName: "alice" }, { userName: "bob" }] }),
    );
    const attached = m
      .ofType("aws:iam/groupPolicyAttachment:GroupPolicyAttachment")
      .map((r) => r.inputs.policyArn);
    assert.deepStrictEqual(attached, ["arn:aws:iam::aws:policy/AdministratorAccess"]);
    const inline = m
      .ofType("aws:iam/groupPolicy:GroupPolicy")
      .map((r) => JSON.parse(r.inputs.policy as string));
    assert.strictEqual(inline.length, 1);
    documents = [administratorAccessDocument, ...inline];
  });

  const decide = (action: string, resource: string, state: MfaState): Decision => {
    const req: Request = { action, resource, context: { "aws:username": "alice", ...mfaStates[state] } };
    return evaluate(documents, req);
  };

  for (const state of withoutMfa) {
    describe(`alice, ${state}`, () => {
      for (const [action, arn] of selfService) {
        it(`may call ${action} on her own ${arn("x").includes(":mfa/") ? "MFA device" : "user"}`, () => {
          assert.strictEqual(decide(action, arn("alice"), state), "allow");
        });
        it(`may not call ${action} on bob's`, () => {
          assert.strictEqual(decide(action, arn("bob"), state), "explicit-deny");
          assert.strictEqual(decide(action, arn("Alice"), state), "explicit-deny");
        });
      }
      for (const action of accountWide) {
        it(`may call ${action}`, () => assert.strictEqual(decide(action, "*", state), "allow"));
      }
      for (const [action, resource] of mfaOnly) {
        it(`may not call ${action} on ${resource}`, () => {
          assert.strictEqual(decide(action, resource, state), "explicit-deny");
        });
      }
    });
  }

  describe("alice, MFA sign-in", () => {
    for (const [action, resource] of [
      ...selfService.flatMap(([a, arn]): [string, string][] => [
        [a, arn("alice")],
        [a, arn("bob")],
      ]),
      ...accountWide.map((a): [string, string] => [a, "*"]),
      ...mfaOnly,
    ]) {
      it(`has AdministratorAccess: ${action} on ${resource}`, () => {
        assert.strictEqual(decide(action, resource, "MFA sign-in"), "allow");
      });
    }
  });
});
