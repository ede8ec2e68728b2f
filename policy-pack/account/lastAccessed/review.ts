/**
 * The review both front ends run: the account's principals -> those with policies of their own
 * -> their last-accessed data -> unused-service-permissions findings.
 */
import { Fact, isAvailable } from "../facts";
import { ACCOUNT_SUBJECT, Finding, notEvaluated } from "../finding";
import { Principal, principalsToReview } from "./principal";
import { LastAccessedReadOptions, readLastAccessed } from "./read";
import { unusedServicePermissions } from "./rule";

export async function reviewLastAccessed(
  principals: Fact<readonly Principal[]>,
  unusedDays: number,
  now: Date,
  options: LastAccessedReadOptions = {},
): Promise<Finding[]> {
  if (!isAvailable(principals)) {
    return [
      notEvaluated(
        "unused-service-permissions",
        ACCOUNT_SUBJECT,
        `the account's principals could not be listed: ${principals.unavailable}`,
      ),
    ];
  }
  const uses = await readLastAccessed(principalsToReview(principals.value), options);
  return unusedServicePermissions(uses, unusedDays, now);
}
