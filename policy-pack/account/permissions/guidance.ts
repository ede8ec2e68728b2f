/** What a person does about each permissions finding, and the AWS page that says how. */
import type { PermissionPolicyName } from "../../controls";

const iamGuide = "https://docs.aws.amazon.com/IAM/latest/UserGuide";

export const permissionGuidance: Record<PermissionPolicyName, { url: string; remediationSteps: string }> = {
  "admin-access-requires-mfa": {
    url: `${iamGuide}/tutorial_users-self-manage-mfa-and-creds.html`,
    remediationSteps:
      'IAM console > Users > user > Permissions: remove AdministratorAccess and other "*" on "*" policies from the user and add the user to this project\'s Administrators group (it denies everything but MFA self-service without MFA); have the user assign an MFA device. For a role: IAM console > Roles > role > Trust relationships > Edit, add the condition "Bool": {"aws:MultiFactorAuthPresent": "true"} to each statement that trusts an account or user, or grant it less than full rights.',
  },
  "user-policies-via-groups-only": {
    url: `${iamGuide}/id_groups_manage_attach-policy.html`,
    remediationSteps:
      "IAM console > User groups: create (or pick) a group with the permissions the user needs and add the user; then IAM console > Users > user > Permissions: remove each directly attached and inline policy.",
  },
  "no-custom-full-admin-policies": {
    url: `${iamGuide}/best-practices.html#grant-least-privilege`,
    remediationSteps:
      'IAM console > Policies > policy > Policy usage: note who uses it; then Permissions > Edit and replace the "*" on "*" statement with the actions and resources needed (or detach and delete the policy). Full rights belong only to the MFA-enforced Administrators group.',
  },
  "cloudshell-full-access-restricted": {
    url: "https://docs.aws.amazon.com/cloudshell/latest/userguide/sec-auth-with-identities.html",
    remediationSteps:
      "IAM console > Policies > AWSCloudShellFullAccess > Entities attached: detach it from each user, group and role; grant a custom CloudShell policy that denies file upload/download if CloudShell is needed.",
  },
  "no-access-keys-at-setup": {
    url: `${iamGuide}/id_credentials_access-keys.html`,
    remediationSteps:
      "IAM console > Users > user > Security credentials > Access keys: the key has never been used, so deactivate and delete it; create keys only when a workload needs them (prefer roles).",
  },
  "no-expired-server-certificates": {
    url: `${iamGuide}/id_credentials_server-certs.html#delete-server-certificate`,
    remediationSteps:
      "Server certificates are not in the IAM console: make sure no load balancer uses it, then `aws iam delete-server-certificate --server-certificate-name NAME` (or move to AWS Certificate Manager).",
  },
  "support-role-exists": {
    url: "https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html",
    remediationSteps:
      "Deploy this project's SupportRole component (AccountBaseline does by default), or IAM console > Roles > Create role > AWS account (this account, require MFA) > attach AWSSupportAccess, and let the Administrators group assume it.",
  },
  "access-analyzer-enabled": {
    url: `${iamGuide}/access-analyzer-getting-started.html`,
    remediationSteps:
      "Deploy this project's AccessAnalyzer component for each region (AccountBaseline does for its list), or IAM console > Access analyzer > Create analyzer > External access, in each region named.",
  },
  "centralized-root-access-enabled": {
    url: `${iamGuide}/id_root-enable-root-access.html`,
    remediationSteps:
      "From the management account: enable trusted access for IAM in Organizations, then IAM console > Root access management > Enable, with Root credentials management and Privileged root actions (or set organization.centralizedRootAccess: true in this project's management stack).",
  },
};
