import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { adminPolicyOnlyOnMfaGroup } from "./adminOnlyOnMfaGroup";
import { alternateContactsComplete } from "./alternateContacts";
import { accessAnalyzerDeclared, supportRoleDeclared } from "./baselineServices";
import { consoleUsersNoAccessKeys } from "./consoleUsersNoAccessKeys";
import { loginProfileResetRequired } from "./loginProfileResetRequired";
import { passwordPolicies } from "./passwordPolicy";
import { iamPoliciesViaGroupsOnly } from "./policiesViaGroupsOnly";

/** The policies over the stack's resources, in the order of DESIGN.md. */
export const resourcePolicies: (ResourceValidationPolicy | StackValidationPolicy)[] = [
  ...passwordPolicies,
  alternateContactsComplete,
  consoleUsersNoAccessKeys,
  iamPoliciesViaGroupsOnly,
  adminPolicyOnlyOnMfaGroup,
  loginProfileResetRequired,
  supportRoleDeclared,
  accessAnalyzerDeclared,
];
