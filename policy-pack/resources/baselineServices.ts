/**
 * support-role-declared and access-analyzer-declared: a stack that deploys the AccountBaseline
 * but leaves out its support role (CIS v5 1.16) or its external access analyzer (CIS v5 1.19),
 * caught before `pulumi up` removes them. Stacks without the AccountBaseline component (a program
 * that composes the parts itself) are not judged: the live policies check the account instead.
 */
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { grantsOf, ofType } from "./iamModel";
import { policyMeta } from "./meta";

const baselineType = "aws-account-baseline:index:AccountBaseline";
const analyzerType = "aws:accessanalyzer/analyzer:Analyzer";
const supportAccess = /^arn:aws[\w-]*:iam::aws:policy\/AWSSupportAccess$/;

function deploysBaseline(resources: readonly PolicyResource[]): boolean {
  return resources.some((r) => r.type === baselineType);
}

export const supportRoleDeclared: StackValidationPolicy = {
  ...policyMeta(
    "support-role-declared",
    "A stack with the AccountBaseline declares a role with AWSSupportAccess.",
    {
      enforcementLevel: "advisory",
      remediationSteps:
        "Remove `supportRole: false` from the stack config (AccountBaseline then declares the SupportRole), or keep a role with AWSSupportAccess in another stack.",
      url: "https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html",
    },
  ),
  validateStack: (args, reportViolation) => {
    if (!deploysBaseline(args.resources)) return;
    const granted = args.resources
      .flatMap(grantsOf)
      .some((g) => g.principal.kind === "role" && "arn" in g.policy && supportAccess.test(g.policy.arn));
    if (!granted) {
      reportViolation(
        "the stack deploys the AccountBaseline without a role that has AWSSupportAccess (supportRole: false?); CIS 1.16 requires a support role",
      );
    }
  },
};

export const accessAnalyzerDeclared: StackValidationPolicy = {
  ...policyMeta(
    "access-analyzer-declared",
    "A stack with the AccountBaseline declares an external access analyzer.",
    {
      enforcementLevel: "advisory",
      remediationSteps:
        "Remove `accessAnalyzer: false` from the stack config (AccountBaseline then declares one per listed region), or keep the analyzers in another stack.",
      url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html",
    },
  ),
  validateStack: (args, reportViolation) => {
    if (!deploysBaseline(args.resources)) return;
    const external = ofType(args.resources, analyzerType).filter((r) =>
      ["ACCOUNT", "ORGANIZATION", undefined].includes(r.props.type as string | undefined),
    );
    if (external.length === 0) {
      reportViolation(
        "the stack deploys the AccountBaseline without an external access analyzer (accessAnalyzer: false?); CIS 1.19 requires one in every region used",
      );
    }
  },
};
