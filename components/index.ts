/**
 * The library API of aws-account-baseline: the components of the enforce half and their args.
 */
export { AccountBaseline } from "./accountBaseline";
export type { AccountBaselineArgs } from "./accountBaseline";
export { AdminAccess, administratorAccessArn } from "./adminAccess";
export type { AdminAccessArgs, AdminUserArgs, InitialPassword } from "./adminAccess";
export { AlternateContacts } from "./alternateContacts";
export type { AlternateContactsArgs, ContactArgs } from "./alternateContacts";
export { PasswordPolicy } from "./passwordPolicy";
export type { PasswordPolicyArgs } from "./passwordPolicy";
export { forceMfaPolicyDocument, mfaSelfServiceActions } from "./mfaPolicy";
export type { PolicyDocument, PolicyStatement } from "./mfaPolicy";
export { ValidationError } from "./validation/checks";
export { passwordPolicyDefaults } from "./validation/passwordPolicy";
export { adminAccessDefaults } from "./validation/adminAccess";
export { OrganizationContacts } from "./organizationContacts";
export type { MemberContactsArgs, OrganizationContactsArgs } from "./organizationContacts";
export { SupportRole, awsSupportAccessArn } from "./supportRole";
export type { SupportRoleArgs } from "./supportRole";
export { AccessAnalyzer } from "./accessAnalyzer";
export type { AccessAnalyzerArgs } from "./accessAnalyzer";
export { supportRoleDefaults, accessAnalyzerDefaults } from "./validation/permissions";
export { CentralizedRootAccess } from "./centralizedRootAccess";
export type { CentralizedRootAccessArgs } from "./centralizedRootAccess";
export { organizationMemberAccounts, organizationManagementAccountId } from "./organizationAccounts";
export type { OrganizationAccounts } from "./organizationAccounts";
export type { RootAccessFeature } from "./validation/organization";
