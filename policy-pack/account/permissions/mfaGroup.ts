/**
 * The one adapter between the live permissions review and the pack's recognitions
 * (policy-pack/iam/): "a group that enforces MFA", over the statements of all of a group's
 * policies, and "allows * on *". This file only hands them what was read from the account, so
 * there is one recognition, used for the stack's resources and the live account alike.
 */
import { MfaVerdict, mfaVerdict } from "../../iam/forceMfa";
import { isAdministratorAccessArn, isAdminStatement, Statement } from "../../iam/policyDocument";

export type { MfaVerdict } from "../../iam/forceMfa";

/**
 * Whether a group's policies enforce MFA: `statements` of its inline policies and of the default
 * versions of its managed ones that IAM listed; `unlistedManagedArns`, attached managed policies
 * whose documents were not listed (judged as possibly allowing anything).
 */
export function groupEnforcesMfa(
  statements: readonly Statement[],
  unlistedManagedArns: readonly string[] = [],
): MfaVerdict {
  return mfaVerdict(statements, unlistedManagedArns);
}

/** A policy document (its statements) that allows every action on every resource. */
export function allowsEverything(statements: readonly Statement[]): boolean {
  return statements.some(isAdminStatement);
}

export { isAdministratorAccessArn };
