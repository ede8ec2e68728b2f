/**
 * The pack's release version: its package.json's, which the engine also reports for the pack
 * (@pulumi/policy reads the package.json of the folder it runs in). Found by walking up from this
 * file, so it is the same from the TypeScript source, the compiled bin/ and an installed copy.
 */
import * as fs from "fs";
import * as path from "path";

const packageName = "aws-account-baseline-policy-pack";

export function packageVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === packageName && typeof pkg.version === "string") return pkg.version;
    }
    if (path.dirname(dir) === dir) throw new Error(`no package.json of ${packageName} above ${from}`);
  }
}
