/**
 * The real Pulumi CLI, run on the project's real program and pack, in a throw-away workspace:
 *
 * - a file backend and a PULUMI_HOME in a temporary folder, a passphrase secrets provider, no
 *   update checks, no plugin downloads (PULUMI_HOME's plugin folder holds the stand-in `aws`
 *   provider at the version @pulumi/aws asks for, see plugin.ts);
 * - a project folder whose index.ts, components/, node_modules, package.json and tsconfig.json
 *   are links to this repository's (so no stack file is ever written into the repository), and a
 *   copy of Pulumi.yaml;
 * - the environment of tools/safeEnv.ts (nothing reaches off the machine) plus what a test adds,
 *   such as AWS_ENDPOINT_URL for the local AWS endpoint.
 *
 * Every command has a time limit that kills it and fails the test, so nothing hangs.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse, stringify } from "yaml";
import { safeEnv } from "../../../tools/safeEnv";
import { installStandInAwsPlugin } from "./plugin";
import { JournalEntry, journalVariable, readJournal } from "./journal";

export const repoRoot = path.resolve(__dirname, "../../..");
export const packDir = path.join(repoRoot, "policy-pack");
const linked = ["index.ts", "components", "node_modules", "package.json", "tsconfig.json"];
export const passphrase = "e2e-passphrase";

/** The `pulumi` on PATH, or undefined. */
export function pulumiOnPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, "pulumi");
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout then stderr, for assertions on what the user sees. */
  readonly output: string;
}

/** A resource as the file backend's checkpoint stores it. */
export interface StoredResource {
  readonly type: string;
  readonly urn: string;
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
}

export interface RunOptions {
  readonly env?: Record<string, string>;
  /** Variables removed from the command's environment (safe ones too, e.g. to see a warning). */
  readonly unset?: readonly string[];
  readonly timeoutMs?: number;
  readonly input?: string;
}

export class Workspace {
  readonly root: string;
  readonly project: string;
  readonly home: string;
  readonly backend: string;
  /** The stand-in provider's journal of what the engine asked it (journal.ts). */
  readonly journalFile: string;
  private readonly env: Record<string, string>;

  constructor(env: Record<string, string> = {}) {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), "aab-e2e-"));
    this.project = path.join(this.root, "project");
    this.home = path.join(this.root, "home");
    this.backend = path.join(this.root, "backend");
    for (const dir of [this.project, this.home, this.backend]) fs.mkdirSync(dir);
    for (const name of linked) fs.symlinkSync(path.join(repoRoot, name), path.join(this.project, name));
    fs.copyFileSync(path.join(repoRoot, "Pulumi.yaml"), path.join(this.project, "Pulumi.yaml"));
    installStandInAwsPlugin(this.home);
    this.journalFile = path.join(this.root, "journal.jsonl");
    this.env = {
      PULUMI_HOME: this.home,
      PULUMI_BACKEND_URL: `file://${this.backend}`,
      PULUMI_CONFIG_PASSPHRASE: passphrase,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      PULUMI_EXPERIMENTAL: "false",
      NO_COLOR: "1",
      [journalVariable]: this.journalFile,
      ...env,
    };
  }

  /** Creates the stack and writes its config file (`Pulumi.<stack>.yaml`) with `config`. */
  async initStack(stack: string, config: Record<string, unknown>): Promise<void> {
    const result = await this.pulumi(["stack", "init", stack]);
    if (result.code !== 0) throw new Error(`pulumi stack init failed (${result.code}):\n${result.output}`);
    this.writeConfig(stack, config);
  }

  /** Replaces the stack's config, keeping the passphrase salt `stack init` wrote. */
  writeConfig(stack: string, config: Record<string, unknown>): void {
    const file = path.join(this.project, `Pulumi.${stack}.yaml`);
    const { encryptionsalt } = parse(fs.readFileSync(file, "utf8")) as { encryptionsalt: string };
    fs.writeFileSync(file, stringify({ encryptionsalt, config }));
  }

  /** Writes a file in the workspace (a policy pack config, say) and returns its path. */
  writeFile(name: string, text: string): string {
    const file = path.join(this.root, name);
    fs.writeFileSync(file, text);
    return file;
  }

  /** Runs `pulumi ARGS` in the project folder; resolves with its exit code and output. */
  pulumi(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    const timeoutMs = options.timeoutMs ?? 240_000;
    return new Promise((resolve, reject) => {
      const child = spawn("pulumi", [...args, "--non-interactive"], {
        cwd: this.project,
        env: Object.fromEntries(
          Object.entries(safeEnv({ ...this.env, ...options.env })).filter(
            ([k]) => !options.unset?.includes(k),
          ),
        ),
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`pulumi ${args.join(" ")} took over ${timeoutMs} ms:\n${stdout}\n${stderr}`));
      }, timeoutMs);
      child.on("error", (err) => {
        clearTimeout(timer);
        reject(err);
      });
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}` });
      });
      child.stdin.end(options.input ?? "");
    });
  }

  /** `pulumi preview` of `stack` through the project's pack, plus `extra` flags. */
  preview(stack: string, extra: readonly string[] = [], options: RunOptions = {}): Promise<RunResult> {
    return this.pulumi(["preview", "--stack", stack, "--policy-pack", packDir, ...extra], options);
  }

  /** `pulumi up --yes --skip-preview` of `stack` through the project's pack, plus `extra` flags. */
  up(stack: string, extra: readonly string[] = []): Promise<RunResult> {
    return this.pulumi([
      "up",
      "--stack",
      stack,
      "--policy-pack",
      packDir,
      "--yes",
      "--skip-preview",
      ...extra,
    ]);
  }

  /** `pulumi stack output --json` (with `--show-secrets`: the plaintext), parsed. */
  async outputs(stack: string, showSecrets = false): Promise<Record<string, unknown>> {
    const args = ["stack", "output", "--stack", stack, "--json", ...(showSecrets ? ["--show-secrets"] : [])];
    const result = await this.pulumi(args);
    if (result.code !== 0) throw new Error(`pulumi stack output failed (${result.code}):\n${result.output}`);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  }

  /** The resources of the stack's checkpoint (file backend), as stored. */
  stateResources(stack: string): StoredResource[] {
    const state = JSON.parse(this.stateFile(stack)) as {
      checkpoint: { latest?: { resources?: StoredResource[] } };
    };
    return state.checkpoint.latest?.resources ?? [];
  }

  /** The stack's checkpoint as the file backend stores it (text, to look for plaintext in it). */
  stateFile(stack: string): string {
    const dir = path.join(this.backend, ".pulumi", "stacks", "aws-account-baseline");
    return fs.readFileSync(path.join(dir, `${stack}.json`), "utf8");
  }

  /** What the engine asked the stand-in provider since the last call (and forgets it). */
  takeJournal(): JournalEntry[] {
    const entries = readJournal(this.journalFile);
    fs.rmSync(this.journalFile, { force: true });
    return entries;
  }

  remove(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
