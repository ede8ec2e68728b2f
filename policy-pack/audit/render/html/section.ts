/**
 * One account's section of the HTML report: who and when, failing checks by severity, the users x
 * checks matrix, who holds full administrative rights, the changes (with --compare), and every
 * finding with its remediation.
 */
import { isAvailable } from "../../../account/facts";
import type { Finding } from "../../../account/finding";
import { controls, Severity } from "../../../controls";
import { changesPart } from "./changes";
import { anchor, esc } from "./escape";
import { findingsByCheck, severities } from "./findings";
import { matrix } from "./matrix";
import { HtmlAccount } from "./types";

export interface SeverityCounts {
  /** Failing findings per severity. */
  readonly failing: Record<Severity, number>;
  /** Checks (policies) with at least one failing finding, per severity. */
  readonly checks: Record<Severity, number>;
  readonly notEvaluated: number;
}

const zero = (): Record<Severity, number> => ({ critical: 0, high: 0, medium: 0, low: 0 });

export function severityCounts(findings: readonly Finding[]): SeverityCounts {
  const failing = zero();
  const checks = zero();
  const seen = new Set<string>();
  let notEvaluated = 0;
  for (const f of findings) {
    if (f.status !== "fail") {
      notEvaluated++;
      continue;
    }
    failing[f.severity]++;
    if (!seen.has(f.policy)) checks[controls[f.policy].severity]++;
    seen.add(f.policy);
  }
  return { failing, checks, notEvaluated };
}

export const totalFailing = (c: SeverityCounts): number => severities.reduce((n, s) => n + c.failing[s], 0);

function summary(c: SeverityCounts): string {
  const cells = severities.map(
    (s) =>
      `<tr><th><span class="sev ${s}">${s}</span></th><td>${c.checks[s]}</td><td>${c.failing[s]}</td></tr>`,
  );
  return `<table class="summary"><thead><tr><th>Severity</th><th>Checks failing</th><th>Failing findings</th></tr></thead><tbody>${cells.join("")}<tr><th>not evaluated</th><td colspan="2">${c.notEvaluated}</td></tr></tbody></table>\n`;
}

function admins(a: HtmlAccount["admins"]): string {
  if (!a)
    return `<p class="none">Not read by this audit: who holds full administrative rights comes from the account's permissions (IAM GetAccountAuthorizationDetails), which this audit did not read.</p>\n`;
  if (!isAvailable(a)) return `<p class="none">Not evaluated: ${esc(a.unavailable)}</p>\n`;
  if (a.value.length === 0) return `<p class="none">Nobody holds full administrative rights.</p>\n`;
  const rows = a.value.map(
    (h) =>
      `<tr><td>${h.kind}</td><td class="subject">${esc(h.name)}</td><td>${h.through.map(esc).join("<br>")}</td></tr>`,
  );
  return `<table class="admins"><thead><tr><th>Kind</th><th>Name</th><th>Through</th></tr></thead><tbody>${rows.join("\n")}</tbody></table>\n`;
}

export const accountId = (a: { account: string | null }): string => anchor("account", a.account ?? "unknown");

export function* accountSection(a: HtmlAccount, counts = severityCounts(a.findings)): Generator<string> {
  const id = accountId(a);
  const failing = totalFailing(counts);
  const verdict =
    failing === 0 ? `<span class="passed">✓ passed</span>` : `<span class="failed">${failing} failing</span>`;
  const name = a.name ? ` <small>${esc(a.name)}</small>` : "";
  yield `<section class="account" id="${id}">\n<h2>Account ${esc(a.account ?? "(unknown)")}${name} ${verdict}</h2>\n`;
  const generated = a.reportGeneratedAt ? `, credential report generated ${esc(a.reportGeneratedAt)}` : "";
  yield `<p class="meta">Read from ${esc(a.source)}${generated}.</p>\n`;
  yield `<h3>Failing checks by severity</h3>\n${summary(counts)}`;
  yield `<h3>Who fails what</h3>\n`;
  yield* matrix(a.findings, id);
  yield `<h3>Who holds full administrative rights</h3>\n${admins(a.admins)}`;
  yield* changesPart(a.changes);
  yield `<h3>Findings</h3>\n`;
  yield* findingsByCheck(a.findings, id);
  yield `</section>\n`;
}
