/**
 * admin-policy-only-on-mfa-group: full administrative rights (AdministratorAccess, or an Allow of
 * "*" on "*") are granted only to a group whose policies deny everything but MFA self-service
 * while `aws:MultiFactorAuthPresent` is false; never to a user or a role directly.
 */
import { StackValidationPolicy } from "@pulumi/policy";
import { Grant, grantsAdmin, grantsOf, groupEnforcesMfa, userName } from "./iamModel";
import { policyMeta } from "./meta";
import { decideEach } from "./preview";

function grantee(resources: Parameters<typeof userName>[0], g: Grant): string {
  const name = g.principal.kind === "user" ? userName(resources, g.principal.name) : g.principal.name;
  return `${g.principal.kind} "${name}"`;
}

export const adminPolicyOnlyOnMfaGroup: StackValidationPolicy = {
  ...policyMeta(
    "admin-policy-only-on-mfa-group",
    "Full administrative privileges are granted only through a group that enforces MFA.",
    {
      enforcementLevel: "mandatory",
      remediationSteps:
        "Grant administrator rights only to the AdminAccess component's group (it denies everything but MFA " +
        'self-service without MFA) and add administrators to it; remove AdministratorAccess or "*" on "*" ' +
        "policies from users, roles and other groups.",
      url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/tutorial_users-self-manage-mfa-and-creds.html",
    },
  ),
  validateStack: (args, reportViolation) => {
    decideEach(args.resources, (r) => {
      for (const g of grantsOf(r).filter((g) => grantsAdmin(args.resources, g.policy))) {
        if (g.principal.kind === "group" && groupEnforcesMfa(args.resources, g.principal.name)) continue;
        const what = "arn" in g.policy ? `policy ${g.policy.arn}` : `an inline "*" on "*" policy`;
        const why =
          g.principal.kind === "group"
            ? "but no policy on that group denies access without MFA"
            : `directly, not through a group that enforces MFA`;
        reportViolation(
          `${grantee(args.resources, g)} gets full administrative rights from ${what} (${r.name}) ${why}; ` +
            `administrator rights must come only from a group that enforces MFA`,
          r.urn,
        );
      }
    });
  },
};
