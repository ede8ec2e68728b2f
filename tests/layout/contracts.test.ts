/**
 * docs/contracts.md is the public contract: it names exactly the policies the pack has, and
 * exactly the flags the audit accepts, so neither can change without the document (and the
 * CHANGELOG) saying so.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { accountPolicyNames, resourcePolicyNames } from "../../policy-pack/controls";
import { runAudit } from "../audit/cliRunner";

const doc = fs.readFileSync(path.resolve(__dirname, "../../docs/contracts.md"), "utf8");

/** The text of the `## title` section. */
function section(title: string): string {
  const start = doc.indexOf(`\n## ${title}`);
  assert.ok(start >= 0, `docs/contracts.md has no "## ${title}" section`);
  const end = doc.indexOf("\n## ", start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

describe("docs/contracts.md", () => {
  it("lists exactly the pack's policy names", () => {
    const listed = [...section("Policy names").matchAll(/`([a-z0-9]+(?:-[a-z0-9]+)+)`/g)].map((m) => m[1]);
    assert.deepStrictEqual(
      [...new Set(listed)].sort(),
      [...resourcePolicyNames, ...accountPolicyNames].sort(),
    );
  });

  it("lists exactly the audit's flags", async function () {
    this.timeout(30_000);
    const help = await runAudit(["--help"]);
    assert.strictEqual(help.code, 0, help.stderr);
    const synopsis = /`aws-account-audit ([^`]+)`/.exec(section("The audit command"))?.[1] ?? "";
    const documented = [...new Set([...synopsis.matchAll(/--[a-z][a-z-]+/g)].map((m) => m[0]))];
    // Commander's option lines start "  --flag" (a wrapped description is indented further).
    const accepted = [...help.stdout.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z-]+)/gm)].map((m) => m[1]);
    assert.deepStrictEqual(documented.sort(), accepted.filter((f) => f !== "--help").sort());
  });
});
