/**
 * The architecture, as the import graph: the components and the checks share a vocabulary
 * (vocabulary/, a package of its own) and never import each other, so each ships on its own.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";

const repo = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (["node_modules", "bin", "dist"].includes(e.name)) return [];
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Every module specifier a file imports or requires, resolved to a repository path when relative. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:from\s+|import\(|require\()\s*["']([^"']+)["']/g)].map((m) => m[1]);
  return specs.map((s) => (s.startsWith(".") ? path.relative(repo, path.resolve(path.dirname(file), s)) : s));
}

/** `file imports target` for every import of a file under `from` that lands in one of `forbidden`. */
function crossings(from: string, forbidden: readonly string[]): string[] {
  return sources(path.join(repo, from)).flatMap((file) =>
    importsOf(file)
      .filter((target) => forbidden.some((f) => target === f || target.startsWith(`${f}/`)))
      .map((target) => `${path.relative(repo, file)} imports ${target}`),
  );
}

describe("layout: components, checks and their shared vocabulary", () => {
  it("components import neither the policy pack nor the audit", () => {
    assert.deepStrictEqual(crossings("components", ["policy-pack", "aws-account-baseline-policy-pack"]), []);
  });
  it("the policy pack and the audit import no component", () => {
    assert.deepStrictEqual(crossings("policy-pack", ["components", "aws-account-baseline"]), []);
  });
  it("the program, tools and tests import the components' sources, never the folder (its package.json points at dist/)", () => {
    const byFolder = ["index.ts", "tools", "tests", "bench"].flatMap((p) => {
      const full = path.join(repo, p);
      const files = fs.statSync(full).isDirectory() ? sources(full) : [full];
      return files.flatMap((file) =>
        importsOf(file)
          .filter((t) => t === "components")
          .map(() => `${path.relative(repo, file)} imports the components folder; import "components/index"`),
      );
    });
    assert.deepStrictEqual(byFolder, []);
  });
  it("the vocabulary imports neither side, nor any package", () => {
    const all = sources(path.join(repo, "vocabulary")).flatMap(importsOf);
    assert.deepStrictEqual(
      all.filter((t) => !t.startsWith("vocabulary/")),
      [],
    );
  });
});
