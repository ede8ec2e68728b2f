/**
 * A finding: one (policy, subject) that violates, or a check the source could not answer. The
 * shape is docs/contracts.md's audit JSON; the pack renders the same objects as diagnostics.
 */
import { controlIds, controls, PolicyName, Severity } from "../controls";

export interface Finding {
  readonly policy: PolicyName;
  readonly status: "fail" | "not-evaluated";
  readonly severity: Severity;
  /** The user name as the report writes it; `<root_account>` for root, `<account>` for account settings. */
  readonly subject: string;
  readonly message: string;
  readonly controls: string[];
}

/** The subject of findings about account-wide settings (password policy, contacts, an unreadable report). */
export const ACCOUNT_SUBJECT = "<account>";

export function fail(policy: PolicyName, subject: string, message: string): Finding {
  return {
    policy,
    status: "fail",
    severity: controls[policy].severity,
    subject,
    message,
    controls: controlIds(policy),
  };
}

export function notEvaluated(policy: PolicyName, subject: string, reason: string): Finding {
  return { ...fail(policy, subject, reason), status: "not-evaluated" };
}
