import { Policy } from "@pulumi/policy";
import { accountPolicies } from "./account";
import { resourcePolicies } from "./resources";

/** Every policy of the pack, stack resources first, then the live account. */
export const policies: Policy[] = [...resourcePolicies, ...accountPolicies];
