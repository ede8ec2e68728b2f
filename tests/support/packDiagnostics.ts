/** Pack config and diagnostics helpers for the gRPC tests of the account policies. */
import { resourcePolicyNames } from "../../policy-pack/controls";
import { Diagnostic, PolicyPackConfigFile } from "../../tools/packClient";

/** Every stack-resource policy disabled, so only the account policies speak. */
export const resourcesOff: PolicyPackConfigFile = Object.fromEntries(
  resourcePolicyNames.map((n) => [n, { enforcementLevel: "disabled" as const }]),
);

/** Each policy's messages (the last line of each: the finding itself). */
export function byPolicy(ds: readonly Diagnostic[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of ds) (out[d.policyName] ??= []).push(d.message.split("\n").pop() ?? "");
  return out;
}
