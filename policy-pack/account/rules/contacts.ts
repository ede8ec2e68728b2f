/** Alternate contacts (CIS 1.2, Security Hub Account.1) as GetAlternateContact answered them. */
import { AccountFacts, contactTypes, isAvailable } from "../facts";
import { ACCOUNT_SUBJECT, fail, Finding, notEvaluated } from "../finding";
import { Rule } from "./context";

const account = (facts: AccountFacts): string => facts.accountId ?? "(unknown account)";

export const securityContactRegistered: Rule = (facts) => {
  const policy = "security-contact-registered";
  const security = facts.alternateContacts.SECURITY;
  if (!isAvailable(security)) return [notEvaluated(policy, ACCOUNT_SUBJECT, security.unavailable)];
  return security.value
    ? []
    : [
        fail(
          policy,
          ACCOUNT_SUBJECT,
          `account ${account(facts)}: no SECURITY alternate contact is registered; AWS sends security notifications to it`,
        ),
      ];
};

/** The audit's live counterpart of the stack policy `alternate-contacts-complete`. */
export const alternateContactsComplete: Rule = (facts) => {
  const policy = "alternate-contacts-complete";
  const unread = contactTypes.filter((t) => !isAvailable(facts.alternateContacts[t]));
  const missing = contactTypes.filter((t) => {
    const f = facts.alternateContacts[t];
    return isAvailable(f) && !f.value;
  });
  const out: Finding[] = [];
  if (missing.length > 0) {
    out.push(
      fail(
        policy,
        ACCOUNT_SUBJECT,
        `account ${account(facts)}: alternate contact${missing.length > 1 ? "s" : ""} ${missing.join(", ")} not registered; BILLING, OPERATIONS and SECURITY are required`,
      ),
    );
  } else if (unread.length > 0) {
    const first = facts.alternateContacts[unread[0]];
    const reason = isAvailable(first) ? "" : first.unavailable;
    out.push(notEvaluated(policy, ACCOUNT_SUBJECT, `${unread.join(", ")} not read: ${reason}`));
  }
  return out;
};
