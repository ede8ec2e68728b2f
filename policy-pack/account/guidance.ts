/**
 * What a person does about each finding, and the AWS page that says how: the pack's
 * `remediationSteps` / `url`, and the audit's SARIF `help` / `helpUri`. Root MFA and root keys
 * cannot be fixed by a program; these are console steps.
 */
import type { PasswordPolicyRuleName } from "../rules/passwordPolicy";
import type { AuditPolicyName } from "./findings";
import { permissionGuidance } from "./permissions/guidance";
import { passwordPolicyRuleNames } from "./rules/passwordPolicy";
import { lastAccessedGuidance } from "./lastAccessed/guidance";

export interface Guidance {
  readonly url: string;
  readonly remediationSteps: string;
}

const iamGuide = "https://docs.aws.amazon.com/IAM/latest/UserGuide";
const passwordPolicySteps =
  "Declare the password policy with this project's PasswordPolicy component (or IAM console > Account settings > Password policy > Edit), using the thresholds in this policy's config.";

/** The four password-policy rules share one page and one fix. */
const passwordPolicyGuidance = Object.fromEntries(
  passwordPolicyRuleNames.map((name) => [
    name,
    {
      url: `${iamGuide}/id_credentials_passwords_account-policy.html`,
      remediationSteps: passwordPolicySteps,
    },
  ]),
) as Record<PasswordPolicyRuleName, Guidance>;

export const guidance: Record<AuditPolicyName, Guidance> = {
  "root-access-keys-absent": {
    url: `${iamGuide}/id_root-user_manage_add-key.html`,
    remediationSteps:
      "Sign in as the root user > account menu > Security credentials > Access keys: make sure nothing still uses the key (its last-used date and service), then Actions > Deactivate, and Delete once nothing breaks.",
  },
  "root-mfa-enabled": {
    url: `${iamGuide}/enable-mfa-for-root.html`,
    remediationSteps:
      "Sign in as the root user > account menu > Security credentials > Multi-factor authentication (MFA) > Assign MFA device; prefer a hardware security key or TOTP token, and register a second device as a backup.",
  },
  "root-hardware-mfa": {
    url: `${iamGuide}/id_credentials_mfa_enable_physical.html`,
    remediationSteps:
      "Sign in as the root user > Security credentials > Assign MFA device > Security key or Hardware TOTP token; once it works, remove the virtual (authenticator app) device from root.",
  },
  "root-not-recently-used": {
    url: `${iamGuide}/root-user-tasks.html`,
    remediationSteps:
      "Find out who used root and why (CloudTrail events with userIdentity.type Root). Do everyday work as an IAM user or role in the MFA-enforced Administrators group; keep root for the tasks only root can do.",
  },
  "iam-users-mfa-enabled": {
    url: `${iamGuide}/id_credentials_mfa_enable_virtual.html`,
    remediationSteps:
      "Ask the user to sign in and assign an MFA device (IAM console > Users > user > Security credentials > Assign MFA device); the Administrators group of this project denies everything else until they do. Remove the console password of users who do not need it.",
  },
  "access-keys-rotated": {
    url: `${iamGuide}/id_credentials_access-keys.html#rotating_access_keys_console`,
    remediationSteps:
      "IAM console > Users > user > Security credentials: create a second key, move the workload to it, deactivate the old key, then delete it. Prefer roles (temporary credentials) over long-lived keys.",
  },
  "unused-credentials-disabled": {
    url: `${iamGuide}/id_credentials_finding-unused.html`,
    remediationSteps:
      "IAM console > Users > user > Security credentials: deactivate the unused access key and remove the unused console password (Manage console access > Disable); delete them once nothing depends on them.",
  },
  "single-active-access-key": {
    url: `${iamGuide}/id_credentials_access-keys.html`,
    remediationSteps:
      "Keep one active key per user: finish the rotation in progress (move workloads to the new key) and deactivate, then delete, the other.",
  },
  "security-contact-registered": {
    url: "https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html",
    remediationSteps:
      "Declare the SECURITY contact with this project's AlternateContacts component, or Billing and Cost Management console > Account > Alternate contacts > Edit.",
  },
  ...permissionGuidance,
  ...passwordPolicyGuidance,
  "alternate-contacts-complete": {
    url: "https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html",
    remediationSteps:
      "Declare the three contacts with this project's AlternateContacts component, or Billing and Cost Management console > Account > Alternate contacts > Edit.",
  },
};

/** The guidance of any policy name the audit reports (the opt-in per-principal policy included). */
export function guidanceFor(policy: string): Guidance | undefined {
  if (policy === "unused-service-permissions") return lastAccessedGuidance;
  return (guidance as Record<string, Guidance | undefined>)[policy];
}
