import { PolicyName } from "../../controls";
import { PasswordPolicyConfig } from "../../rules/passwordPolicy";
import { AccountThresholds } from "../config";
import {
  AccountFacts,
  AccountSummary,
  Fact,
  isAvailable,
  ReportUser,
  ROOT_USER,
  summaryKeys,
} from "../facts";
import { ACCOUNT_SUBJECT, fail, Finding, notEvaluated } from "../finding";

/** The thresholds every rule may read. */
export interface RuleSettings {
  readonly thresholds: AccountThresholds;
  readonly passwordPolicy: PasswordPolicyConfig;
}

/** A rule: facts + settings + the clock -> its findings (empty when compliant). */
export type Rule = (facts: AccountFacts, settings: RuleSettings, now: Date) => Finding[];

/**
 * Runs `check` on each IAM user row (root excluded: it has its own policies) and turns each
 * message into a finding "<user>: <message>"; one not-evaluated finding when the credential
 * report could not be read.
 */
export function eachUser(
  policy: PolicyName,
  users: Fact<readonly ReportUser[]>,
  check: (u: ReportUser) => string | undefined,
): Finding[] {
  if (!isAvailable(users)) return [notEvaluated(policy, ACCOUNT_SUBJECT, users.unavailable)];
  const out: Finding[] = [];
  for (const u of users.value) {
    if (u.isRoot) continue;
    const message = check(u);
    if (message !== undefined) out.push(fail(policy, u.user, `${u.user}: ${message}`));
  }
  return out;
}

/** Why the root checks that need root's row are not evaluated when the report lacks it. */
export const missingRootRow = `the credential report has no ${ROOT_USER} row (AWS always writes one: the report was filtered or truncated, or comes from an emulator), so root's credentials are not in it`;

/** The report's `<root_account>` row, or why it is not known. */
export function rootRow(facts: AccountFacts): Fact<ReportUser> {
  if (!isAvailable(facts.users)) return facts.users;
  const root = facts.users.value.find((u) => u.isRoot);
  return root ? { value: root } : { unavailable: missingRootRow };
}

/** One GetAccountSummary key, or why it is not known: the summary was not read, or IAM left the key out. */
export function summaryFlag(facts: AccountFacts, field: keyof AccountSummary): Fact<boolean> {
  if (!isAvailable(facts.summary)) return facts.summary;
  const v = facts.summary.value[field];
  return v === undefined
    ? { unavailable: `iam:GetAccountSummary did not return ${summaryKeys[field]}` }
    : { value: v };
}

/** "1 day" / "45 days". */
export function days(n: number): string {
  return n === 1 ? "1 day" : `${n} days`;
}
