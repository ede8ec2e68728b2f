/**
 * The program's `aws-account-baseline:organization` setting: what a management (or
 * delegated-administrator) stack manages across the organization's member accounts.
 */
import type { AlternateContactsArgs } from "../alternateContacts";
import type { MemberContactsArgs } from "../organizationContacts";
import { contactTypes } from "./alternateContacts";
import { booleanValue, Issues, join, objectOf } from "./checks";
import { accountIdList } from "./aws";
import { checkMemberContacts } from "./organization";

export interface OrganizationConfig {
  /** "all": every ACTIVE member account, read from Organizations; a list: those accounts. */
  readonly memberAccounts?: "all" | readonly string[];
  /** With "all": accounts left alone. */
  readonly excludeAccounts: readonly string[];
  /** The members' contacts (default: the stack's own alternateContacts). */
  readonly alternateContacts?: MemberContactsArgs;
  readonly centralizedRootAccess: boolean;
}

export const organizationKeys = [
  "memberAccounts",
  "excludeAccounts",
  "alternateContacts",
  "centralizedRootAccess",
];

/**
 * Checks `value` (the config's `organization`) under `path`. `stackContacts` is the stack's own
 * alternateContacts (checked separately, or false), the members' default.
 */
export function checkOrganizationConfig(
  issues: Issues,
  value: unknown,
  stackContacts: AlternateContactsArgs | false | undefined,
  path = "organization",
): OrganizationConfig | undefined {
  const before = issues.count;
  const what =
    '{ memberAccounts?: "all" | [ids], excludeAccounts?, alternateContacts?, centralizedRootAccess? }';
  const given = objectOf(issues, path, value, organizationKeys, `an object ${what}`);
  if (given === undefined) return undefined;
  const at = (field: string) => join(path, field);

  let memberAccounts: OrganizationConfig["memberAccounts"];
  if (given.memberAccounts === "all") memberAccounts = "all";
  else if (Array.isArray(given.memberAccounts) && given.memberAccounts.length > 0) {
    memberAccounts = accountIdList(issues, at("memberAccounts"), given.memberAccounts);
  } else if (given.memberAccounts !== undefined) {
    issues.mustBe(
      at("memberAccounts"),
      '"all" or a non-empty list of 12-digit AWS account ids',
      given.memberAccounts,
    );
  }

  let excludeAccounts: readonly string[] = [];
  if (given.excludeAccounts !== undefined) {
    excludeAccounts = accountIdList(issues, at("excludeAccounts"), given.excludeAccounts, true) ?? [];
    if (given.memberAccounts !== "all") {
      issues.add(
        `${at("excludeAccounts")} applies only with ${at("memberAccounts")}: all; list the accounts you want instead`,
      );
    }
  }

  let alternateContacts: MemberContactsArgs | undefined;
  if (given.alternateContacts !== undefined) {
    alternateContacts = checkMemberContacts(issues, at("alternateContacts"), given.alternateContacts);
    if (given.memberAccounts === undefined) {
      issues.add(`${at("alternateContacts")} needs ${at("memberAccounts")}: "all" or a list of account ids`);
    }
  } else if (given.memberAccounts !== undefined) {
    if (stackContacts === false) {
      issues.add(
        `${at("alternateContacts")} is required when alternateContacts is false: the member accounts need { billing?, operations?, security }`,
      );
    } else if (stackContacts !== undefined) {
      const own = stackContacts as unknown as Record<string, unknown>;
      alternateContacts = Object.fromEntries(
        contactTypes.filter((t) => own[t] !== undefined).map((t) => [t, own[t]]),
      ) as unknown as MemberContactsArgs;
    }
  }

  const centralizedRootAccess =
    given.centralizedRootAccess === undefined
      ? false
      : booleanValue(issues, at("centralizedRootAccess"), given.centralizedRootAccess);
  if (given.memberAccounts === undefined && given.centralizedRootAccess !== true && issues.count === before) {
    issues.add(
      `${path} manages nothing: set ${at("memberAccounts")} or ${at("centralizedRootAccess")}: true`,
    );
  }
  if (issues.count > before) return undefined;
  return {
    ...(memberAccounts === undefined ? {} : { memberAccounts }),
    excludeAccounts,
    ...(alternateContacts === undefined ? {} : { alternateContacts }),
    centralizedRootAccess: centralizedRootAccess as boolean,
  };
}
