/** Which principals of the authorization snapshot the last-accessed review reads. */
import * as assert from "assert";
import { principalsToReview } from "../../../../policy-pack/account/lastAccessed/principal";
import { readOnly, trustAccount, trustService } from "../../../support/permissionSpec";
import { snapshotOf } from "../../../support/permissionFacts";

const arn = (path: string) => `arn:aws:iam::123456789012:${path}`;

describe("principalsToReview", () => {
  it("every group, role and user with an attached or inline policy of its own, groups then roles then users", () => {
    const snapshot = snapshotOf({
      users: {
        alice: { attached: [arn("policy/deploy-s3")] },
        carol: { inline: { sqs: readOnly("sqs:SendMessage") } },
        // Only through a group: the group is reviewed, not each member.
        bob: { groups: ["Administrators"] },
        nobody: {},
      },
      groups: {
        Administrators: { attached: ["arn:aws:iam::aws:policy/AdministratorAccess"] },
        Empty: {},
      },
      roles: {
        "my-lambda": {
          inline: { logs: readOnly("logs:PutLogEvents") },
          trust: trustService("lambda.amazonaws.com"),
          path: "/service-role/",
        },
        AWSServiceRoleForSupport: {
          attached: ["arn:aws:iam::aws:policy/AWSSupportServiceRolePolicy"],
          trust: trustService("support.amazonaws.com"),
          path: "/aws-service-role/support.amazonaws.com/",
        },
        unused: { trust: trustAccount() },
      },
    });
    assert.deepStrictEqual(principalsToReview(snapshot), [
      { kind: "group", name: "Administrators", arn: arn("group/Administrators") },
      { kind: "role", name: "my-lambda", arn: arn("role/service-role/my-lambda") },
      { kind: "user", name: "alice", arn: arn("user/alice") },
      { kind: "user", name: "carol", arn: arn("user/carol") },
    ]);
  });

  it("an empty account: nobody", () => {
    assert.deepStrictEqual(principalsToReview(snapshotOf({})), []);
  });
});
