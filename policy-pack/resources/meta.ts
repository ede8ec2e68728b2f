import { EnforcementLevel, Policy } from "@pulumi/policy";
import { ResourcePolicyName, controls, describe } from "../controls";

/**
 * The metadata every resource policy carries, rendered from the controls table: the one-sentence
 * description with its CIS / Security Hub ids, the severity and a display name.
 */
export function policyMeta(
  name: ResourcePolicyName,
  sentence: string,
  more: { enforcementLevel: EnforcementLevel; remediationSteps: string; url: string },
): Policy {
  return {
    name,
    description: describe(name, sentence),
    displayName: controls[name].title,
    severity: controls[name].severity,
    ...more,
  };
}
