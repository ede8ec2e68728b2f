import { PolicyName } from "../../controls";
import { AccountFacts, isAvailable } from "../facts";
import { ACCOUNT_SUBJECT, Finding, notEvaluated } from "../finding";
import { AuthorizationSnapshot } from "../permissions/snapshot";

/** Runs `check` on the authorization snapshot, or one not-evaluated finding naming why it was not read. */
export function withSnapshot(
  policy: PolicyName,
  facts: AccountFacts,
  check: (s: AuthorizationSnapshot) => Finding[],
): Finding[] {
  const a = facts.authorization;
  return isAvailable(a) ? check(a.value) : [notEvaluated(policy, ACCOUNT_SUBJECT, a.unavailable)];
}
