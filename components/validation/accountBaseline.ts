import type { AccountBaselineArgs } from "../accountBaseline";
import type { AdminAccessArgs } from "../adminAccess";
import type { AlternateContactsArgs } from "../alternateContacts";
import type { PasswordPolicyArgs } from "../passwordPolicy";
import { checkAdminAccessArgs, adminAccessDefaults } from "./adminAccess";
import { checkAlternateContactsArgs } from "./alternateContacts";
import { booleanValue, Issues, join, objectOf, validated } from "./checks";
import { checkPasswordPolicyArgs } from "./passwordPolicy";

/** The args each part is built with (absent: the part is left out), all checked. */
export interface ResolvedAccountBaselineArgs {
  readonly passwordPolicy?: PasswordPolicyArgs;
  readonly alternateContacts?: AlternateContactsArgs;
  readonly adminAccess?: AdminAccessArgs;
}

export const accountBaselineKeys = ["passwordPolicy", "alternateContacts", "adminAccess", "retainOnDelete"];

const withDefault = <T extends object>(inherited: object, own: T): T => ({ ...inherited, ...own });

/**
 * Checks `value` as AccountBaselineArgs. `path` prefixes every field (empty for the program's
 * config, whose keys are these fields). The parts inherit `retainOnDelete`; generated admin
 * passwords are made at least as long as the password policy requires.
 */
export function checkAccountBaselineArgs(
  issues: Issues,
  value: unknown,
  path = "",
): ResolvedAccountBaselineArgs | undefined {
  const before = issues.count;
  const what = "an object { passwordPolicy?, alternateContacts, adminAccess?, retainOnDelete? }";
  const given = objectOf(issues, path, value, accountBaselineKeys, what);
  if (given === undefined) return undefined;
  const at = (field: string) => join(path, field);
  const retain =
    given.retainOnDelete === undefined
      ? {}
      : { retainOnDelete: booleanValue(issues, at("retainOnDelete"), given.retainOnDelete) };

  let passwordPolicy: PasswordPolicyArgs | undefined;
  let minimumLength = 0;
  if (given.passwordPolicy !== false) {
    const own = given.passwordPolicy ?? {};
    const effective = typeof own === "object" && own !== null ? withDefault(retain, own) : own;
    const checked = checkPasswordPolicyArgs(issues, effective, at("passwordPolicy"));
    passwordPolicy = checked;
    minimumLength = checked?.minimumLength ?? 0;
  }

  let alternateContacts: AlternateContactsArgs | undefined;
  if (given.alternateContacts === undefined) {
    issues.add(
      `${at("alternateContacts")} is required: give { billing?, operations?, security }, or false to manage no contact deliberately`,
    );
  } else if (given.alternateContacts !== false) {
    const own = given.alternateContacts;
    const effective = typeof own === "object" && own !== null ? withDefault(retain, own) : own;
    if (checkAlternateContactsArgs(issues, effective, at("alternateContacts"))) {
      alternateContacts = effective as AlternateContactsArgs;
    }
  }

  let adminAccess: AdminAccessArgs | undefined;
  if (given.adminAccess !== undefined) {
    const checked = checkAdminAccessArgs(issues, given.adminAccess, at("adminAccess"));
    const own = given.adminAccess as AdminAccessArgs;
    if (checked && own.passwordLength !== undefined && own.passwordLength < minimumLength) {
      issues.add(
        `${at("adminAccess.passwordLength")} must be at least ${at("passwordPolicy.minimumLength")} (${minimumLength}), or AWS rejects the generated passwords; got ${own.passwordLength}`,
      );
    }
    if (checked) {
      adminAccess = {
        ...own,
        passwordLength: own.passwordLength ?? Math.max(adminAccessDefaults.passwordLength, minimumLength),
      };
    }
  }

  if (issues.count > before) return undefined;
  return {
    ...(passwordPolicy ? { passwordPolicy } : {}),
    ...(alternateContacts ? { alternateContacts } : {}),
    ...(adminAccess ? { adminAccess } : {}),
  };
}

export function resolveAccountBaselineArgs(args: AccountBaselineArgs): ResolvedAccountBaselineArgs {
  return validated(checkAccountBaselineArgs, args);
}
