/**
 * Facts -> findings, in one place for both front ends: the pack's account policies evaluate
 * their own name, the audit evaluates every name it checks.
 */
import { AccountPolicyName, accountPolicyNames } from "../controls";
import { defaultPasswordPolicyConfig, PasswordPolicyRuleName } from "../rules/passwordPolicy";
import { defaultAccountThresholds } from "./config";
import { AccountFacts } from "./facts";
import { Finding } from "./finding";
import { alternateContactsComplete, securityContactRegistered } from "./rules/contacts";
import { Rule, RuleSettings } from "./rules/context";
import { adminAccessRequiresMfa } from "./rules/adminAccess";
import {
  accessAnalyzerEnabled,
  centralizedRootAccessEnabled,
  noExpiredServerCertificates,
} from "./rules/accountServices";
import {
  cloudShellFullAccessRestricted,
  noCustomFullAdminPolicies,
  supportRoleExists,
  userPoliciesViaGroupsOnly,
} from "./rules/permissions";
import { noAccessKeysAtSetup } from "./rules/setupKeys";
import { livePasswordPolicy, passwordPolicyRuleNames } from "./rules/passwordPolicy";
import { rootAccessKeysAbsent, rootHardwareMfa, rootMfaEnabled, rootNotRecentlyUsed } from "./rules/root";
import {
  accessKeysRotated,
  iamUsersMfaEnabled,
  singleActiveAccessKey,
  unusedCredentialsDisabled,
} from "./rules/users";

export type { RuleSettings } from "./rules/context";

/** What the audit checks on a live account: the account policies, then the account settings. */
export const auditPolicyNames = [
  ...accountPolicyNames,
  ...passwordPolicyRuleNames,
  "alternate-contacts-complete",
] as const;
export type AuditPolicyName = AccountPolicyName | PasswordPolicyRuleName | "alternate-contacts-complete";

const rules: Record<AuditPolicyName, Rule> = {
  "root-access-keys-absent": rootAccessKeysAbsent,
  "root-mfa-enabled": rootMfaEnabled,
  "root-hardware-mfa": rootHardwareMfa,
  "root-not-recently-used": rootNotRecentlyUsed,
  "iam-users-mfa-enabled": iamUsersMfaEnabled,
  "access-keys-rotated": accessKeysRotated,
  "unused-credentials-disabled": unusedCredentialsDisabled,
  "single-active-access-key": singleActiveAccessKey,
  "security-contact-registered": securityContactRegistered,
  "admin-access-requires-mfa": adminAccessRequiresMfa,
  "user-policies-via-groups-only": userPoliciesViaGroupsOnly,
  "no-custom-full-admin-policies": noCustomFullAdminPolicies,
  "cloudshell-full-access-restricted": cloudShellFullAccessRestricted,
  "no-access-keys-at-setup": noAccessKeysAtSetup,
  "no-expired-server-certificates": noExpiredServerCertificates,
  "support-role-exists": supportRoleExists,
  "access-analyzer-enabled": accessAnalyzerEnabled,
  "centralized-root-access-enabled": centralizedRootAccessEnabled,
  "password-policy-minimum-length": livePasswordPolicy("password-policy-minimum-length"),
  "password-policy-reuse-prevention": livePasswordPolicy("password-policy-reuse-prevention"),
  "password-policy-character-classes": livePasswordPolicy("password-policy-character-classes"),
  "password-policy-max-age": livePasswordPolicy("password-policy-max-age"),
  "alternate-contacts-complete": alternateContactsComplete,
};

export const defaultRuleSettings: RuleSettings = {
  thresholds: defaultAccountThresholds,
  passwordPolicy: defaultPasswordPolicyConfig,
};

/** The findings of one policy. */
export function evaluatePolicy(
  policy: AuditPolicyName,
  facts: AccountFacts,
  settings: RuleSettings,
  now: Date,
): Finding[] {
  return rules[policy](facts, settings, now);
}

/** The findings of several policies, in the order given (default: every audited policy). */
export function evaluate(
  facts: AccountFacts,
  settings: RuleSettings = defaultRuleSettings,
  now: Date = new Date(),
  policies: readonly AuditPolicyName[] = auditPolicyNames,
): Finding[] {
  return policies.flatMap((p) => evaluatePolicy(p, facts, settings, now));
}
