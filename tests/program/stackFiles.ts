/** Stack config files for the program's tests: Pulumi.example.yaml's config with changes. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse, stringify } from "yaml";

export const root = path.resolve(__dirname, "../..");
export const example = path.join(root, "Pulumi.example.yaml");

export function readConfig(file: string): Record<string, unknown> {
  return (parse(fs.readFileSync(file, "utf8")) as { config: Record<string, unknown> }).config;
}

export const ns = (key: string) => `aws-account-baseline:${key}`;

/** A temporary directory of stack files; `remove()` it in `after`. */
export class StackFiles {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "aws-account-baseline-"));

  /** Writes `base`'s config with `changes` (undefined removes a key) as `name`. */
  write(changes: Record<string, unknown>, base = readConfig(example), name = "Pulumi.test.yaml"): string {
    const config: Record<string, unknown> = { ...base, ...changes };
    for (const key of Object.keys(config)) if (config[key] === undefined) delete config[key];
    const file = path.join(this.dir, name);
    fs.writeFileSync(file, stringify({ config }));
    return file;
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
