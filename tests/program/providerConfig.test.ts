import * as assert from "assert";
import { execute, prepare, runProgram } from "../../tools/runProgram";
import { StackFiles } from "./stackFiles";

const files = new StackFiles();
const role = (account: string, name = "OrganizationAccountAccessRole") => ({
  roleArn: `arn:aws:iam::${account}:role/${name}`,
});

describe("the program checks the aws provider's account settings", () => {
  after(() => files.remove());

  it("accepts a role in a pinned account, a role path, a partition, and a chain whose last role is pinned", async () => {
    for (const changes of [
      {
        "aws:assumeRoles": [{ ...role("210987654321"), sessionName: "baseline" }],
        "aws:allowedAccountIds": ["210987654321"],
      },
      {
        "aws:assumeRoles": [
          { roleArn: "arn:aws-us-gov:iam::210987654321:role/ops/Baseline", externalId: "x" },
        ],
      },
      {
        "aws:assumeRoles": [role("111111111111", "Hop"), role("210987654321")],
        "aws:allowedAccountIds": ["210987654321", "012345678901"],
      },
      { "aws:allowedAccountIds": ["012345678901"] },
      { "aws:forbiddenAccountIds": ["012345678901"], "aws:assumeRoles": [role("210987654321")] },
    ]) {
      const resources = await runProgram(files.write(changes), { invokes: {} });
      assert.strictEqual(resources.length, 24, JSON.stringify(changes));
    }
  });

  const rejected: [string, Record<string, unknown>, string][] = [
    [
      "a role in an account aws:allowedAccountIds does not list",
      {
        "aws:assumeRoles": [role("222222222222")],
        "aws:allowedAccountIds": ["111111111111", "333333333333"],
      },
      "aws:assumeRoles[0].roleArn is a role in account 222222222222, which aws:allowedAccountIds (111111111111, 333333333333) does not list: the provider would refuse to deploy; pin the role's account in aws:allowedAccountIds or assume a role in a listed account",
    ],
    [
      "a chain whose last role is not pinned (the first one is)",
      {
        "aws:assumeRoles": [role("111111111111"), role("222222222222")],
        "aws:allowedAccountIds": ["111111111111"],
      },
      "aws:assumeRoles[1].roleArn is a role in account 222222222222, which aws:allowedAccountIds (111111111111) does not list: the provider would refuse to deploy; pin the role's account in aws:allowedAccountIds or assume a role in a listed account",
    ],
    [
      "a role in a forbidden account",
      { "aws:assumeRoles": [role("222222222222")], "aws:forbiddenAccountIds": ["222222222222"] },
      "aws:assumeRoles[0].roleArn is a role in account 222222222222, which aws:forbiddenAccountIds lists",
    ],
    [
      "an allowed id of 11 digits",
      { "aws:allowedAccountIds": ["21098765432"] },
      'aws:allowedAccountIds[0] must be a 12-digit AWS account id; got "21098765432"',
    ],
    [
      "an unquoted allowed id",
      { "aws:allowedAccountIds": ["210987654321", 12345678901] },
      "aws:allowedAccountIds[1] must be a 12-digit AWS account id as text (quote it in YAML); got 12345678901",
    ],
    [
      "allowedAccountIds that is not a list",
      { "aws:allowedAccountIds": "210987654321" },
      "aws:allowedAccountIds must be a non-empty list of 12-digit AWS account ids; got 210987654321",
    ],
    [
      "a duplicated allowed id",
      { "aws:allowedAccountIds": ["210987654321", "210987654321"] },
      'aws:allowedAccountIds[1] "210987654321" duplicates aws:allowedAccountIds[0]',
    ],
    [
      "both allowed and forbidden ids",
      { "aws:allowedAccountIds": ["210987654321"], "aws:forbiddenAccountIds": ["012345678901"] },
      "aws:allowedAccountIds and aws:forbiddenAccountIds exclude each other: give one",
    ],
    [
      "a role ARN that is not one",
      { "aws:assumeRoles": [{ roleArn: "arn:aws:iam::21098765432:role/X" }] },
      'aws:assumeRoles[0].roleArn must be an IAM role ARN like arn:aws:iam::123456789012:role/Name; got "arn:aws:iam::21098765432:role/X"',
    ],
    [
      "a role without an ARN",
      { "aws:assumeRoles": [{ sessionName: "baseline" }] },
      "aws:assumeRoles[0].roleArn must be an IAM role ARN like arn:aws:iam::123456789012:role/Name; got undefined",
    ],
    [
      "a misspelt role setting",
      { "aws:assumeRoles": [{ ...role("210987654321"), externalID: "x" }] },
      "aws:assumeRoles[0].externalID is not a known setting; allowed keys of aws:assumeRoles[0]: roleArn, sessionName, externalId, duration, policy, policyArns, sourceIdentity, tags, transitiveTagKeys",
    ],
    [
      "a single role object instead of a list",
      { "aws:assumeRoles": role("210987654321") },
      'aws:assumeRoles must be a list of { roleArn, sessionName?, externalId?, ... }; got {"roleArn":"arn:aws:iam::210987654321:role/OrganizationAccountAccessRole"}',
    ],
    [
      "the v6 key aws:assumeRole",
      { "aws:assumeRole": role("210987654321") },
      "aws:assumeRole is not read by pulumi-aws v7; use aws:assumeRoles: [{ roleArn, sessionName?, externalId? }]",
    ],
  ];
  for (const [what, changes, message] of rejected) {
    it(`rejects ${what}, naming the keys, before any resource`, async () => {
      const monitor = prepare(files.write(changes), { invokes: {} });
      await assert.rejects(execute(monitor), { name: "ValidationError", message });
      assert.deepStrictEqual(
        monitor.resources.map((r) => r.type),
        ["pulumi:pulumi:Stack"],
      );
    });
  }
});
