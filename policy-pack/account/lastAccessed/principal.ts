/**
 * Who the service last-accessed review looks at: the groups, roles and users of an account, as
 * the account's listing names them. Only principals with policies of their own (attached or
 * inline) are reviewed; a user's group permissions are reviewed on the group. Service-linked
 * roles are left out: AWS owns their policies, so nobody can act on a finding about them.
 */
export const principalKinds = ["group", "role", "user"] as const;
export type PrincipalKind = (typeof principalKinds)[number];

export interface Principal {
  readonly kind: PrincipalKind;
  /** As AWS names it: GroupName, RoleName, UserName. */
  readonly name: string;
  readonly arn: string;
  /** At least one attached managed policy or inline policy of its own. */
  readonly hasPolicies: boolean;
}

const serviceLinked = /^arn:aws[\w-]*:iam::\d{12}:role\/aws-service-role\//;

/** The principals whose last-accessed data is read, in the order given. */
export function principalsToReview(all: readonly Principal[]): Principal[] {
  return all.filter((p) => p.hasPolicies && !(p.kind === "role" && serviceLinked.test(p.arn)));
}

/** "role deploy", "user alice". */
export const describePrincipal = (p: Principal): string => `${p.kind} ${p.name}`;
