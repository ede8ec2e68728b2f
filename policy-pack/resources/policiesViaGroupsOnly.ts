/**
 * iam-policies-via-groups-only: users get permissions only through group membership, never from
 * a policy attached to or inlined on the user, so access is reviewed per role, not per person.
 */
import { StackValidationPolicy } from "@pulumi/policy";
import { grantsOf, userName } from "./iamModel";
import { policyMeta } from "./meta";
import { decideEach } from "./preview";

export const iamPoliciesViaGroupsOnly: StackValidationPolicy = {
  ...policyMeta("iam-policies-via-groups-only", "IAM users receive permissions only through groups.", {
    enforcementLevel: "advisory",
    remediationSteps:
      "Attach the policy to a group (aws.iam.GroupPolicyAttachment or GroupPolicy) and add the user to it " +
      "(aws.iam.UserGroupMembership), then remove the user's own policy.",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_attach-policy.html",
  }),
  validateStack: (args, reportViolation) => {
    decideEach(args.resources, (r) => {
      for (const g of grantsOf(r).filter((g) => g.principal.kind === "user")) {
        const what = "arn" in g.policy ? `policy ${g.policy.arn} attached` : "an inline policy";
        reportViolation(
          `user "${userName(args.resources, g.principal.name)}" has ${what} directly (${r.type.split(":").pop()} "${r.name}"); ` +
            `users must receive policies only through groups`,
          r.urn,
        );
      }
    });
  },
};
