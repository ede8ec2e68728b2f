import * as assert from "assert";
import type * as Components from "../../components/index";
import { organizationInvokes } from "../support/fixtures";
import { installMocks } from "../../tools/mockEngine";

describe("organizationMemberAccounts / organizationManagementAccountId", () => {
  let c: typeof Components;
  before(async () => {
    installMocks();
    c = await import("../../components/index");
  });

  const organization = organizationInvokes({
    management: "123456789012",
    members: [
      { id: "333333333333", state: "ACTIVE" },
      { id: "111111111111", state: "ACTIVE" },
      { id: "444444444444", state: "SUSPENDED" },
      { id: "555555555555", state: "PENDING_CLOSURE" },
      // An older provider answer: only the deprecated status.
      { id: "222222222222", status: "ACTIVE" },
      { id: "666666666666", status: "SUSPENDED" },
      // Never listed by AWS among the members, but never a member target either.
      { id: "123456789012", state: "ACTIVE" },
    ],
  });

  it("lists the ACTIVE member accounts, sorted, without the management account; the rest as inactive", async () => {
    const monitor = installMocks({ invokes: organization });
    const accounts = await c.organizationMemberAccounts();
    assert.deepStrictEqual(accounts, {
      managementAccountId: "123456789012",
      memberAccountIds: ["111111111111", "222222222222", "333333333333"],
      inactiveAccountIds: ["444444444444", "555555555555", "666666666666"],
    });
    assert.deepStrictEqual(monitor.invokes, [
      { token: "aws:organizations/getOrganization:getOrganization", inputs: {} },
    ]);
  });

  it("reads only the organization (no account listing) for the management account id", async () => {
    const monitor = installMocks({ invokes: organization });
    assert.strictEqual(await c.organizationManagementAccountId(), "123456789012");
    assert.deepStrictEqual(monitor.invokes, [
      {
        token: "aws:organizations/getOrganization:getOrganization",
        inputs: { returnOrganizationOnly: true },
      },
    ]);
  });

  it("fails when the invoke is not allowed (nothing reaches AWS)", async () => {
    installMocks();
    await assert.rejects(
      c.organizationMemberAccounts(),
      /unexpected invoke aws:organizations\/getOrganization:getOrganization/,
    );
  });
});
