/**
 * The one table of what each policy maps to: CIS AWS Foundations Benchmark v5.0.0 numbering (what
 * Security Hub and current scanners cite) with the v3.0 id beside it where it differs, AWS
 * Security Hub control ids and others' ids (Checkov), and where the baseline deliberately departs
 * from a control, which and why. The pack's descriptions, the audit's `controls` field and the
 * SARIF rules are all rendered from here, so a mapping is written once.
 */

export type Severity = "critical" | "high" | "medium" | "low";

export interface Control {
  /** CIS AWS Foundations Benchmark v5.0.0 recommendation, if any. */
  readonly cis?: string;
  /** The same recommendation's v3.0 id, where it differs. */
  readonly cisV3?: string;
  /** AWS Security Hub control ids. */
  readonly securityHub?: readonly string[];
  /** Other tools' ids for the same check (Checkov). */
  readonly others?: readonly string[];
  /** Prowler check ids for the same control. */
  readonly prowler?: readonly string[];
  readonly severity: Severity;
  /** The requirement in a few words, for tables and SARIF rule names. */
  readonly title: string;
  /** Controls the policy deliberately does not implement though it looks like them, and why. */
  readonly departsFrom?: { readonly ids: readonly string[]; readonly why: string };
}

export const resourcePolicyNames = [
  "password-policy-minimum-length",
  "password-policy-reuse-prevention",
  "password-policy-character-classes",
  "password-policy-max-age",
  "alternate-contacts-complete",
  "console-users-no-access-keys",
  "iam-policies-via-groups-only",
  "admin-policy-only-on-mfa-group",
  "login-profile-reset-required",
  "support-role-declared",
  "access-analyzer-declared",
] as const;

/** The live permissions review (policy-pack/account/permissions/): one authorization snapshot per account. */
export const permissionPolicyNames = [
  "admin-access-requires-mfa",
  "user-policies-via-groups-only",
  "no-custom-full-admin-policies",
  "cloudshell-full-access-restricted",
  "no-access-keys-at-setup",
  "no-expired-server-certificates",
  "support-role-exists",
  "access-analyzer-enabled",
  "centralized-root-access-enabled",
] as const;

export const accountPolicyNames = [
  "root-access-keys-absent",
  "root-mfa-enabled",
  "root-hardware-mfa",
  "root-not-recently-used",
  "iam-users-mfa-enabled",
  "access-keys-rotated",
  "unused-credentials-disabled",
  "single-active-access-key",
  "security-contact-registered",
  ...permissionPolicyNames,
] as const;

/** Opt-in live-account policies, per principal (disabled unless asked for: they cost calls per principal). */
export const optInPolicyNames = ["unused-service-permissions"] as const;

export type ResourcePolicyName = (typeof resourcePolicyNames)[number];
export type AccountPolicyName = (typeof accountPolicyNames)[number];
export type PermissionPolicyName = (typeof permissionPolicyNames)[number];
export type OptInPolicyName = (typeof optInPolicyNames)[number];
export type PolicyName = ResourcePolicyName | AccountPolicyName | OptInPolicyName;

export const controls: Readonly<Record<PolicyName, Control>> = {
  "password-policy-minimum-length": {
    cis: "1.7",
    cisV3: "1.8",
    securityHub: ["IAM.15"],
    others: ["CKV_AWS_10"],
    severity: "medium",
    title: "IAM password policy requires a minimum length of 14",
  },
  "password-policy-reuse-prevention": {
    cis: "1.8",
    cisV3: "1.9",
    securityHub: ["IAM.16"],
    others: ["CKV_AWS_13"],
    severity: "low",
    title: "IAM password policy prevents password reuse",
  },
  "password-policy-character-classes": {
    securityHub: ["IAM.7", "IAM.11", "IAM.12", "IAM.13", "IAM.14"],
    others: ["CKV_AWS_11", "CKV_AWS_12", "CKV_AWS_14", "CKV_AWS_15"],
    severity: "medium",
    title: "IAM password policy requires upper and lower case letters, numbers and symbols",
  },
  "password-policy-max-age": {
    securityHub: ["IAM.17"],
    others: ["CKV_AWS_9"],
    severity: "low",
    title: "IAM passwords expire within 90 days",
  },
  "alternate-contacts-complete": {
    cis: "1.2",
    securityHub: ["Account.1"],
    severity: "medium",
    title: "Billing, operations and security alternate contacts are declared",
  },
  "console-users-no-access-keys": {
    cis: "1.10",
    cisV3: "1.11",
    severity: "high",
    title: "No access keys for users with console access",
  },
  "iam-policies-via-groups-only": {
    cis: "1.14",
    cisV3: "1.15",
    securityHub: ["IAM.2"],
    others: ["CKV_AWS_40"],
    severity: "low",
    title: "IAM users receive permissions only through groups",
  },
  "admin-policy-only-on-mfa-group": {
    severity: "high",
    title: "Full administrative privileges only through a group that enforces MFA",
    departsFrom: {
      ids: ["CIS 1.15 (v3 1.16)", "CKV_AWS_274"],
      why:
        'they fail any policy allowing "*" on "*", and the baseline\'s Administrators group holds ' +
        "AdministratorAccess on purpose, so that named people, not the root user, administer the account; " +
        "instead this policy requires such rights to come only from a group whose policies deny everything " +
        "but MFA self-service on the member's own user until they sign in with MFA",
    },
  },
  "login-profile-reset-required": {
    severity: "medium",
    title: "Initial console passwords are encrypted and must be reset at first sign-in",
  },
  "support-role-declared": {
    cis: "1.16",
    cisV3: "1.17",
    securityHub: ["IAM.18"],
    severity: "low",
    title: "The baseline's stack declares a support role",
  },
  "access-analyzer-declared": {
    cis: "1.19",
    cisV3: "1.20",
    securityHub: ["IAM.28"],
    severity: "medium",
    title: "The baseline's stack declares an external access analyzer",
  },
  "root-access-keys-absent": {
    cis: "1.3",
    cisV3: "1.4",
    securityHub: ["IAM.4"],
    others: ["CKV_AWS_348"],
    severity: "critical",
    title: "No root user access keys",
  },
  "root-mfa-enabled": {
    cis: "1.4",
    cisV3: "1.5",
    securityHub: ["IAM.9"],
    severity: "critical",
    title: "MFA is enabled for the root user",
  },
  "root-hardware-mfa": {
    cis: "1.5",
    cisV3: "1.6",
    securityHub: ["IAM.6"],
    severity: "high",
    title: "Hardware MFA is enabled for the root user",
  },
  "root-not-recently-used": {
    cis: "1.6",
    cisV3: "1.7",
    severity: "high",
    title: "The root user is not used for everyday tasks",
  },
  "iam-users-mfa-enabled": {
    cis: "1.9",
    cisV3: "1.10",
    securityHub: ["IAM.5"],
    severity: "high",
    title: "MFA is enabled for every IAM user with a console password",
  },
  "access-keys-rotated": {
    cis: "1.13",
    cisV3: "1.14",
    securityHub: ["IAM.3"],
    severity: "medium",
    title: "Access keys are rotated every 90 days or less",
  },
  "unused-credentials-disabled": {
    cis: "1.11",
    cisV3: "1.12",
    securityHub: ["IAM.22", "IAM.8"],
    severity: "medium",
    title: "Credentials unused for 45 days or more are disabled",
  },
  "single-active-access-key": {
    cis: "1.12",
    cisV3: "1.13",
    severity: "low",
    title: "At most one active access key per IAM user",
  },
  "security-contact-registered": {
    cis: "1.2",
    securityHub: ["Account.1"],
    severity: "medium",
    title: "Security contact information is registered",
  },
  "admin-access-requires-mfa": {
    prowler: ["iam_administrator_access_with_mfa"],
    departsFrom: {
      ids: ["CIS 1.15 (v3 1.16)"],
      why:
        'it fails any attached policy allowing "*" on "*", and the baseline keeps AdministratorAccess on its ' +
        "Administrators group on purpose; instead this policy requires full rights to reach a person only through " +
        "a group that enforces MFA, with MFA active, and a role only through a trust policy that requires MFA",
    },
    severity: "high",
    title:
      "Full administrative rights only with MFA: users through an MFA-enforcing group, roles by their trust",
  },
  "user-policies-via-groups-only": {
    cis: "1.14",
    cisV3: "1.15",
    securityHub: ["IAM.2"],
    prowler: ["iam_policy_attached_only_to_group_or_roles"],
    severity: "low",
    title: "No IAM user has attached or inline policies",
  },
  "no-custom-full-admin-policies": {
    cis: "1.15",
    cisV3: "1.16",
    securityHub: ["IAM.1"],
    prowler: [
      "iam_customer_attached_policy_no_administrative_privileges",
      "iam_customer_unattached_policy_no_administrative_privileges",
    ],
    severity: "high",
    title: 'No customer managed policy allows "*" on "*"',
  },
  "cloudshell-full-access-restricted": {
    cis: "1.21",
    cisV3: "1.22",
    securityHub: ["IAM.27"],
    prowler: ["iam_policy_cloudshell_admin_not_attached"],
    severity: "medium",
    title: "AWSCloudShellFullAccess is attached to no user, group or role",
  },
  "no-access-keys-at-setup": {
    cis: "1.10",
    cisV3: "1.11",
    prowler: ["iam_user_no_setup_initial_access_key"],
    severity: "medium",
    title: "No console user has an access key created with the user and never used",
  },
  "no-expired-server-certificates": {
    cis: "1.18",
    cisV3: "1.19",
    securityHub: ["IAM.26"],
    prowler: ["iam_no_expired_server_certificates_stored"],
    severity: "medium",
    title: "No expired IAM server certificate is stored",
  },
  "support-role-exists": {
    cis: "1.16",
    cisV3: "1.17",
    securityHub: ["IAM.18"],
    prowler: ["iam_support_role_created"],
    severity: "low",
    title: "A role with AWSSupportAccess exists for incident handling with AWS Support",
  },
  "access-analyzer-enabled": {
    cis: "1.19",
    cisV3: "1.20",
    securityHub: ["IAM.28"],
    prowler: ["accessanalyzer_enabled"],
    severity: "medium",
    title: "An active external access analyzer in every region checked",
  },
  "centralized-root-access-enabled": {
    others: ["CIS v7 2.1.1"],
    severity: "medium",
    title: "Organizations' centralized root access (RootCredentialsManagement, RootSessions) is enabled",
  },
  "unused-service-permissions": {
    severity: "low",
    title: "Principals are granted only services they used within the review window",
  },
};

/** `["CIS 1.7 (v3 1.8)", "Security Hub IAM.15", "CKV_AWS_10"]`: the ids a finding cites (CIS v5.0.0 first). */
export function controlIds(policy: PolicyName): string[] {
  const c = controls[policy];
  return [
    ...(c.cis ? [`CIS ${c.cis}${c.cisV3 ? ` (v3 ${c.cisV3})` : ""}`] : []),
    ...(c.securityHub ?? []).map((id) => `Security Hub ${id}`),
    ...(c.others ?? []),
    ...(c.prowler ?? []).map((id) => `Prowler ${id}`),
  ];
}

/**
 * "(CIS 1.7 (v3 1.8), Security Hub IAM.15, CKV_AWS_10)" appended to each policy's one-sentence
 * description, and where the policy departs from a control, which and why.
 */
export function describe(policy: PolicyName, sentence: string): string {
  const ids = controlIds(policy);
  const departs = controls[policy].departsFrom;
  return [
    ids.length > 0 ? `${sentence} (${ids.join(", ")})` : sentence,
    ...(departs ? [`It deliberately departs from ${departs.ids.join(" and ")}: ${departs.why}.`] : []),
  ].join(" ");
}
