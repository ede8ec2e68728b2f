import * as assert from "assert";
import { accessAnalyzerDeclared, supportRoleDeclared } from "../../../policy-pack/resources/baselineServices";
import { awsTypes } from "../../../policy-pack/resources/types";
import { validateStack } from "../../support/policyHarness";
import { baselineStack, res } from "./stackFixtures";

const component = res("aws-account-baseline:index:AccountBaseline", "baseline", {});
const supportRole = [
  res("aws:iam/role:Role", "baseline-support-role", { name: "AWSSupport" }),
  res(awsTypes.rolePolicyAttachment, "baseline-support-support-access", {
    role: "AWSSupport",
    policyArn: "arn:aws:iam::aws:policy/AWSSupportAccess",
  }),
];
const analyzer = (type?: string) =>
  res("aws:accessanalyzer/analyzer:Analyzer", "baseline-access-analyzer-analyzer", {
    analyzerName: "external",
    ...(type ? { type } : {}),
  });

describe("support-role-declared and access-analyzer-declared", () => {
  it("pass the baseline with its support role and analyzer", async () => {
    const stack = [component, ...baselineStack(), ...supportRole, analyzer("ACCOUNT")];
    assert.deepStrictEqual(await validateStack(supportRoleDeclared, stack), { violations: [] });
    assert.deepStrictEqual(await validateStack(accessAnalyzerDeclared, stack), { violations: [] });
  });

  it("flag a baseline stack that leaves them out (false), or keeps only an unused-access analyzer", async () => {
    const stack = [component, ...baselineStack(), analyzer("ACCOUNT_UNUSED_ACCESS")];
    assert.deepStrictEqual(await validateStack(supportRoleDeclared, stack), {
      violations: [
        {
          message:
            "the stack deploys the AccountBaseline without a role that has AWSSupportAccess (supportRole: false?); CIS 1.16 requires a support role",
        },
      ],
    });
    assert.strictEqual((await validateStack(accessAnalyzerDeclared, stack)).violations.length, 1);
  });

  it("do not judge a stack without the AccountBaseline component", async () => {
    assert.deepStrictEqual(await validateStack(supportRoleDeclared, baselineStack()), { violations: [] });
    assert.deepStrictEqual(await validateStack(accessAnalyzerDeclared, baselineStack()), { violations: [] });
  });
});
