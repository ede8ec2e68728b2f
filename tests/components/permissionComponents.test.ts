import * as assert from "assert";
import type * as Components from "../../components";
import { installMocks, record } from "../../tools/mockEngine";

type C = typeof Components;

describe("SupportRole and AccessAnalyzer", () => {
  let c: C;
  before(async () => {
    installMocks();
    c = await import("../../components");
  });

  it("SupportRole: AWSSupportAccess on a role assumable from the account only with MFA, and the group may assume it with MFA", async () => {
    const m = await record(
      () => new c.SupportRole("sup", { accountId: "123456789012", assumableByGroup: "Administrators" }),
    );
    const [role] = m.ofType("aws:iam/role:Role");
    assert.strictEqual(role.name, "sup-role");
    assert.strictEqual(role.inputs.name, "AWSSupport");
    assert.deepStrictEqual(JSON.parse(role.inputs.assumeRolePolicy as string), {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::123456789012:root" },
          Action: "sts:AssumeRole",
          Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
        },
      ],
    });
    assert.deepStrictEqual(
      m.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((r) => r.inputs.policyArn),
      ["arn:aws:iam::aws:policy/AWSSupportAccess"],
    );
    const [assume] = m.ofType("aws:iam/groupPolicy:GroupPolicy");
    assert.strictEqual(assume.inputs.group, "Administrators");
    const doc = JSON.parse(assume.inputs.policy as string) as {
      Statement: { Action: string; Condition: unknown }[];
    };
    assert.deepStrictEqual(
      [doc.Statement[0].Action, doc.Statement[0].Condition],
      ["sts:AssumeRole", { Bool: { "aws:MultiFactorAuthPresent": "true" } }],
    );
    assert.strictEqual(m.resources.length, 4);
  });

  it("AccessAnalyzer: one ACCOUNT analyzer per listed region, ORGANIZATION on request", async () => {
    const m = await record(() => [
      new c.AccessAnalyzer("aa", { regions: ["us-east-1", "eu-west-1"] }),
      new c.AccessAnalyzer("org", { organization: true }),
    ]);
    const names = m
      .ofType("aws:accessanalyzer/analyzer:Analyzer")
      .map((r) => [r.name, r.inputs] as const)
      .sort((a, b) => a[0].localeCompare(b[0]));
    const name = "account-baseline-external-access";
    assert.deepStrictEqual(names, [
      ["aa-eu-west-1", { analyzerName: name, type: "ACCOUNT", region: "eu-west-1" }],
      ["aa-us-east-1", { analyzerName: name, type: "ACCOUNT", region: "us-east-1" }],
      ["org-analyzer", { analyzerName: name, type: "ORGANIZATION" }],
    ]);
  });

  it("rejects a bad region, a repeated region and a bad role name, naming the field", async () => {
    await assert.rejects(
      record(() => new c.AccessAnalyzer("x", { regions: ["us-east-1", "US-EAST-1", "us-east-1"] })),
      /regions\[1\] must be an AWS region name such as us-east-1; got "US-EAST-1"\nregions lists us-east-1 twice/,
    );
    await assert.rejects(
      record(() => new c.SupportRole("x", { roleName: "no spaces" })),
      /roleName must be an IAM role name/,
    );
  });
});
