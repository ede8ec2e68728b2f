import { StackValidationPolicy } from "@pulumi/policy";

// Filled in by the account-posture work (issue 4).
export const accountPolicies: StackValidationPolicy[] = [];
