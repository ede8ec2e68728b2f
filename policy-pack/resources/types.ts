/**
 * The `@pulumi/aws` type tokens the resource policies match. Written as strings, not imported
 * from @pulumi/aws: loading that SDK takes seconds, and the pack must open its port fast.
 */
export const awsTypes = {
  accountPasswordPolicy: "aws:iam/accountPasswordPolicy:AccountPasswordPolicy",
  alternativeContact: "aws:account/alternativeContact:AlternativeContact",
  user: "aws:iam/user:User",
  userLoginProfile: "aws:iam/userLoginProfile:UserLoginProfile",
  accessKey: "aws:iam/accessKey:AccessKey",
  userPolicy: "aws:iam/userPolicy:UserPolicy",
  userPolicyAttachment: "aws:iam/userPolicyAttachment:UserPolicyAttachment",
  userPoliciesExclusive: "aws:iam/userPoliciesExclusive:UserPoliciesExclusive",
  userPolicyAttachmentsExclusive: "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive",
  group: "aws:iam/group:Group",
  role: "aws:iam/role:Role",
  groupPolicy: "aws:iam/groupPolicy:GroupPolicy",
  groupPolicyAttachment: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
  groupPolicyAttachmentsExclusive: "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive",
  groupMembership: "aws:iam/groupMembership:GroupMembership",
  userGroupMembership: "aws:iam/userGroupMembership:UserGroupMembership",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  rolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  rolePolicyAttachmentsExclusive: "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
  policy: "aws:iam/policy:Policy",
  policyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
} as const;
