/**
 * alternate-contacts-complete: every account the stack manages contacts for (its own, and each
 * member account named by `accountId`) declares the BILLING, OPERATIONS and SECURITY alternate
 * contacts, so AWS can reach the right people about billing, operations and security issues.
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

const ownAccount = "this account";

export const alternateContactsComplete: StackValidationPolicy = {
  ...policyMeta(
    "alternate-contacts-complete",
    "The stack declares the billing, operations and security alternate contacts.",
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
        description: "Alternate contact types every managed account must declare (CIS 1.2: all three).",
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const required = args.getConfig<Partial<AlternateContactsConfig>>().requiredTypes ?? contactTypes;
    const declared = new Map<string, Set<string>>([[ownAccount, new Set()]]);
    decideEach(ofType(args.resources, awsTypes.alternativeContact), (r) => {
      const account =
        typeof r.props.accountId === "string" && r.props.accountId !== ""
          ? `account ${r.props.accountId}`
          : ownAccount;
      const types = declared.get(account) ?? new Set<string>();
      types.add(String(r.props.alternateContactType).toUpperCase());
      declared.set(account, types);
    });
    for (const [account, types] of declared) {
      const missing = required.filter((t) => !types.has(t));
      if (missing.length === 0) continue;
      const have = [...types].sort();
      reportViolation(
        `${account} declares ${have.length > 0 ? `only the ${have.join(", ")} alternate contact${have.length > 1 ? "s" : ""}` : "no alternate contacts"}; ` +
          `${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} missing (required: ${required.join(", ")})`,
      );
    }
  },
};
