/**
 * What a user may do before signing in with MFA: manage their own MFA device and password. The
 * one list: the pack (its own package) recognises a force-MFA Deny by it, and the AdminAccess
 * component (components/mfaPolicy.ts) builds the Deny it deploys from it.
 */
export const mfaSelfServiceActions: readonly string[] = [
  "iam:CreateVirtualMFADevice",
  "iam:EnableMFADevice",
  "iam:GetUser",
  "iam:GetMFADevice",
  "iam:ListMFADevices",
  "iam:ListVirtualMFADevices",
  "iam:ResyncMFADevice",
  "iam:ChangePassword",
  "iam:GetAccountPasswordPolicy",
  "sts:GetSessionToken",
];
