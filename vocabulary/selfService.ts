/**
 * MFA self-service: what an IAM user must be able to do before signing in with MFA (set their
 * password, register their own MFA device, get an MFA session for the CLI), with the resource
 * IAM authorizes each action against (the Service Authorization Reference's resource types).
 * The one list: the AdminAccess component (components/mfaPolicy.ts) builds its force-MFA policy
 * from it, and the pack's recognition of a force-MFA group (policy-pack/iam/forceMfa.ts) judges Denies by it.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
 */

/** `user`: authorized against the IAM user; `mfa`: against the virtual MFA device; `none`: Resource "*". */
export type SelfServiceScope = "user" | "mfa" | "none";

export interface SelfServiceAction {
  readonly action: string;
  readonly scope: SelfServiceScope;
}

/** What the baseline leaves open before MFA: on the caller's own user or device only. */
export const mfaSelfService: readonly SelfServiceAction[] = [
  { action: "iam:ChangePassword", scope: "user" },
  { action: "iam:GetAccountPasswordPolicy", scope: "none" },
  { action: "iam:CreateVirtualMFADevice", scope: "mfa" },
  { action: "iam:EnableMFADevice", scope: "user" },
  { action: "iam:ListMFADevices", scope: "user" },
  { action: "iam:ResyncMFADevice", scope: "user" },
  // The console's "My security credentials" page and `aws iam get-user` need it to show who the
  // user is while they set up MFA; on their own user only, it reveals nothing about anyone else.
  { action: "iam:GetUser", scope: "user" },
  { action: "sts:GetSessionToken", scope: "none" },
];

/**
 * Further read-only actions AWS's documented force-MFA policies also exempt: a Deny that exempts
 * them still counts (ListVirtualMFADevices lists the account's devices; GetMFADevice reads one
 * user's), though the baseline does not exempt them itself.
 */
export const toleratedSelfService: readonly SelfServiceAction[] = [
  ...mfaSelfService,
  { action: "iam:ListVirtualMFADevices", scope: "none" },
  { action: "iam:GetMFADevice", scope: "user" },
];

/** The caller's own IAM user and own virtual MFA device, as policy resources. */
export const ownUserArn = "arn:aws:iam::*:user/${aws:username}";
export const ownMfaArn = "arn:aws:iam::*:mfa/${aws:username}";
