/**
 * Runs the program (index.ts) under Pulumi mocks with a stack config file, as `pulumi preview`
 * would run it, and returns every resource it registers. Used by `npm run check` (to send the
 * resources through the policy pack) and by the program's tests. Nothing leaves the process.
 *
 * Config is set as the CLI sets it: keys `namespace:key`, scalars as text, objects and lists as
 * JSON text; keys declared in Pulumi.yaml with a `default` get it when the stack leaves them out.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { Invoke, installMocks, RecordingMonitor, RegisteredResource } from "./mockEngine";
import { simulatedOrganizationInvokes } from "./simulatedOrganization";

export type { RegisteredResource } from "./mockEngine";

const root = path.resolve(__dirname, "..");
const programFile = path.join(root, "index.ts");

export interface RunOptions {
  /** Run as a preview (`pulumi preview`) rather than an update. @default false */
  readonly preview?: boolean;
  /**
   * The invokes the program may make, by token; any other invoke fails the run.
   * @default the simulated organization of tools/simulatedOrganization.ts, for this stack config
   */
  readonly invokes?: Readonly<Record<string, Invoke>>;
}

export interface ProgramRun {
  readonly resources: RegisteredResource[];
  /**
   * The stack outputs in the form the engine receives them: a secret is
   * `{ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value }`.
   */
  readonly stackOutputs: Record<string, unknown>;
}

/** The registered resources, one record each, in registration order. */
export async function runProgram(
  stackConfigFile: string,
  opts: RunOptions = {},
): Promise<RegisteredResource[]> {
  return (await runProgramWithOutputs(stackConfigFile, opts)).resources;
}

export async function runProgramWithOutputs(
  stackConfigFile: string,
  opts: RunOptions = {},
): Promise<ProgramRun> {
  return execute(prepare(stackConfigFile, opts));
}

/** Installs fresh recording mocks and the stack's config; returns the monitor that will record. */
export function prepare(stackConfigFile: string, opts: RunOptions = {}): RecordingMonitor {
  const project = readProject();
  const config = { ...projectDefaults(project), ...stackConfig(stackConfigFile, project.name) };
  const monitor = installMocks({
    project: project.name,
    stack: stackName(stackConfigFile),
    preview: opts.preview,
    invokes: opts.invokes ?? simulatedOrganizationInvokes(config),
  });
  pulumi.runtime.setAllConfig(config);
  return monitor;
}

/** Runs index.ts freshly required inside the root stack resource, as the language host does. */
export async function execute(monitor: RecordingMonitor): Promise<ProgramRun> {
  delete require.cache[require.resolve(programFile)];
  // As the language host does: `module.exports` (not an ES namespace) are the outputs, or a
  // function (`export = async () => ...`) whose result, awaited, is.
  await pulumi.runtime.runInPulumiStack(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported: unknown = require(programFile);
    return typeof exported === "function" ? (exported as () => unknown)() : exported;
  });
  await monitor.settled();
  const stack = monitor.resources.find((r) => r.type === "pulumi:pulumi:Stack");
  const stackOutputs = stack === undefined ? {} : (monitor.registeredOutputs.get(stack.urn) ?? {});
  return { resources: monitor.resources, stackOutputs };
}

interface Project {
  readonly name: string;
  readonly config: Record<string, unknown>;
}

function readYaml(file: string): Record<string, unknown> {
  const doc: unknown = parse(fs.readFileSync(file, "utf8"));
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new Error(`${file}: expected a YAML mapping`);
  }
  return doc as Record<string, unknown>;
}

function readProject(): Project {
  const doc = readYaml(path.join(root, "Pulumi.yaml"));
  return { name: String(doc.name), config: (doc.config ?? {}) as Record<string, unknown> };
}

/** `Pulumi.dev.yaml` is stack `dev`; any other file name is used without its extension. */
function stackName(file: string): string {
  const base = path.basename(file).replace(/\.ya?ml$/, "");
  return base.startsWith("Pulumi.") ? base.slice("Pulumi.".length) : base;
}

/** As the CLI passes a value to the program: text for scalars, JSON for objects and lists. */
function asConfigText(key: string, value: unknown): string {
  if (typeof value === "object" && value !== null && "secure" in value) {
    throw new Error(`config ${key} is encrypted (secure:); runProgram cannot decrypt it, use a plain value`);
  }
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

/** Project config keys are the project's own unless they name a namespace. */
function qualified(key: string, projectName: string): string {
  return key.includes(":") ? key : `${projectName}:${key}`;
}

function projectDefaults(project: Project): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, declared] of Object.entries(project.config)) {
    const isDeclaration = typeof declared === "object" && declared !== null && !Array.isArray(declared);
    const value = isDeclaration
      ? ((declared as Record<string, unknown>).default ?? (declared as Record<string, unknown>).value)
      : declared;
    if (value !== undefined) result[qualified(key, project.name)] = asConfigText(key, value);
  }
  return result;
}

/** A stack file's config as the CLI hands it to a program: `namespace:key` -> text. */
export function stackConfig(file: string, projectName: string): Record<string, string> {
  const config = (readYaml(file).config ?? {}) as Record<string, unknown>;
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (!key.includes(":")) {
      throw new Error(`${file}: config key "${key}" must name its namespace, e.g. "${projectName}:${key}"`);
    }
    result[key] = asConfigText(key, value);
  }
  return result;
}
