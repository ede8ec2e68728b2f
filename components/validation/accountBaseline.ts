import type { AccountBaselineArgs } from "../accountBaseline";
import type { AdminAccessArgs } from "../adminAccess";
import type { AlternateContactsArgs } from "../alternateContacts";
import type { PasswordPolicyArgs } from "../passwordPolicy";
import { checkAdminAccessArgs, adminAccessDefaults } from "./adminAccess";
import { checkAlternateContactsArgs } from "./alternateContacts";
import { booleanValue, isPlainObject, Issues, join, objectOf, validated } from "./checks";
import { checkPasswordPolicyArgs } from "./passwordPolicy";
import { checkAccessAnalyzerArgs, checkSupportRoleArgs } from "./permissions";
import type { AccessAnalyzerArgs } from "../accessAnalyzer";
import type { SupportRoleArgs } from "../supportRole";

/** The args each part is built with (absent: the part is left out), all checked. */
export interface ResolvedAccountBaselineArgs {
  readonly passwordPolicy?: PasswordPolicyArgs;
  readonly alternateContacts?: AlternateContactsArgs;
  readonly adminAccess?: AdminAccessArgs;
  readonly supportRole?: SupportRoleArgs;
  readonly accessAnalyzer?: AccessAnalyzerArgs;
}

export const accountBaselineKeys = [
  "passwordPolicy",
  "alternateContacts",
  "adminAccess",
  "supportRole",
  "accessAnalyzer",
  "retainOnDelete",
];

const passwordPolicyShape =
  "an object of password-policy settings, or false to leave the account's policy alone";
const contactsShape = "{ billing?, operations?, security }, or false to manage no contact deliberately";

/** A part's own args over what it inherits from the baseline; anything but an object is an error. */
function inheriting(
  issues: Issues,
  path: string,
  value: unknown,
  inherited: object,
  shape: string,
): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) return issues.mustBe(path, shape, value);
  return { ...inherited, ...value };
}

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
  const what =
    "an object { passwordPolicy?, alternateContacts, adminAccess?, supportRole?, accessAnalyzer?, retainOnDelete? }";
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
    const own =
      given.passwordPolicy === undefined
        ? retain
        : inheriting(issues, at("passwordPolicy"), given.passwordPolicy, retain, passwordPolicyShape);
    passwordPolicy = own && checkPasswordPolicyArgs(issues, own, at("passwordPolicy"));
    minimumLength = passwordPolicy?.minimumLength ?? 0;
  }

  let alternateContacts: AlternateContactsArgs | undefined;
  if (given.alternateContacts === undefined) {
    issues.add(`${at("alternateContacts")} is required: give ${contactsShape}`);
  } else if (given.alternateContacts !== false) {
    const own = inheriting(issues, at("alternateContacts"), given.alternateContacts, retain, contactsShape);
    if (own && checkAlternateContactsArgs(issues, own, at("alternateContacts"))) {
      alternateContacts = own as unknown as AlternateContactsArgs;
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

  // Both protect the account: on unless an explicit false.
  const supportRole =
    given.supportRole === false ? undefined : ((given.supportRole ?? {}) as SupportRoleArgs);
  if (supportRole) checkSupportRoleArgs(issues, supportRole, at("supportRole"));
  const accessAnalyzer =
    given.accessAnalyzer === false ? undefined : ((given.accessAnalyzer ?? {}) as AccessAnalyzerArgs);
  if (accessAnalyzer) checkAccessAnalyzerArgs(issues, accessAnalyzer, at("accessAnalyzer"));

  if (issues.count > before) return undefined;
  return {
    ...(supportRole ? { supportRole } : {}),
    ...(accessAnalyzer ? { accessAnalyzer } : {}),
    ...(passwordPolicy ? { passwordPolicy } : {}),
    ...(alternateContacts ? { alternateContacts } : {}),
    ...(adminAccess ? { adminAccess } : {}),
  };
}

export function resolveAccountBaselineArgs(args: AccountBaselineArgs): ResolvedAccountBaselineArgs {
  return validated(checkAccountBaselineArgs, args);
}
