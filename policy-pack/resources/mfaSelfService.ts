/**
 * What a user may do before signing in with MFA: manage their own MFA device and password. A copy
 * of `mfaSelfServiceActions` in components/mfaPolicy.ts (the document the AdminAccess component
 * attaches): the pack is its own package and imports nothing from components/, so it keeps this
 * list, and tests/policy-pack/resources/mfaSelfService.test.ts asserts the two stay equal.
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
