/**
 * Which member accounts the program sets contacts on: the listed ones, or every ACTIVE member of
 * the organization minus exclusions. The management account and the stack's own account are
 * never targets: their contacts are the stack's own alternateContacts, set without an accountId.
 */
import * as aws from "@pulumi/aws";
import type { OrganizationConfig } from "./validation/organizationConfig";
import { managementAccountListed } from "./validation/organization";
import { Issues, show } from "./validation/checks";
import {
  OrganizationAccounts,
  organizationManagementAccountId,
  organizationMemberAccounts,
} from "./organizationAccounts";

export interface MemberTargets {
  readonly managementAccountId: string;
  readonly memberAccountIds: readonly string[];
}

/** What Organizations and STS say, as far as the config needs it. */
export interface OrganizationFacts extends Partial<
  Pick<OrganizationAccounts, "memberAccountIds" | "inactiveAccountIds">
> {
  readonly managementAccountId: string;
  readonly callerAccountId: string;
}

/** Reads the facts `config` needs through the aws provider: nothing for a list but the management id. */
export async function readOrganizationFacts(config: OrganizationConfig): Promise<OrganizationFacts> {
  if (config.memberAccounts === "all") {
    const [accounts, caller] = await Promise.all([organizationMemberAccounts(), aws.getCallerIdentity({})]);
    return { ...accounts, callerAccountId: caller.accountId };
  }
  const [managementAccountId, caller] = await Promise.all([
    organizationManagementAccountId(),
    aws.getCallerIdentity({}),
  ]);
  return { managementAccountId, callerAccountId: caller.accountId };
}

function ownAccount(path: string, id: string): string {
  return `${path} ${show(id)} is this stack's own account: its contacts are set without an accountId, by alternateContacts`;
}

/** The member accounts to manage; throws a ValidationError naming every config problem. */
export function memberTargets(
  config: OrganizationConfig,
  facts: OrganizationFacts,
  path = "organization",
): MemberTargets {
  const issues = new Issues();
  const management = facts.managementAccountId;
  let ids: string[] = [];
  if (config.memberAccounts === "all") {
    const known = new Set([
      ...(facts.memberAccountIds ?? []),
      ...(facts.inactiveAccountIds ?? []),
      management,
    ]);
    config.excludeAccounts.forEach((id, i) => {
      if (!known.has(id)) {
        issues.add(
          `${path}.excludeAccounts[${i}] ${show(id)} is not an account of the organization; check for a typo`,
        );
      }
    });
    const excluded = new Set([...config.excludeAccounts, management, facts.callerAccountId]);
    ids = (facts.memberAccountIds ?? []).filter((id) => !excluded.has(id));
  } else if (config.memberAccounts !== undefined) {
    config.memberAccounts.forEach((id, i) => {
      const at = `${path}.memberAccounts[${i}]`;
      if (id === management) issues.add(managementAccountListed(at, id, "read from Organizations"));
      else if (id === facts.callerAccountId) issues.add(ownAccount(at, id));
    });
    ids = [...config.memberAccounts];
  }
  issues.throwIfAny();
  return { managementAccountId: management, memberAccountIds: ids };
}
