/**
 * `--format html`: a report a person reads and forwards, in one self-contained file. For one
 * account, one section; for an organization, one section per account streamed as it finishes and
 * a totals table (shown first by the page's CSS although written last, so nothing is held back).
 */
import { AuditResult } from "../../run";
import { accountLabel, runLine } from "../organization/accountSummary";
import { OrganizationRun, OrganizationTotals, OrganizationWriter, Write } from "../../organization/types";
import { summaryLine } from "../summary";
import { RenderInput } from "../types";
import { adminHolders } from "../../../account/permissions/adminHolders";
import { organizationChangesPart } from "./changes";
import { anchor, esc } from "./escape";
import { severities } from "./findings";
import { pageEnd, pageStart } from "./page";
import { accountId, accountSection, severityCounts, SeverityCounts, totalFailing } from "./section";
import { HtmlAccount } from "./types";

const sourceOf = (result: AuditResult, sourceFile?: string, roleArn?: string): string =>
  result.source === "aws"
    ? `the IAM API${roleArn ? ` via role ${roleArn}` : ""}`
    : `credential report ${sourceFile ?? ""}`.trim();

const when = (now: Date | undefined): string => (now ? `<p>Audited at ${esc(now.toISOString())}.</p>` : "");

export function* renderHtml(input: RenderInput): Generator<string> {
  const { result, facts } = input;
  const a: HtmlAccount = {
    account: result.account,
    source: sourceOf(result, facts.sourceFile),
    reportGeneratedAt: result.reportGeneratedAt,
    findings: result.findings,
    admins: adminHolders(facts.authorization),
    ...(input.changes ? { changes: input.changes } : {}),
  };
  yield pageStart(
    `AWS account audit: ${result.account ?? "(unknown account)"}`,
    `${when(input.now)}<p>${esc(summaryLine(result, facts.sourceFile))}</p>`,
  );
  yield* accountSection(a);
  yield pageEnd;
}

interface TotalsRow {
  readonly account: string;
  readonly name?: string;
  readonly error?: string;
  readonly counts?: SeverityCounts;
}

function totalsTable(rows: readonly TotalsRow[], t: OrganizationTotals): string {
  const head = `<tr><th>Account</th><th>Name</th><th>Result</th>${severities.map((s) => `<th><span class="sev ${s}">${s}</span></th>`).join("")}<th>Not evaluated</th></tr>`;
  const sum = { critical: 0, high: 0, medium: 0, low: 0 };
  let notEvaluated = 0;
  const body = rows.map((r) => {
    const link = `<a href="#${accountId(r)}">${esc(r.account)}</a>`;
    if (!r.counts)
      return `<tr><td>${esc(r.account)}</td><td>${esc(r.name ?? "")}</td><td class="failed" colspan="${severities.length + 2}">could not be audited: ${esc(r.error ?? "")}</td></tr>`;
    for (const s of severities) sum[s] += r.counts.failing[s];
    notEvaluated += r.counts.notEvaluated;
    const passed = totalFailing(r.counts) === 0;
    const result = passed ? `<span class="passed">✓ passed</span>` : `<span class="failed">failing</span>`;
    return `<tr><td>${link}</td><td>${esc(r.name ?? "")}</td><td>${result}</td>${severities.map((s) => `<td>${r.counts?.failing[s]}</td>`).join("")}<td>${r.counts.notEvaluated}</td></tr>`;
  });
  const total = `<tr><th colspan="3">All ${t.accounts} accounts (${t.failedAccounts} could not be audited)</th>${severities.map((s) => `<th>${sum[s]}</th>`).join("")}<th>${notEvaluated}</th></tr>`;
  const broke = t.error
    ? `<p class="failed">The listing broke off, so not every account was audited: ${esc(t.error)}</p>`
    : "";
  return `<section class="totals" id="totals"><h2>Totals</h2>${broke}<div class="scroll"><table class="totals"><thead>${head}</thead><tbody>\n${body.join("\n")}\n</tbody><tfoot>${total}</tfoot></table></div></section>\n`;
}

/**
 * The organization's HTML, streamed: each account's section as it finishes; at the end the totals
 * table (a few numbers per account are kept for it); with --compare, each account's changes in its
 * section and the accounts that joined or left after the totals.
 */
export function htmlWriter(run: OrganizationRun, write: Write): OrganizationWriter {
  const rows: TotalsRow[] = [];
  return {
    begin: () =>
      write(
        pageStart(
          `AWS organization audit: ${run.caller.account}`,
          `${when(run.now)}<p>${esc(runLine(run))}</p>`,
        ),
      ),
    account: async (o) => {
      if (o.status === "error") {
        rows.push({ account: o.account, name: o.name, error: o.error });
        return write(
          `<section class="account" id="${anchor("account", o.account)}"><h2>Account ${esc(accountLabel(o))} <span class="failed">could not be audited</span></h2><p>${esc(o.error)}</p></section>\n`,
        );
      }
      const counts = severityCounts(o.result.findings);
      rows.push({ account: o.account, name: o.name, counts });
      const changes = o.changes;
      const a: HtmlAccount = {
        account: o.account,
        ...(o.name ? { name: o.name } : {}),
        source: sourceOf(o.result, undefined, o.roleArn),
        reportGeneratedAt: o.result.reportGeneratedAt,
        findings: o.result.findings,
        admins: adminHolders(o.facts.authorization),
        ...(changes ? { changes } : {}),
      };
      await write([...accountSection(a, counts)].join(""));
    },
    end: (t, changes) =>
      write(totalsTable(rows, t) + (changes ? organizationChangesPart(changes) : "") + pageEnd),
  };
}
