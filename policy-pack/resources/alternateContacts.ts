/**
 * alternate-contacts-complete: every account the stack manages contacts for (its own, and each
 * member account named by `accountId`) declares the BILLING, OPERATIONS and SECURITY alternate
 * contacts, so AWS can reach the right people about billing, operations and security issues.
 * An account the stack declares no contact for is not judged: its contacts are managed elsewhere
 * (a member account's stack whose contacts the management stack sets, `alternateContacts: false`);
 * the live `security-contact-registered` still checks the account itself. A partial set fails.
 */
import { StackValidationPolicy } from "@pulumi/policy";
import { policyMeta } from "./meta";
import { decideEach } from "./preview";
import { ofType } from "./iamModel";
import { awsTypes } from "./types";

const contactTypes = ["BILLING", "OPERATIONS", "SECURITY"] as const;

export interface AlternateContactsConfig {
  readonly requiredTypes: readonly string[];
}

export const alternateContactsComplete: StackValidationPolicy = {
  ...policyMeta(
    "alternate-contacts-complete",
    "Every account the stack declares alternate contacts for has the billing, operations and security ones " +
      "(the controls require the security contact; the baseline asks for all three).",
    {
      enforcementLevel: "advisory",
      remediationSteps:
        "Declare the missing contacts with the AlternateContacts component (or aws.account.AlternativeContact), " +
        "or in the console: Account > Alternate contacts > Edit.",
      url: "https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html",
    },
  ),
  configSchema: {
    properties: {
      requiredTypes: {
        type: "array",
        items: { type: "string", enum: [...contactTypes] },
        default: [...contactTypes],
        uniqueItems: true,
        description:
          "Alternate contact types every account with declared contacts must declare (CIS 1.2 and Security Hub " +
          "Account.1 require SECURITY; the baseline also asks for BILLING and OPERATIONS).",
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const required = args.getConfig<Partial<AlternateContactsConfig>>().requiredTypes ?? contactTypes;
    const declared = new Map<string, Set<string>>();
    decideEach(ofType(args.resources, awsTypes.alternativeContact), (r) => {
      const account =
        typeof r.props.accountId === "string" && r.props.accountId !== ""
          ? `account ${r.props.accountId}`
          : "this account";
      const types = declared.get(account) ?? new Set<string>();
      types.add(String(r.props.alternateContactType).toUpperCase());
      declared.set(account, types);
    });
    for (const [account, types] of declared) {
      const missing = required.filter((t) => !types.has(t));
      if (missing.length === 0) continue;
      const have = [...types].sort();
      reportViolation(
        `${account} declares only the ${have.join(", ")} alternate contact${have.length > 1 ? "s" : ""}; ` +
          `${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} missing (required: ${required.join(", ")})`,
      );
    }
  },
};
