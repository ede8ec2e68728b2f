/**
 * The live password policy (GetAccountPasswordPolicy), judged by the same rules the pack applies
 * to the stack's `aws.iam.AccountPasswordPolicy`: one rule set, two sources. No policy set means
 * AWS's weak default applies, and is judged as such.
 */
import {
  awsDefaultPasswordPolicy,
  checkPasswordPolicy,
  PasswordPolicyRuleName,
  passwordPolicyConfigSchemas,
} from "../../rules/passwordPolicy";
import { isAvailable } from "../facts";
import { ACCOUNT_SUBJECT, fail, notEvaluated } from "../finding";
import { Rule } from "./context";

export const passwordPolicyRuleNames = Object.keys(passwordPolicyConfigSchemas) as PasswordPolicyRuleName[];

export function livePasswordPolicy(policy: PasswordPolicyRuleName): Rule {
  return (facts, settings) => {
    const p = facts.passwordPolicy;
    if (!isAvailable(p)) return [notEvaluated(policy, ACCOUNT_SUBJECT, p.unavailable)];
    const prefix = p.value === null ? "no account password policy is set (AWS default applies): " : "";
    const message = checkPasswordPolicy(p.value ?? awsDefaultPasswordPolicy, settings.passwordPolicy)[policy];
    return message === undefined ? [] : [fail(policy, ACCOUNT_SUBJECT, `${prefix}${message}`)];
  };
}
