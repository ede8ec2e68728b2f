/**
 * What the organization holds, read through the aws provider (so through the stack's
 * `aws:assumeRoles`): from the management account or a delegated administrator.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface OrganizationAccounts {
  /** The management (payer) account, whose own contacts are set without an accountId. */
  readonly managementAccountId: string;
  /** The ACTIVE member accounts, sorted; suspended or closing accounts are left out. */
  readonly memberAccountIds: readonly string[];
  /** The other member accounts (suspended, pending closure), sorted. */
  readonly inactiveAccountIds: readonly string[];
}

/** Every ACTIVE member account of the organization and its management account (one invoke). */
export async function organizationMemberAccounts(opts?: pulumi.InvokeOptions): Promise<OrganizationAccounts> {
  const org = await aws.organizations.getOrganization({}, opts);
  const members = org.nonMasterAccounts.filter((a) => a.id !== org.masterAccountId);
  // `state` replaced the deprecated `status`; either says whether the account is usable.
  const active = (a: (typeof members)[number]) => (a.state || a.status) === "ACTIVE";
  const ids = (accounts: typeof members) => accounts.map((a) => a.id).sort();
  return {
    managementAccountId: org.masterAccountId,
    memberAccountIds: ids(members.filter(active)),
    inactiveAccountIds: ids(members.filter((a) => !active(a))),
  };
}

/** The management account alone (DescribeOrganization only, no account listing). */
export async function organizationManagementAccountId(opts?: pulumi.InvokeOptions): Promise<string> {
  const org = await aws.organizations.getOrganization({ returnOrganizationOnly: true }, opts);
  return org.masterAccountId;
}
