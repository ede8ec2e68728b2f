/**
 * The single-account table format at any width: never wider than the width, Subject and Policy
 * sized to their content and never broken (64-character IAM names), the Message wrapped, a stacked
 * layout when the width cannot hold the table, colour that does not change the layout, and a
 * one-line summary at the end.
 */
import * as assert from "assert";
import { AccountFacts } from "../../../policy-pack/account/facts";
import { ACCOUNT_SUBJECT, fail, Finding, notEvaluated } from "../../../policy-pack/account/finding";
import { auditPolicyNames } from "../../../policy-pack/account/findings";
import { Display } from "../../../policy-pack/audit/render/display";
import { renderTable } from "../../../policy-pack/audit/render/table";
import { apiFacts } from "../../support/accountFacts";
import { assertFits, stripColour, visibleLines } from "../../support/terminalText";

const USER64 = "alexandra.konstantinopoulou+security-audit-contractr@example.com";
const ROLE64 = "OrganizationAccountAccessRole-CentralSecurityAuditTeam-ReadOnly1";
const ROOT = "<root_account>";

const rootKeys = fail(
  "root-access-keys-absent",
  ROOT,
  `${ROOT}: access key 1 (active) is present; the root user must have no access keys, active or inactive (delete it)`,
);
const userMfa = fail(
  "iam-users-mfa-enabled",
  USER64,
  `${USER64}: console password enabled without MFA; MFA is required for every user with a console password`,
);
const roleAdmin = fail(
  "admin-access-requires-mfa",
  ROLE64,
  `role ${ROLE64}: full administrative rights from policy AdministratorAccess, and its trust policy lets arn:aws:iam::123456789012:root assume it without MFA`,
);
const hardware = notEvaluated(
  "root-hardware-mfa",
  ROOT,
  "a credential report file does not contain whether root's MFA device is hardware or virtual",
);
const classes = fail(
  "password-policy-character-classes",
  ACCOUNT_SUBJECT,
  "the password policy does not require symbols; every character class is required",
);
const everything = [rootKeys, userMfa, roleAdmin, hardware, classes];
const shortNames = [rootKeys, hardware, classes];

const facts: AccountFacts = apiFacts({ source: "credential-report", sourceFile: "report.csv" });

function render(findings: Finding[], width: number, colour = false): string {
  const display: Display = { width, colour };
  const result = {
    account: "123456789012",
    source: "credential-report" as const,
    reportGeneratedAt: null,
    auditedAt: "2026-11-20T12:00:00.000Z",
    findings,
  };
  return [...renderTable({ result, facts, policies: auditPolicyNames, display })].join("");
}

/** A boxed table's rows: for each, its cells, each cell's lines trimmed. */
function tableRows(text: string): string[][][] {
  const rows: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of visibleLines(text)) {
    if (/^[├└]/.test(line)) {
      if (current) rows.push(current);
      current = [];
    } else if (line.startsWith("│") && current) {
      line
        .split("│")
        .slice(1, -1)
        .forEach((cell, i) => (current![i] ??= []).push(cell.trim()));
    }
  }
  return rows;
}

const joined = (lines: string[]) => lines.filter((l) => l !== "").join(" ");

describe("the table format fits the width", () => {
  for (const width of [40, 80, 120, 200]) {
    for (const colour of [false, true]) {
      it(`width ${width}${colour ? ", coloured" : ""}: no line is wider, whatever the names`, () => {
        assertFits(render(everything, width, colour), width);
        assertFits(render(shortNames, width, colour), width);
      });
    }
  }

  it("any width from 1 to 220 (the layouts' edges): no line is wider", () => {
    for (let width = 1; width <= 220; width++) assertFits(render(everything, width, true), width);
  });

  for (const width of [80, 120, 200]) {
    it(`width ${width}: 64-character user and role names stay whole, on one line`, () => {
      const lines = visibleLines(render(everything, width));
      for (const name of [USER64, ROLE64]) {
        assert.strictEqual(name.length, 64);
        assert.ok(
          lines.some((l) => new RegExp(`(^|[ │])${name.replace(/[.+]/g, "\\$&")}( |$)`).test(l)),
          `${name} whole on a line at width ${width}`,
        );
      }
    });
  }

  it("a table as wide as the width allows: Subject and Policy as wide as their longest, Message wrapped to the rest", () => {
    const text = render(shortNames, 120);
    const lines = visibleLines(text).filter((l) => /^[┌│├└]/.test(l));
    for (const l of lines) assert.strictEqual(Array.from(l).length, 120, l);
    const header = lines[1].split("│").slice(1, -1);
    assert.deepStrictEqual(
      header.map((h) => h.trim()),
      ["Status", "Severity", "Policy", "Subject", "Message"],
    );
    // "password-policy-character-classes" and "not-evaluated" are the longest of their columns
    assert.deepStrictEqual(
      header.slice(0, 4).map((h) => h.length),
      [15, 10, 35, 16],
    );
    const rows = tableRows(text);
    assert.strictEqual(rows.length, 3);
    rows.forEach((cells, i) => {
      assert.strictEqual(cells[2].filter((l) => l !== "").length, 1, "the policy on one line");
      assert.strictEqual(cells[3].filter((l) => l !== "").length, 1, "the subject on one line");
      assert.ok(cells[4].length > 1, "the message wraps");
      assert.strictEqual(joined(cells[4]), shortNames[i].message);
    });
  });

  it("a table no wider than its content when the width has room to spare", () => {
    const text = render(shortNames, 300);
    const width = Array.from(visibleLines(text)[1]).length;
    assert.ok(width < 300, `${width}`);
    for (const cells of tableRows(text)) assert.strictEqual(cells[4].length, 1, "no message wraps");
  });

  it("64-character names at 200: the table, names unbroken, messages whole", () => {
    const text = render(everything, 200);
    const rows = tableRows(text);
    assert.deepStrictEqual(
      rows.map((r) => r[3].filter((l) => l !== "")),
      everything.map((f) => [f.subject]),
    );
    assert.deepStrictEqual(
      rows.map((r) => joined(r[4])),
      everything.map((f) => f.message),
    );
  });

  it("the table while it leaves the message 20 characters, stacked below that", () => {
    // fixed columns: 15 + 10 + 35 + 16 and 6 borders = 82; the message's 20 and its padding: 104
    const top = visibleLines(render(shortNames, 104)).find((l) => l.startsWith("┌"));
    assert.strictEqual(Array.from(top ?? "").length, 104);
    const at103 = visibleLines(render(shortNames, 103));
    assert.ok(!at103.some((l) => l.startsWith("┌")), at103.join("\n"));
    assert.ok(at103.includes("FAIL critical root-access-keys-absent <root_account>"));
  });

  it("too narrow for the table: one block per finding, its message indented and wrapped", () => {
    const text = render([rootKeys, hardware], 60);
    assert.strictEqual(
      text,
      [
        "account 123456789012, credential report report.csv: 1",
        "failing, 1 not evaluated",
        "",
        "FAIL critical root-access-keys-absent <root_account>",
        "  <root_account>: access key 1 (active) is present; the root",
        "  user must have no access keys, active or inactive (delete",
        "  it)",
        "",
        "NOT-EVALUATED high root-hardware-mfa <root_account>",
        "  a credential report file does not contain whether root's",
        "  MFA device is hardware or virtual",
        "",
        "Summary: 1 failing (1 critical), 1 not evaluated",
        "",
      ].join("\n"),
    );
  });

  it("stacked at 40: a head longer than the width breaks between its parts, never inside a name", () => {
    const lines = visibleLines(render(everything, 40));
    assert.ok(lines.includes("FAIL high iam-users-mfa-enabled"), lines.join("\n"));
    // 64 characters cannot fit 40: broken, nothing lost
    const i = lines.indexOf("FAIL high iam-users-mfa-enabled");
    assert.strictEqual(lines[i + 1] + lines[i + 2], USER64);
  });

  it("colour changes no position: without its codes the output is the uncoloured output", () => {
    for (const width of [40, 80, 120, 200]) {
      const coloured = render(everything, width, true);
      assert.notStrictEqual(coloured, stripColour(coloured), "colour codes present");
      assert.strictEqual(stripColour(coloured), render(everything, width, false), `width ${width}`);
    }
  });

  it("colours a failing status and severity; none without colour", () => {
    const coloured = render(shortNames, 200, true);
    // eslint-disable-next-line no-control-regex
    assert.match(coloured, /\u001b\[[0-9;]*mfail\u001b\[/);
    // eslint-disable-next-line no-control-regex
    assert.match(coloured, /\u001b\[[0-9;]*mcritical\u001b\[/);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(render(shortNames, 200, false), /\u001b/);
  });

  it("control characters in names are still replaced, in the table and stacked", () => {
    const evil = fail("iam-users-mfa-enabled", "evil\u001b[2J\u0007", "line\none\tand\u0007two");
    for (const width of [40, 200]) {
      const text = render([evil], width, true);
      assert.match(stripColour(text), /evil\ufffd\[2J\ufffd/);
      assertFits(text, width);
    }
  });

  it("ends with a one-line summary: failing by severity and not evaluated", () => {
    const last = (t: string) => visibleLines(t).at(-1);
    assert.strictEqual(
      last(render(everything, 200)),
      "Summary: 4 failing (1 critical, 2 high, 1 medium), 1 not evaluated",
    );
    assert.strictEqual(last(render([hardware], 200)), "Summary: ✓ passed, 0 failing, 1 not evaluated");
    assert.strictEqual(last(render([], 200)), "Summary: ✓ passed, 0 failing, 0 not evaluated");
  });

  it("the opening and summary lines wrap at the width too", () => {
    const text = render(everything, 30);
    assertFits(text, 30);
    assert.deepStrictEqual(visibleLines(text).slice(-3), [
      "Summary: 4 failing (1",
      "critical, 2 high, 1 medium), 1",
      "not evaluated",
    ]);
  });
});
