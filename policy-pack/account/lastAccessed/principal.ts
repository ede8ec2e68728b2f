/**
 * Who the service last-accessed review looks at: the groups, roles and users of the account's
 * authorization snapshot (read once per account for the permission checks, so the review lists
 * nothing itself) that have a policy of their own, attached or inline. A user whose only policies
 * come through its groups is not reviewed: its group is, once for all its members (a
 * group's job reports what any member used), and the fix (cutting a service) is made in the
 * group's policy, not on the user; reviewing each member would repeat the group's finding and
 * cost a job per member. Service-linked roles (path `/aws-service-role/`) are left out: AWS owns
 * their policies, so nobody can act on a finding about them.
 */
import type { AuthorizationSnapshot } from "../permissions/snapshot";

export const principalKinds = ["group", "role", "user"] as const;
export type PrincipalKind = (typeof principalKinds)[number];

export interface Principal {
  readonly kind: PrincipalKind;
  /** As AWS names it: GroupName, RoleName, UserName. */
  readonly name: string;
  readonly arn: string;
}

interface Detail {
  readonly name: string;
  readonly arn: string;
  readonly attached: readonly unknown[];
  readonly inline: readonly unknown[];
}

const serviceLinkedPath = "/aws-service-role/";
const ownPolicies = (p: Detail) => p.attached.length > 0 || p.inline.length > 0;

/** The principals whose last-accessed data is read: groups, then roles, then users, as the snapshot lists each. */
export function principalsToReview(s: AuthorizationSnapshot): Principal[] {
  const of = (kind: PrincipalKind, list: readonly Detail[]): Principal[] =>
    list.filter(ownPolicies).map((p) => ({ kind, name: p.name, arn: p.arn }));
  return [
    ...of("group", s.groups),
    ...of(
      "role",
      s.roles.filter((r) => !r.path.startsWith(serviceLinkedPath)),
    ),
    ...of("user", s.users),
  ];
}

/** "role deploy", "user alice". */
export const describePrincipal = (p: Principal): string => `${p.kind} ${p.name}`;
