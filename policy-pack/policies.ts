import { Policy } from "@pulumi/policy";
import { accountPolicies } from "./account";
import { guardedPolicy } from "./config/guardedPolicy";
import { resourcePolicies } from "./resources";

/** Every policy of the pack, stack resources first, then the live account; each checks its config first. */
export const policies: Policy[] = [...resourcePolicies, ...accountPolicies].map(guardedPolicy);
