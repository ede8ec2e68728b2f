/**
 * `npm run check [-- --stack-config FILE] [--policy-pack-config FILE] [--resources FILE] [--preview]`
 *
 * What `pulumi preview --policy-pack policy-pack` would report, offline: runs index.ts under
 * Pulumi mocks with the stack config (default Pulumi.example.yaml), starts the compiled pack as
 * the engine does, sends every registered resource through it over gRPC in the engine's order,
 * and prints the findings grouped by level. Exit 0: no mandatory violation; 1: at least one;
 * 2: bad usage or the check could not run (one line on stderr).
 *
 * The pack's live-account policies run too, but never reach AWS: the pack gets fake credentials
 * and a loopback endpoint, so they report that they could not read the account.
 */
import { Command, CommanderError } from "commander";
import * as fs from "fs";
import * as path from "path";
import { safeEnv } from "./safeEnv";
import { ProgramResource, checkResources } from "./checkRun";
import { formatReport, hasMandatoryViolation } from "./checkReport";
import { ensurePackBuilt } from "./packBuild";
import { defaultPackDir, startPack } from "./packClient";
import {
  PolicyConfigError,
  PolicyPackConfigFile,
  loadPolicyPackConfigFile,
} from "../policy-pack/config/packConfig";

const root = path.resolve(__dirname, "..");

/** A usage problem: printed as one line, exit 2. */
export class UsageError extends Error {}

interface Options {
  readonly stackConfig: string;
  readonly policyPackConfig?: string;
  readonly resources?: string;
  readonly preview?: boolean;
}

/** Paths are the user's: relative to where `npm run` was invoked (INIT_CWD), not the package root. */
function userPath(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

function existing(file: string, what: string): string {
  const full = userPath(file);
  if (!fs.existsSync(full) || !fs.statSync(full).isFile())
    throw new UsageError(`${what} ${file} does not exist`);
  return full;
}

/** `--resources FILE`: a JSON list of extra resources `{type, name, inputs, outputs?, urn?, parent?}`. */
export function loadExtraResources(file: string): ProgramResource[] {
  let doc: unknown;
  try {
    doc = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new UsageError(`--resources ${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(doc)) throw new UsageError(`--resources ${file} must hold a JSON list of resources`);
  return doc.map((r: Record<string, unknown>, i) => {
    if (
      typeof r?.type !== "string" ||
      typeof r.name !== "string" ||
      typeof r.inputs !== "object" ||
      r.inputs === null
    ) {
      throw new UsageError(
        `--resources ${file}: entry ${i} needs a string type, a string name and an inputs object`,
      );
    }
    return {
      type: r.type,
      name: r.name,
      urn: typeof r.urn === "string" ? r.urn : `urn:pulumi:check::aws-account-baseline::${r.type}::${r.name}`,
      custom: true,
      inputs: r.inputs as Record<string, unknown>,
      outputs: (typeof r.outputs === "object" && r.outputs !== null ? r.outputs : r.inputs) as Record<
        string,
        unknown
      >,
      ...(typeof r.parent === "string" ? { parent: r.parent } : {}),
    };
  });
}

function parseArgs(argv: string[]): Options {
  const program = new Command("npm run check --")
    .description(
      "Report what `pulumi preview --policy-pack policy-pack` would flag for a stack config, offline.",
    )
    .option("--stack-config <file>", "stack config to run index.ts with", "Pulumi.example.yaml")
    .option(
      "--policy-pack-config <file>",
      "policy pack config (JSON), as for `pulumi preview --policy-pack-config`",
    )
    .option(
      "--resources <file>",
      "JSON list of extra resources {type, name, inputs, outputs?} to check with the program's",
    )
    .option("--preview", "run the program as a preview (unknown values stay unknown)")
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined });
  try {
    program.parse(argv, { from: "user" });
  } catch (e) {
    if (
      e instanceof CommanderError &&
      (e.code === "commander.helpDisplayed" || e.code === "commander.version")
    ) {
      throw e;
    }
    throw new UsageError((e as Error).message.replace(/^error: /, ""));
  }
  return program.opts<Options>();
}

export async function main(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  const stackConfig = existing(opts.stackConfig, "--stack-config");
  let packConfig: PolicyPackConfigFile = {};
  if (opts.policyPackConfig !== undefined) {
    try {
      packConfig = loadPolicyPackConfigFile(existing(opts.policyPackConfig, "--policy-pack-config"));
    } catch (e) {
      throw e instanceof UsageError ? e : new UsageError(`--policy-pack-config: ${(e as Error).message}`);
    }
  }
  const extra =
    opts.resources !== undefined ? loadExtraResources(existing(opts.resources, "--resources")) : [];

  // Loaded late: it pulls in @pulumi/pulumi and the program, which usage errors need not wait for.
  const { runProgram } = await import("./runProgram");
  let resources: ProgramResource[];
  try {
    resources = [...(await runProgram(stackConfig, { preview: opts.preview ?? false })), ...extra];
  } catch (e) {
    // A ValidationError lists every problem, one a line: show each, once.
    const problems = (e as Error).message.split("\n").filter((l) => l.trim() !== "");
    throw new UsageError(
      problems.length > 1
        ? `the program rejected ${opts.stackConfig} (${problems.length} problems):\n${problems.map((p) => `  ${p}`).join("\n")}`
        : `the program rejected ${opts.stackConfig}: ${problems[0] ?? String(e)}`,
    );
  }

  // A clone's `npm ci` builds bin/; after an edit to the pack's sources, check what was edited.
  ensurePackBuilt(defaultPackDir);
  const pack = await startPack({ env: safeEnv() });
  try {
    const result = await checkResources(pack, resources, packConfig);
    process.stdout.write(`${formatReport(result, path.relative(root, stackConfig) || stackConfig)}\n`);
    return hasMandatoryViolation(result) ? 1 : 0;
  } catch (e) {
    if (e instanceof PolicyConfigError) throw new UsageError(`--policy-pack-config: ${e.message}`);
    throw e;
  } finally {
    await pack.close();
  }
}

/** One line on stderr, exit 2; exits at once so a rejection the Pulumi runtime left behind cannot add a stack trace. */
function fail(e: unknown): never {
  if (e instanceof CommanderError) process.exit(e.exitCode);
  // A usage error is written whole (a rejected stack config lists every problem); anything else
  // is cut to its first line, so no stack trace follows it.
  const text =
    e instanceof UsageError ? e.message : e instanceof Error ? e.message.split("\n")[0] : String(e);
  process.stderr.write(`check: ${text}\n`);
  process.exit(2);
}

if (require.main === module) {
  process.on("unhandledRejection", fail);
  process.on("uncaughtException", fail);
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, fail);
}
