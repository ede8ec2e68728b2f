/**
 * The program's stack config: read, validated in full, turned into component args. The keys
 * (namespace `aws-account-baseline`) are AccountBaseline's args plus `organization`, so a config
 * error names the same field a library user would see: `passwordPolicy.minimumLength must be ...`.
 * The `aws:*` keys that pick the account (assumeRoles, allowedAccountIds) are checked too.
 */
import * as pulumi from "@pulumi/pulumi";
import { distance } from "fastest-levenshtein";
import type { AccountBaselineArgs } from "./accountBaseline";
import type { AlternateContactsArgs } from "./alternateContacts";
import type { AccountBaseline } from "./accountBaseline";
import type { CentralizedRootAccess } from "./centralizedRootAccess";
import type { OrganizationContacts } from "./organizationContacts";
import { checkAccountBaselineArgs, accountBaselineKeys } from "./validation/accountBaseline";
import { Issues } from "./validation/checks";
import { checkOrganizationConfig, OrganizationConfig } from "./validation/organizationConfig";
import { checkProviderConfig } from "./validation/providerConfig";

export const projectName = "aws-account-baseline";

/**
 * A namespace this many edits (or fewer, ignoring case) from the project's is taken for a typo of
 * it: its keys would otherwise be ignored and the defaults used. Real provider namespaces (`aws`,
 * `aws-native`, `pulumi`, ...) are 10 or more edits away, so they are never affected.
 */
export const namespaceTypoDistance = 3;

/** The issue for a key whose namespace is a near-miss of the project's, or undefined. */
function misspelledNamespace(fullKey: string): string | undefined {
  const colon = fullKey.indexOf(":");
  if (colon < 0) return undefined;
  const namespace = fullKey.slice(0, colon);
  if (namespace === projectName || distance(namespace.toLowerCase(), projectName) > namespaceTypoDistance) {
    return undefined;
  }
  const meant = `${projectName}:${fullKey.slice(colon + 1)}`;
  return `${fullKey} is not in this project's namespace "${projectName}" (did you mean ${meant}?): the program would ignore it and use the default`;
}
export const programKeys = [...accountBaselineKeys, "organization"];

export interface ProgramConfig {
  readonly baseline: AccountBaselineArgs;
  /** Present on a management (or delegated-administrator) stack. */
  readonly organization?: OrganizationConfig;
}

/** Every config value as the CLI passes it (JSON text for objects), parsed. */
function allConfig(): Record<string, unknown> {
  return Object.fromEntries(Object.entries(pulumi.runtime.allConfig()).map(([k, v]) => [k, parseValue(v)]));
}

/** Reads every `aws-account-baseline:*` key; throws a ValidationError naming every problem. */
export function readProgramConfig(): ProgramConfig {
  const prefix = `${projectName}:`;
  const config = allConfig();
  const given: Record<string, unknown> = {};
  const issues = new Issues();
  for (const [fullKey, value] of Object.entries(config)) {
    const typo = misspelledNamespace(fullKey);
    if (typo !== undefined) issues.add(typo);
    if (!fullKey.startsWith(prefix)) continue;
    const key = fullKey.slice(prefix.length);
    if (!programKeys.includes(key)) {
      issues.add(
        `${fullKey} is not a known setting; allowed keys: ${programKeys.map((k) => prefix + k).join(", ")}`,
      );
      continue;
    }
    given[key] = value;
  }
  checkProviderConfig(issues, config);
  const { organization, ...baseline } = given;
  checkAccountBaselineArgs(issues, baseline);
  // The members' default contacts: the stack's own (if they are wrong, that is reported already).
  const stackContacts =
    baseline.alternateContacts === false ? false : (baseline.alternateContacts as AlternateContactsArgs);
  const org =
    organization === undefined ? undefined : checkOrganizationConfig(issues, organization, stackContacts);
  issues.throwIfAny();
  return {
    baseline: baseline as unknown as AccountBaselineArgs,
    ...(org === undefined ? {} : { organization: org }),
  };
}

/** The CLI hands objects, lists and booleans over as JSON text, and plain strings as they are. */
export function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** The stack outputs: only what the baseline manages (an absent part leaves no empty output). */
export function stackOutputs(baseline: AccountBaseline): Record<string, pulumi.Output<unknown>> {
  const admins = baseline.adminAccess;
  if (admins === undefined) return {};
  return {
    adminGroupName: admins.groupName,
    adminGroupArn: admins.groupArn,
    adminUserNames: admins.userNames,
    initialPasswords: admins.initialPasswords,
  };
}

/** The organization's outputs: the member accounts managed and the root-access features. */
export function organizationOutputs(
  contacts: OrganizationContacts | undefined,
  managementAccountId: string | undefined,
  rootAccess: CentralizedRootAccess | undefined,
): Record<string, unknown> {
  return {
    ...(contacts === undefined ? {} : { memberAccountIds: contacts.accountIds }),
    ...(managementAccountId === undefined ? {} : { managementAccountId }),
    ...(rootAccess === undefined ? {} : { centralizedRootAccessFeatures: rootAccess.enabledFeatures }),
  };
}
