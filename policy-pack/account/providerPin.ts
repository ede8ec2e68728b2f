/**
 * The stack's aws providers may pin the accounts they deploy to (`allowedAccountIds`,
 * `forbiddenAccountIds`). When the account the checks reached (the ambient credentials', or the
 * role the provider assumes) is not one of them, the policies say so instead of judging it.
 */
import { decoded } from "./providerRoles";

function ids(value: unknown): string[] | undefined {
  const d = decoded(value);
  return Array.isArray(d) ? d.map(String) : undefined;
}

/**
 * Why `accountId` is not an account these providers deploy to, or undefined when it is (or
 * nothing is pinned). An account any of them allows (and none forbids) is the stack's.
 * `roleArn`: the role the account was reached through, when one was assumed.
 */
export function accountPinConflict(
  providers: readonly Record<string, unknown>[],
  accountId: string,
  roleArn?: string,
): string | undefined {
  const reached = roleArn
    ? `the role ${roleArn} that the stack's aws provider assumes is in account ${accountId}`
    : `the credentials running this preview are for account ${accountId}`;
  const forbidden = providers.flatMap((p) => ids(p.forbiddenAccountIds) ?? []);
  if (forbidden.includes(accountId)) {
    return `${reached}, which the stack's aws provider forbids (forbiddenAccountIds); the live account checks did not run against it`;
  }
  const allowed = providers.map((p) => ids(p.allowedAccountIds)).filter((a) => a !== undefined);
  if (allowed.length === 0 || allowed.some((a) => a.includes(accountId))) return undefined;
  const pinned = [...new Set(allowed.flat())].join(", ");
  const fix = roleArn
    ? "point assumeRoles at a role in that account"
    : "run the preview with credentials for that account";
  return `${reached}, but the stack's aws provider allows only ${pinned} (allowedAccountIds); ${fix}; the live account checks did not judge ${accountId}`;
}
