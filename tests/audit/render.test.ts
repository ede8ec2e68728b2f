/**
 * The single-account renderers at any size: every format linear in the number of findings, no
 * recursion or argument spread that grows with the input (a 250,000-finding report once ended in
 * "Maximum call stack size exceeded"), JSON and SARIF streamed exactly as JSON.stringify prints
 * them, SARIF's rules every policy that ran, and table cells wrapped without losing text.
 */
import * as assert from "assert";
import type { Log } from "sarif";
import { AccountFacts, ReportUser } from "../../policy-pack/account/facts";
import { fail, Finding, notEvaluated } from "../../policy-pack/account/finding";
import { auditPolicyNames } from "../../policy-pack/account/findings";
import { PolicyName } from "../../policy-pack/controls";
import { Format, formats, renderers } from "../../policy-pack/audit/render";
import { RenderInput } from "../../policy-pack/audit/render/types";
import { AuditResult } from "../../policy-pack/audit/run";
import { apiFacts, row, rootRow } from "../support/accountFacts";

const MESSAGE =
  "console password enabled without MFA; MFA is required for every user with a console password";

/** `n` users, one failing finding each, plus two checks not evaluated; as read from a file. */
function input(n: number, policies: readonly PolicyName[] = auditPolicyNames): RenderInput {
  const users: ReportUser[] = [rootRow({ line: 2 })];
  const findings: Finding[] = [
    notEvaluated("root-hardware-mfa", "<root_account>", "a credential report file does not say"),
  ];
  for (let i = 0; i < n; i++) {
    const name = `user-${String(i).padStart(6, "0")}`;
    users.push(row(name, { line: i + 3 }));
    findings.push(fail("iam-users-mfa-enabled", name, `${name}: ${MESSAGE}`));
  }
  findings.push(notEvaluated("security-contact-registered", "<account>", "a file has no contacts"));
  const facts: AccountFacts = apiFacts({
    source: "credential-report",
    sourceFile: "big.csv",
    reportGeneratedAt: null,
    users: { value: users },
  });
  const result: AuditResult = {
    account: "123456789012",
    source: "credential-report",
    reportGeneratedAt: null,
    auditedAt: "2026-11-20T12:00:00.000Z",
    findings,
  };
  return { result, facts, policies };
}

const render = (format: Format, i: RenderInput): string => [...renderers[format](i)].join("");
/** The table format at a width that holds these findings' table (it is stacked at the default 80). */
const wideTable = (i: RenderInput): string =>
  [...renderers.table({ ...i, display: { width: 140, colour: false } })].join("");

function millis(f: () => void): number {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

describe("audit renderers (single account)", function () {
  this.timeout(120_000);

  for (const format of formats) {
    it(`${format}: linear in the number of findings (8x the findings, well under 64x the time)`, () => {
      const small = input(4_000);
      const large = input(32_000);
      render(format, small); // warm up the JIT
      const best = (i: RenderInput) => Math.min(...[1, 2, 3].map(() => millis(() => render(format, i))));
      const [a, b] = [best(small), best(large)];
      // Linear is 8x; quadratic (a lookup per finding, cli-table3's layout) is 64x, and took
      // seconds at 32,000 (SARIF 5 s, the table a minute). The floor absorbs garbage collection
      // and other jobs on a shared machine at these small sizes.
      assert.ok(
        b < Math.max(24 * a, 1_500),
        `${format}: 4,000 findings ${a.toFixed(0)} ms, 32,000 ${b.toFixed(0)} ms`,
      );
    });
  }

  it("200,000 findings render in every format without overflowing the stack", () => {
    const huge = input(200_000);
    for (const format of formats) {
      let last = "";
      for (const chunk of renderers[format](huge)) if (chunk.includes("user-199999")) last = chunk;
      assert.ok(last, `${format}: the last finding is there`);
    }
  });

  for (const format of ["json", "sarif"] as const) {
    it(`${format}: streamed text is exactly what JSON.stringify(…, null, 2) prints`, () => {
      for (const n of [0, 1, 3]) {
        const text = render(format, input(n));
        assert.strictEqual(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`, `${n} findings`);
      }
      const empty = input(0);
      const none = { ...empty, result: { ...empty.result, findings: [] } };
      const text = render(format, none);
      assert.strictEqual(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`, "no findings at all");
    });
  }

  it("json: the object docs/contracts.md defines, every finding in order, then the snapshot", () => {
    const i = input(3);
    const { formatVersion, snapshot, ...rest } = JSON.parse(render("json", i));
    assert.strictEqual(formatVersion, 1);
    assert.deepStrictEqual(rest, JSON.parse(JSON.stringify(i.result)));
    assert.deepStrictEqual(
      snapshot.users.map((u: { name: string }) => u.name),
      ["<root_account>", "user-000000", "user-000001", "user-000002"],
    );
  });

  describe("sarif", () => {
    it("tool.driver.rules lists every policy that ran, failing or not, and ruleIndex points into it", () => {
      const log = JSON.parse(render("sarif", input(2))) as Log;
      const rules = log.runs[0].tool.driver.rules ?? [];
      assert.deepStrictEqual(
        rules.map((r) => r.id),
        [...auditPolicyNames],
      );
      for (const r of log.runs[0].results ?? []) assert.strictEqual(rules[r.ruleIndex ?? -1].id, r.ruleId);
    });

    it("a policy that did not run (disabled) is not a rule", () => {
      const ran = auditPolicyNames.filter((p) => p !== "access-keys-rotated");
      const log = JSON.parse(render("sarif", input(1, ran))) as Log;
      assert.deepStrictEqual(
        (log.runs[0].tool.driver.rules ?? []).map((r) => r.id),
        ran,
      );
    });

    it("each result is located at its user's line in the report", () => {
      const log = JSON.parse(render("sarif", input(5))) as Log;
      const lines = (log.runs[0].results ?? []).map(
        (r) => r.locations?.[0].physicalLocation?.region?.startLine,
      );
      assert.deepStrictEqual(lines, [3, 4, 5, 6, 7]);
      assert.strictEqual(log.runs[0].invocations?.[0].toolExecutionNotifications?.length, 2);
    });
  });

  describe("table", () => {
    const cells = (text: string) =>
      text
        .split("\n")
        .filter((l) => l.startsWith("│"))
        .map((l) => l.split("│").slice(1, -1));

    it("every line of the table is as wide as the border; long messages wrap at word boundaries, nothing lost", () => {
      const i = input(2);
      const text = wideTable(i);
      const lines = text.split("\n").filter((l) => /^[┌│├└]/.test(l));
      for (const l of lines) assert.strictEqual([...l].length, 140, l);
      const rows = cells(text);
      // header, then the not-evaluated root row (1 line), then user-000000's two wrapped lines
      const message = rows
        .slice(2, 4)
        .map((r) => r[4].trim())
        .join(" ");
      assert.strictEqual(message, `user-000000: ${MESSAGE}`);
      assert.strictEqual(rows[2][4].trimEnd(), " user-000000: console password enabled without MFA; MFA is");
    });

    it("a word longer than its column is broken across lines, not cut off; the subject stays whole", () => {
      const i = input(0);
      const long = "x".repeat(150);
      const findings = [fail("iam-users-mfa-enabled", "y".repeat(40), long)];
      const text = wideTable({ ...i, result: { ...i.result, findings } });
      const rows = cells(text).slice(1);
      assert.ok(rows.length > 1);
      assert.strictEqual(rows.map((r) => r[4].trim()).join(""), long);
      assert.strictEqual(rows[0][3].trim(), "y".repeat(40));
    });

    it("control characters from a report cannot reach the terminal", () => {
      const i = input(0);
      const findings = [fail("iam-users-mfa-enabled", "evil\u001b[2J", "line\none\tand\u0007two")];
      const evil = { ...i, result: { ...i.result, findings } };
      // at the default 80 columns and at 140
      for (const text of [render("table", evil), wideTable(evil)]) {
        const control = [...text].filter((c) => c !== "\n" && (c < " " || c === "\u007f"));
        assert.deepStrictEqual(control, []);
        assert.match(text, /evil\ufffd\[2J/);
      }
    });
  });
});
