/** The permission policies' one-sentence descriptions (the pack appends the control ids). */
import type { PermissionPolicyName } from "../../controls";

export const permissionSentences: Record<PermissionPolicyName, string> = {
  "admin-access-requires-mfa":
    "Full administrative rights only with MFA: users only through a group that enforces MFA and with MFA active, roles only if their trust policy requires MFA or trusts only AWS services, SAML or IAM Identity Center.",
  "user-policies-via-groups-only":
    "No IAM user has attached or inline policies; users get permissions only through groups.",
  "no-custom-full-admin-policies": 'No customer managed policy\'s default version allows "*" on "*".',
  "cloudshell-full-access-restricted": "AWSCloudShellFullAccess is attached to no user, group or role.",
  "no-access-keys-at-setup":
    "No console user has an access key created with the user (within the configured window) and never used.",
  "no-expired-server-certificates": "No expired IAM server certificate is stored.",
  "support-role-exists": "A role with AWSSupportAccess exists to manage incidents with AWS Support.",
  "access-analyzer-enabled": "An active external access analyzer exists in every region checked.",
  "centralized-root-access-enabled":
    "On an Organizations management account, centralized root access (RootCredentialsManagement and RootSessions) is enabled.",
};
