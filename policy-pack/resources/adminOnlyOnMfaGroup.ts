/**
 * admin-policy-only-on-mfa-group: full administrative rights (AdministratorAccess, or an Allow of
 * "*" on "*") are granted only to a group whose policies deny everything but MFA self-service
 * to every request without MFA (../iam/forceMfa.ts: `BoolIfExists`, so access-key requests are denied
 * too); never to a user or a role directly. The violation says why a group's MFA Deny does not count.
 */
import { StackValidationPolicy } from "@pulumi/policy";
import { Grant, grantsAdmin, grantsOf, groupMfaVerdict, userName } from "./iamModel";
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
        const mfa =
          g.principal.kind === "group" ? groupMfaVerdict(args.resources, g.principal.name) : undefined;
        if (mfa?.enforces) continue;
        const what = "arn" in g.policy ? `policy ${g.policy.arn}` : `an inline "*" on "*" policy`;
        const why =
          mfa === undefined
            ? `directly, not through a group that enforces MFA`
            : mfa.reasons.length === 0
              ? "but no policy on that group denies access without MFA"
              : `but the MFA Deny on that group does not count: ${mfa.reasons.join("; ")}`;
        reportViolation(
          `${grantee(args.resources, g)} gets full administrative rights from ${what} (${r.name}) ${why}; ` +
            `administrator rights must come only from a group that enforces MFA`,
          r.urn,
        );
      }
    });
  },
};
