/**
 * Which of a principal's own policies grant full administrative rights (AdministratorAccess, or
 * any policy allowing "*" on "*"), and the statements of a group's policies taken together.
 */
import type { Statement } from "../../iam/policyDocument";
import { allowsEverything, isAdministratorAccessArn } from "./mfaGroup";
import { AttachedPolicy, AuthorizationSnapshot, InlinePolicy } from "./snapshot";

interface WithPolicies {
  readonly attached: readonly AttachedPolicy[];
  readonly inline: readonly InlinePolicy[];
}

/** The statements of an attached managed policy's default version (none when IAM did not list it). */
export function managedStatements(s: AuthorizationSnapshot, p: AttachedPolicy): readonly Statement[] {
  return s.policies.get(p.arn)?.statements ?? [];
}

/** "policy AdministratorAccess", "inline policy ops-all": each of the principal's own admin grants. */
export function adminGrants(s: AuthorizationSnapshot, principal: WithPolicies): string[] {
  return [
    ...principal.attached
      .filter((p) => isAdministratorAccessArn(p.arn) || allowsEverything(managedStatements(s, p)))
      .map((p) => `policy ${p.name}`),
    ...principal.inline.filter((p) => allowsEverything(p.statements)).map((p) => `inline policy ${p.name}`),
  ];
}

/** Every statement of a group's (or any principal's) policies, and the attached ARNs IAM did not list. */
export function allStatements(
  s: AuthorizationSnapshot,
  principal: WithPolicies,
): { statements: Statement[]; unlisted: string[] } {
  return {
    statements: [
      ...principal.inline.flatMap((p) => p.statements),
      ...principal.attached.flatMap((p) => managedStatements(s, p)),
    ],
    unlisted: principal.attached.filter((p) => !s.policies.has(p.arn)).map((p) => p.arn),
  };
}

/** Whether an AWS managed policy (by name, any partition) is attached. */
export function hasAwsManaged(principal: WithPolicies, policyName: string): boolean {
  const arn = new RegExp(`^arn:aws[\\w-]*:iam::aws:policy/${policyName}$`);
  return principal.attached.some((p) => arn.test(p.arn));
}
