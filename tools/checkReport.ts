/**
 * What `npm run check` prints: the findings grouped by enforcement level (mandatory first), each
 * with the policy, the resource it is about, the policy's description and the violation, as
 * `pulumi preview --policy-pack` reports them; then remediations and a one-line summary.
 */
import { accountPolicyNames } from "../policy-pack/controls";
import { CheckResult, Finding } from "./checkRun";
import { EnforcementLevel } from "../policy-pack/config/packConfig";

const order: EnforcementLevel[] = ["mandatory", "remediate", "advisory", "disabled"];

function subject(f: Finding): string {
  return f.resource ? `${f.resource.type} "${f.resource.name}"` : "the stack";
}

/** The server prefixes the description to each message; print it once, on its own line. */
function messageLines(f: Finding): string[] {
  const text = f.message.startsWith(`${f.description}\n`)
    ? f.message.slice(f.description.length + 1)
    : f.message;
  return [f.description, ...text.split("\n")].filter((l) => l.trim() !== "");
}

export function hasMandatoryViolation(result: CheckResult): boolean {
  return result.findings.some(
    (f) => f.enforcementLevel === "mandatory" || f.enforcementLevel === "remediate",
  );
}

/** A live-account policy's advisory that it could not read the account (check never reaches AWS). */
export function isAccountNotEvaluated(f: Finding): boolean {
  return (
    (accountPolicyNames as readonly string[]).includes(f.policyName) &&
    f.enforcementLevel === "advisory" &&
    /not evaluated/.test(f.message)
  );
}

export function formatReport(result: CheckResult, source: string): string {
  const lines: string[] = [`Policy check of ${result.resourceCount} resources from ${source}`];
  const offline = result.findings.filter(isAccountNotEvaluated);
  const findings = result.findings.filter((f) => !isAccountNotEvaluated(f));
  for (const level of order) {
    const group = findings.filter((f) => f.enforcementLevel === level);
    if (group.length === 0) continue;
    lines.push("", `${level} (${group.length}):`);
    for (const f of group) {
      lines.push(`  [${level}] ${f.policyName} on ${subject(f)}`);
      lines.push(...messageLines(f).map((l) => `      ${l}`));
    }
  }
  if (result.remediations.length > 0) {
    lines.push("", `remediated (${result.remediations.length}):`);
    for (const r of result.remediations) {
      const what = r.properties ? `sets ${r.changes.join(", ") || "nothing new"}` : (r.diagnostic ?? "");
      lines.push(`  [remediate] ${r.policyName} on ${r.resource.type} "${r.resource.name}": ${what}`);
    }
  }
  if (offline.length > 0) {
    lines.push(
      "",
      `not evaluated offline (${offline.length}): ${offline.map((f) => f.policyName).join(", ")}`,
      "      These read the live account, which check never contacts; run `npm run audit` against the account.",
    );
  }
  const count = (level: EnforcementLevel) => findings.filter((f) => f.enforcementLevel === level).length;
  const mandatory = count("mandatory") + count("remediate");
  lines.push(
    "",
    mandatory > 0
      ? `FAILED: ${mandatory} mandatory violation${mandatory === 1 ? "" : "s"}, ${count("advisory")} advisory; \`pulumi preview --policy-pack policy-pack\` would stop here.`
      : findings.length > 0
        ? `PASSED with ${count("advisory")} advisory finding${count("advisory") === 1 ? "" : "s"}.`
        : "PASSED: no policy violations.",
  );
  return lines.join("\n");
}
