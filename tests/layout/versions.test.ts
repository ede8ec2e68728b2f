/**
 * One release version: the three packages, their exact dependencies on each other, the CHANGELOG's
 * latest entry, what `aws-account-audit --version` prints and what the pack reports to the engine.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { runAudit } from "../audit/cliRunner";
import { ensurePackBuilt } from "../../tools/packBuild";
import { defaultPackDir, startPack } from "../../tools/packClient";

const repo = path.resolve(__dirname, "../..");
const manifest = (dir: string) =>
  JSON.parse(fs.readFileSync(path.join(repo, dir, "package.json"), "utf8")) as {
    name: string;
    version: string;
    dependencies?: Record<string, string>;
  };
const packages = ["vocabulary", "components", "policy-pack"].map(manifest);
const version = manifest("policy-pack").version;

describe("versions", function () {
  this.timeout(60_000);

  it("are semantic, and the same for the three packages and their dependencies on each other", () => {
    assert.match(version, /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
    const names = new Set(packages.map((p) => p.name));
    for (const p of packages) {
      assert.strictEqual(p.version, version, p.name);
      for (const [dep, range] of Object.entries(p.dependencies ?? {})) {
        if (names.has(dep)) assert.strictEqual(range, version, `${p.name} -> ${dep}`);
      }
    }
  });

  it("the CHANGELOG's latest release is this version", () => {
    const changelog = fs.readFileSync(path.join(repo, "CHANGELOG.md"), "utf8");
    const latest = /^## \[?(\d+\.\d+\.\d+[^\]\s]*)\]?/m.exec(
      changelog.replace(/^## \[?Unreleased\]?.*$/gim, ""),
    );
    assert.strictEqual(latest?.[1], version);
  });

  it("aws-account-audit --version prints the package version and exits 0", async () => {
    const r = await runAudit(["--version"]);
    assert.deepStrictEqual([r.code, r.stdout, r.stderr], [0, `${version}\n`, ""]);
  });

  it("the pack reports the package version to the engine", async () => {
    ensurePackBuilt(defaultPackDir);
    const pack = await startPack();
    try {
      assert.strictEqual((await pack.getAnalyzerInfo()).version, version);
    } finally {
      await pack.close();
    }
  });
});
