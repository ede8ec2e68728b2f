/**
 * The table format from the command itself: piped (80 columns or COLUMNS, no colour unless
 * FORCE_COLOR, never with NO_COLOR) and on a real pseudo-terminal (util-linux `script`), where the
 * terminal's own width and colour apply.
 */
import * as assert from "assert";
import { spawn, spawnSync } from "child_process";
import * as path from "path";
import { CliRun, repo, runAudit } from "../cliRunner";
import { assertFits, stripColour, visibleLines } from "../../support/terminalText";

const EXAMPLE = "examples/credential-report.csv";
const args = ["--credential-report", EXAMPLE, "--now", "2026-11-20T12:00:00Z"];
/** Neither inherited from whoever runs the tests. */
const neutral = { COLUMNS: "", NO_COLOR: "", FORCE_COLOR: "", TERM: "xterm-256color" };
const piped = (env: Record<string, string> = {}) =>
  runAudit(args, { ...neutral, ...env }, path.join(repo, "policy-pack"));

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The audit on a pseudo-terminal `cols` wide (set with stty inside it); what the terminal received. */
function onTerminal(cols: number, env: Record<string, string> = {}): Promise<CliRun> {
  const cli = path.join(repo, "policy-pack/audit/cli.ts");
  const command = [process.execPath, "-r", "ts-node/register/transpile-only", cli, ...args]
    .map(quote)
    .join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qec", `stty cols ${cols} rows 40; exec ${command}`, "/dev/null"], {
      cwd: path.join(repo, "policy-pack"),
      env: { ...process.env, TS_NODE_PROJECT: path.join(repo, "tsconfig.json"), ...neutral, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.setEncoding("utf8"); // a character split between two reads stays whole
    child.stdout.on("data", (d: string) => (stdout += d));
    child.on("error", reject);
    // the terminal turns each newline into CR LF
    child.on("close", (code) => resolve({ code, stdout: stdout.replace(/\r\n/g, "\n"), stderr: "" }));
  });
}

const hasScript = () => spawnSync("script", ["-qec", "true", "/dev/null"]).status === 0;

describe("npm run audit: the table format's width and colour", function () {
  this.timeout(120_000);

  it("piped: 80 columns (this report's table needs 104, so stacked), no colour, the summary last", async () => {
    const r = await piped();
    assert.strictEqual(r.code, 1, r.stderr);
    assert.ok(!r.stdout.includes("\u001b"), "no escape codes");
    assertFits(r.stdout, 80);
    const lines = visibleLines(r.stdout);
    assert.ok(lines.includes("FAIL critical root-access-keys-absent <root_account>"), r.stdout);
    assert.ok(lines.includes("FAIL high iam-users-mfa-enabled bob"), r.stdout);
    assert.strictEqual(
      lines.at(-1),
      "Summary: 11 failing (1 critical, 3 high, 6 medium, 1 low), 15 not evaluated",
    );
  });

  it("piped with COLUMNS: as wide as it says, a table when it holds one", async () => {
    for (const width of [120, 200]) {
      const r = await piped({ COLUMNS: String(width) });
      assertFits(r.stdout, width);
      assert.match(r.stdout, /^│ fail +│ high +│ iam-users-mfa-enabled +│ bob +│ bob: console password/m);
    }
  });

  it("piped with FORCE_COLOR: coloured, at the same positions; NO_COLOR wins over it", async () => {
    const [plain, forced, both] = await Promise.all([
      piped({ COLUMNS: "150" }),
      piped({ COLUMNS: "150", FORCE_COLOR: "1" }),
      piped({ COLUMNS: "150", FORCE_COLOR: "1", NO_COLOR: "1" }),
    ]);
    assert.ok(forced.stdout.includes("\u001b["), "colour codes");
    assert.strictEqual(stripColour(forced.stdout), plain.stdout);
    assert.strictEqual(both.stdout, plain.stdout);
  });

  describe("on a pseudo-terminal", () => {
    before(function () {
      if (!hasScript()) this.skip(); // util-linux `script` is what makes the terminal here
    });

    it("the terminal's width (not COLUMNS) and colour", async () => {
      const r = await onTerminal(130, { COLUMNS: "60" });
      assert.strictEqual(r.code, 1, r.stdout);
      assert.ok(r.stdout.includes("\u001b["), "colour codes");
      assertFits(r.stdout, 130);
      const widest = Math.max(...visibleLines(r.stdout).map((l) => Array.from(l).length));
      assert.strictEqual(widest, 130, "the table takes the terminal's width");
    });

    it("NO_COLOR=1: no colour on the terminal either", async () => {
      const r = await onTerminal(130, { NO_COLOR: "1" });
      assert.ok(!r.stdout.includes("\u001b"), r.stdout.slice(0, 300));
      assertFits(r.stdout, 130);
    });
  });
});
