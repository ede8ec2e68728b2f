/**
 * The policies read off the authorization snapshot alone: CIS v5 1.14 (users get permissions only
 * through groups), 1.15 (no customer managed "*" on "*" policy), 1.16 (a support role) and 1.21
 * (AWSCloudShellFullAccess attached to nobody). One finding per subject, named as AWS names it.
 */
import { ACCOUNT_SUBJECT, fail } from "../finding";
import { hasAwsManaged } from "../permissions/grants";
import { allowsEverything } from "../permissions/mfaGroup";
import { Rule } from "./context";
import { withSnapshot } from "./snapshotRule";

export const userPoliciesViaGroupsOnly: Rule = (facts) =>
  withSnapshot("user-policies-via-groups-only", facts, (s) =>
    s.users.flatMap((u) => {
      const own = [
        ...u.attached.map((p) => `policy ${p.name}`),
        ...u.inline.map((p) => `inline policy ${p.name}`),
      ];
      return own.length === 0
        ? []
        : [
            fail(
              "user-policies-via-groups-only",
              u.name,
              `user ${u.name}: ${own.join(", ")} attached to the user; users must get permissions only through groups`,
            ),
          ];
    }),
  );

export const noCustomFullAdminPolicies: Rule = (facts) =>
  withSnapshot("no-custom-full-admin-policies", facts, (s) =>
    [...s.policies.values()]
      .filter((p) => !p.awsManaged && allowsEverything(p.statements))
      .map((p) =>
        fail(
          "no-custom-full-admin-policies",
          p.name,
          `customer managed policy ${p.name} (${p.arn}, attached ${p.attachmentCount} time${p.attachmentCount === 1 ? "" : "s"}): its default version allows "*" on "*"; grant only the actions needed`,
        ),
      ),
  );

export const cloudShellFullAccessRestricted: Rule = (facts) =>
  withSnapshot("cloudshell-full-access-restricted", facts, (s) => {
    const kinds = [
      ["user", s.users],
      ["group", s.groups],
      ["role", s.roles],
    ] as const;
    return kinds.flatMap(([kind, principals]) =>
      principals
        .filter((p) => hasAwsManaged(p, "AWSCloudShellFullAccess"))
        .map((p) =>
          fail(
            "cloudshell-full-access-restricted",
            p.name,
            `${kind} ${p.name}: AWSCloudShellFullAccess is attached; it allows file upload and download and outbound connections from CloudShell, so it must be attached to nobody`,
          ),
        ),
    );
  });

export const supportRoleExists: Rule = (facts) =>
  withSnapshot("support-role-exists", facts, (s) =>
    s.roles.some((r) => hasAwsManaged(r, "AWSSupportAccess"))
      ? []
      : [
          fail(
            "support-role-exists",
            ACCOUNT_SUBJECT,
            `account ${facts.accountId ?? "(unknown account)"}: no role has AWSSupportAccess attached; a support role is required to manage incidents with AWS Support`,
          ),
        ],
  );
