/**
 * Checks for the organization components: OrganizationContacts (one set of contacts for many
 * member accounts) and CentralizedRootAccess (IAM's organization features).
 */
import type { MemberContactsArgs, OrganizationContactsArgs } from "../organizationContacts";
import type { CentralizedRootAccessArgs } from "../centralizedRootAccess";
import { checkAlternateContactsArgs, contactTypes } from "./alternateContacts";
import { booleanValue, Issues, join, objectOf, retainOnDeleteDefault, show, validated } from "./checks";
import { accountId, accountIdList } from "./aws";

export interface ResolvedOrganizationContactsArgs {
  readonly accountIds: readonly string[];
  readonly contacts: MemberContactsArgs;
  readonly retainOnDelete: boolean;
}

export interface ResolvedCentralizedRootAccessArgs {
  readonly enabledFeatures: readonly RootAccessFeature[];
  readonly retainOnDelete: boolean;
}

export type RootAccessFeature = "RootCredentialsManagement" | "RootSessions";

const contactsShape = "{ billing?, operations?, security } (as for AlternateContacts, without accountId)";

/** Member contacts: the contact types only; the account ids come from the list around them. */
export function checkMemberContacts(
  issues: Issues,
  path: string,
  value: unknown,
): MemberContactsArgs | undefined {
  const given = objectOf(issues, path, value, contactTypes, contactsShape);
  if (given === undefined) return undefined;
  const types = Object.fromEntries(contactTypes.filter((t) => t in given).map((t) => [t, given[t]]));
  return checkAlternateContactsArgs(issues, types, path) && (types as unknown as MemberContactsArgs);
}

/**
 * The message for the management account's id where member accounts are listed: AWS refuses it
 * as an `accountId` (PutAlternateContact from the management account names no account for itself).
 */
export function managementAccountListed(path: string, id: string, field: string): string {
  return `${path} ${show(id)} is the organization's management account (${field}): AWS rejects its own id as an accountId, so its contacts are set without one, by alternateContacts`;
}

export function checkOrganizationContactsArgs(
  issues: Issues,
  value: unknown,
  path = "",
): ResolvedOrganizationContactsArgs | undefined {
  const before = issues.count;
  const keys = ["accountIds", "contacts", "managementAccountId", "retainOnDelete"];
  const given = objectOf(
    issues,
    path,
    value,
    keys,
    "an object { accountIds, contacts, managementAccountId?, retainOnDelete? }",
  );
  if (given === undefined) return undefined;
  const at = (field: string) => join(path, field);
  const ids = accountIdList(issues, at("accountIds"), given.accountIds, true);
  const management =
    given.managementAccountId === undefined
      ? undefined
      : accountId(issues, at("managementAccountId"), given.managementAccountId);
  if (ids !== undefined && management !== undefined) {
    ids.forEach((id, i) => {
      if (id === management)
        issues.add(managementAccountListed(`${at("accountIds")}[${i}]`, id, at("managementAccountId")));
    });
  }
  const contacts = checkMemberContacts(issues, at("contacts"), given.contacts);
  const retainOnDelete =
    given.retainOnDelete === undefined
      ? retainOnDeleteDefault
      : booleanValue(issues, at("retainOnDelete"), given.retainOnDelete);
  if (issues.count > before) return undefined;
  return {
    accountIds: ids as string[],
    contacts: contacts as MemberContactsArgs,
    retainOnDelete: retainOnDelete as boolean,
  };
}

export function resolveOrganizationContactsArgs(
  args: OrganizationContactsArgs,
): ResolvedOrganizationContactsArgs {
  return validated(checkOrganizationContactsArgs, args);
}

export function checkCentralizedRootAccessArgs(
  issues: Issues,
  value: unknown,
  path = "",
): ResolvedCentralizedRootAccessArgs | undefined {
  const before = issues.count;
  const keys = ["rootCredentialsManagement", "rootSessions", "retainOnDelete"];
  const given = objectOf(
    issues,
    path,
    value ?? {},
    keys,
    "an object { rootCredentialsManagement?, rootSessions?, retainOnDelete? }",
  );
  if (given === undefined) return undefined;
  const flag = (field: string, fallback: boolean) =>
    given[field] === undefined ? fallback : booleanValue(issues, join(path, field), given[field]);
  const credentials = flag("rootCredentialsManagement", true);
  const sessions = flag("rootSessions", true);
  const retainOnDelete = flag("retainOnDelete", retainOnDeleteDefault);
  if (credentials === false && sessions === false) {
    issues.add(
      `${join(path, "rootCredentialsManagement")} and ${join(path, "rootSessions")} are both false: enable at least one, or leave CentralizedRootAccess out`,
    );
  }
  if (issues.count > before) return undefined;
  const enabledFeatures: RootAccessFeature[] = [];
  if (credentials) enabledFeatures.push("RootCredentialsManagement");
  if (sessions) enabledFeatures.push("RootSessions");
  return { enabledFeatures, retainOnDelete: retainOnDelete as boolean };
}

export function resolveCentralizedRootAccessArgs(
  args: CentralizedRootAccessArgs | undefined,
): ResolvedCentralizedRootAccessArgs {
  return validated(checkCentralizedRootAccessArgs, args);
}
