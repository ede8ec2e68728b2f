import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";

// Filled in by the resource-policies work (issue 3).
export const resourcePolicies: (ResourceValidationPolicy | StackValidationPolicy)[] = [];
