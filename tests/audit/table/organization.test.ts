/**
 * The organization's table format: each account's block fits the width (its table sized to its
 * own findings, or stacked), a check mark only next to the accounts that passed, and a one-line
 * summary at the end.
 */
import * as assert from "assert";
import { fail, notEvaluated } from "../../../policy-pack/account/finding";
import { defaultAuditConfig } from "../../../policy-pack/audit/config";
import { AccountOutcome, OrganizationTotals } from "../../../policy-pack/audit/organization/types";
import { Display } from "../../../policy-pack/audit/render/display";
import { tableWriter } from "../../../policy-pack/audit/render/organization/table";
import { AuditResult } from "../../../policy-pack/audit/run";
import { apiFacts } from "../../support/accountFacts";
import { assertFits, stripColour, visibleLines } from "../../support/terminalText";

const USER64 = "alexandra.konstantinopoulou+security-audit-contractr@example.com";
const result = (findings: AuditResult["findings"]): AuditResult => ({
  account: "x",
  source: "aws",
  reportGeneratedAt: "2026-11-20T11:00:00.000Z",
  auditedAt: "2026-11-20T12:00:00.000Z",
  findings,
});
const ok = (account: string, name: string, findings: AuditResult["findings"]): AccountOutcome => ({
  account,
  name,
  status: "ok",
  result: { ...result(findings), account },
  facts: apiFacts({ accountId: account }),
});

const clean = ok("200000000001", "clean", []);
const unknown = ok("200000000002", "partly-read", [
  notEvaluated("access-analyzer-enabled", "<account>", "ListAnalyzers was denied (AccessDenied)"),
]);
const failing = ok("200000000003", "failing", [
  fail(
    "iam-users-mfa-enabled",
    USER64,
    `${USER64}: console password enabled without MFA; MFA is required for every user with a console password`,
  ),
]);
const broken: AccountOutcome = {
  account: "200000000004",
  name: "locked",
  status: "error",
  error: "could not assume role arn:aws:iam::200000000004:role/OrganizationAccountAccessRole (AccessDenied)",
};
const totals: OrganizationTotals = { accounts: 4, failedAccounts: 1, failing: 1, notEvaluated: 1 };

async function run(display: Display, t: OrganizationTotals = totals): Promise<string> {
  let text = "";
  const writer = tableWriter(
    {
      caller: { account: "111111111111", arn: "arn:aws:iam::111111111111:user/auditor", partition: "aws" },
      roleName: "OrganizationAccountAccessRole",
      config: defaultAuditConfig,
      policies: defaultAuditConfig.policies,
      now: new Date("2026-11-20T12:00:00Z"),
      display,
    },
    async (s) => {
      text += s;
    },
  );
  await writer.begin();
  for (const o of [clean, unknown, failing, broken]) await writer.account(o);
  await writer.end(t);
  return text;
}

describe("the organization's table format", () => {
  for (const width of [40, 80, 120, 200]) {
    it(`width ${width}: no line is wider, coloured or not`, async () => {
      assertFits(await run({ width, colour: false }), width);
      assertFits(await run({ width, colour: true }), width);
    });
  }

  it("a check mark only next to the accounts that passed (nothing failing); a cross next to the others", async () => {
    const lines = visibleLines(await run({ width: 200, colour: false }));
    const marked = lines.filter((l) => l.includes("✓"));
    assert.deepStrictEqual(
      marked.map((l) => l.slice(0, 9)),
      ["✓ clean: ", "✓ partly-"],
    );
    assert.ok(marked[0].includes("200000000001") && marked[1].includes("200000000002"), marked.join("\n"));
    const crossed = lines.filter((l) => l.startsWith("✗"));
    assert.strictEqual(crossed.length, 2, crossed.join("\n"));
    assert.match(crossed[0], /^✗ failing: account 200000000003, IAM API.*: 1 failing, 0 not evaluated$/);
    assert.match(
      crossed[1],
      /^✗ account 200000000004 \(locked\): could not be audited: could not assume role/,
    );
  });

  it("at 200 an account's findings are a table with its Account column and the 64-character name whole", async () => {
    const lines = visibleLines(await run({ width: 200, colour: false }));
    const row = lines.find((l) => l.includes("iam-users-mfa-enabled"));
    assert.ok(row, lines.join("\n"));
    assert.match(
      row,
      new RegExp(
        `^│ 200000000003 │ fail +│ high +│ iam-users-mfa-enabled │ ${USER64.replace(/[.+]/g, "\\$&")} │`,
      ),
    );
  });

  it("at 80 the 64-character name still whole on a line (stacked)", async () => {
    const lines = visibleLines(await run({ width: 80, colour: false }));
    assert.ok(lines.includes(USER64), lines.join("\n"));
    assert.ok(lines.includes("200000000003 FAIL high iam-users-mfa-enabled"), lines.join("\n"));
  });

  it("ends with a one-line summary: accounts audited and passed, failing by severity, not evaluated", async () => {
    const lines = visibleLines(await run({ width: 200, colour: false }));
    assert.strictEqual(
      lines.at(-1),
      "Summary: 4 accounts: 3 audited (2 passed), 1 could not be audited; 1 failing (1 high), 1 not evaluated",
    );
    assert.ok(!lines.some((l) => /^4 accounts: /.test(l)), "the totals once, in the summary");
  });

  it("the summary says when the listing broke off", async () => {
    const text = await run(
      { width: 400, colour: false },
      { ...totals, error: "ListAccounts failed (Throttling)" },
    );
    assert.match(
      visibleLines(text).at(-1) ?? "",
      /; 1 failing \(1 high\), 1 not evaluated\. The listing broke off, so not every account was audited: ListAccounts failed \(Throttling\)$/,
    );
  });

  it("colour changes no position; the check mark green, the cross red", async () => {
    const coloured = await run({ width: 120, colour: true });
    assert.strictEqual(stripColour(coloured), await run({ width: 120, colour: false }));
    // eslint-disable-next-line no-control-regex
    assert.match(coloured, /\u001b\[32m✓/);
    // eslint-disable-next-line no-control-regex
    assert.match(coloured, /\u001b\[31m✗/);
  });
});
