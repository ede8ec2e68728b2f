/**
 * The findings, grouped by check (most severe first): each check once with its requirement, the
 * controls it maps to, the remediation steps and the AWS page (account/guidance.ts), then every
 * subject it fails or could not evaluate, with the message. One pass to group, so linear.
 */
import { guidanceFor } from "../../../account/guidance";
import type { Finding } from "../../../account/finding";
import { controls, PolicyName, Severity } from "../../../controls";
import { anchor, esc } from "./escape";

export const severities: readonly Severity[] = ["critical", "high", "medium", "low"];

export function* findingsByCheck(findings: readonly Finding[], id: string): Generator<string> {
  const groups = new Map<PolicyName, Finding[]>();
  for (const f of findings) {
    const g = groups.get(f.policy);
    if (g) g.push(f);
    else groups.set(f.policy, [f]);
  }
  if (groups.size === 0) {
    yield `<p class="none">No findings.</p>\n`;
    return;
  }
  for (const severity of severities) {
    for (const [policy, list] of groups) {
      if (controls[policy].severity !== severity) continue;
      yield* check(policy, list, id);
    }
  }
}

function* check(policy: PolicyName, list: readonly Finding[], id: string): Generator<string> {
  const c = controls[policy];
  const g = guidanceFor(policy);
  const failing = list.filter((f) => f.status === "fail").length;
  const counts = [
    failing > 0 ? `${failing} failing` : "",
    list.length > failing ? `${list.length - failing} not evaluated` : "",
  ];
  yield `<section class="check" id="${anchor(id, policy)}"><h4><span class="sev ${c.severity}">${c.severity}</span> <code>${esc(policy)}</code> ${esc(c.title)} <small>${counts.filter(Boolean).join(", ")}</small></h4>\n`;
  if (list[0].controls.length > 0) yield `<p class="controls">${esc(list[0].controls.join(", "))}</p>\n`;
  if (g)
    yield `<p class="fix"><b>Remediation:</b> ${esc(g.remediationSteps)} <a href="${esc(g.url)}">AWS documentation</a></p>\n`;
  yield `<table class="findings"><thead><tr><th>Status</th><th>Subject</th><th>Message</th></tr></thead><tbody>\n`;
  for (const f of list) {
    yield `<tr class="${f.status}"><td><span class="status ${f.status}">${f.status}</span></td><td class="subject">${esc(f.subject)}</td><td>${esc(f.message)}</td></tr>\n`;
  }
  yield `</tbody></table></section>\n`;
}
