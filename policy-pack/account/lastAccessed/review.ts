/**
 * The review both front ends run: the account's authorization snapshot -> the principals with
 * policies of their own -> their last-accessed data -> unused-service-permissions findings.
 */
import { Fact, isAvailable } from "../facts";
import { ACCOUNT_SUBJECT, Finding, notEvaluated } from "../finding";
import type { AuthorizationSnapshot } from "../permissions/snapshot";
import { principalsToReview } from "./principal";
import { LastAccessedReadOptions, readLastAccessed } from "./read";
import { unusedServicePermissions } from "./rule";

export async function reviewLastAccessed(
  authorization: Fact<AuthorizationSnapshot>,
  unusedDays: number,
  now: Date,
  options: LastAccessedReadOptions = {},
): Promise<Finding[]> {
  if (!isAvailable(authorization)) {
    return [
      notEvaluated(
        "unused-service-permissions",
        ACCOUNT_SUBJECT,
        `the principals to review come from the account's authorization snapshot, which could not be read: ${authorization.unavailable}`,
      ),
    ];
  }
  const uses = await readLastAccessed(principalsToReview(authorization.value), options);
  return unusedServicePermissions(uses, unusedDays, now);
}
