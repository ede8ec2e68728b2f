/**
 * The account a PermissionsSpec describes, named as IAM names it: each user, group and role with
 * its ARN (a role's path included), its policies, and the managed policies with their ARN and how
 * many principals attach them (an AWS managed policy only when attached, as
 * GetAccountAuthorizationDetails lists it). fakeAws renders it as XML (fakeAwsPermissions.ts); rule
 * tests parse it into a snapshot (permissionFacts.ts).
 */
import {
  awsManagedDocuments,
  customerPolicy,
  nameOfArn,
  PermissionsSpec,
  PrincipalSpec,
} from "./permissionSpec";

export interface SpecPrincipal extends PrincipalSpec {
  readonly name: string;
  readonly arn: string;
}

export interface SpecAccount {
  readonly users: readonly (SpecPrincipal & { readonly groups: readonly string[] })[];
  readonly groups: readonly SpecPrincipal[];
  readonly roles: readonly (SpecPrincipal & { readonly path: string; readonly trust: object })[];
  readonly policies: readonly {
    readonly name: string;
    readonly arn: string;
    readonly awsManaged: boolean;
    readonly attachmentCount: number;
    readonly document: object;
  }[];
}

/** The account of `spec`; `reportUsers` (the credential report's) are users too, without policies unless the spec gives some. */
export function specAccount(
  spec: PermissionsSpec,
  accountId: string,
  reportUsers: readonly string[] = [],
): SpecAccount {
  const iam = `arn:aws:iam::${accountId}`;
  const users = Object.entries({ ...Object.fromEntries(reportUsers.map((n) => [n, {}])), ...spec.users }).map(
    ([name, u]: [string, PrincipalSpec & { groups?: readonly string[] }]) => ({
      ...u,
      name,
      arn: `${iam}:user/${name}`,
      groups: u.groups ?? [],
    }),
  );
  const groups = Object.entries(spec.groups ?? {}).map(([name, g]) => ({
    ...g,
    name,
    arn: `${iam}:group/${name}`,
  }));
  const roles = Object.entries(spec.roles ?? {}).map(([name, r]) => {
    const path = r.path ?? "/";
    return { ...r, name, path, arn: `${iam}:role${path}${name}` };
  });
  const principals: PrincipalSpec[] = [...users, ...groups, ...roles];
  const uses = (arn: string) => principals.filter((p) => (p.attached ?? []).includes(arn)).length;
  const customer = Object.entries(spec.policies ?? {}).map(([name, document]) => {
    const arn = customerPolicy(name, accountId);
    return { name, arn, awsManaged: false, attachmentCount: uses(arn), document };
  });
  const aws = Object.entries(awsManagedDocuments)
    .filter(([arn]) => uses(arn) > 0)
    .map(([arn, document]) => ({
      name: nameOfArn(arn),
      arn,
      awsManaged: true,
      attachmentCount: uses(arn),
      document,
    }));
  return { users, groups, roles, policies: [...customer, ...aws] };
}
