/**
 * The `--policy-pack-config` file format, read in one place for `npm run check` (which must
 * build what the CLI sends to Configure) and the audit's `--config` (which shares the file with
 * the pack). Policy-pack configuration the way the Pulumi CLI builds it before it calls Configure: every
 * policy starts at its own enforcement level with each configSchema property's `default`, then a
 * `--policy-pack-config` file is merged on top ("all" first, then per policy), and the result is
 * validated against each policy's schema. The pack itself never applies defaults, so a harness
 * that skips this step hands every policy `getConfig() === {}`.
 *
 * Unlike the CLI, a name that is no policy of the pack, and a property that is no setting of its
 * policy, are errors: the CLI passes both through silently (it validates each policy's config
 * against `{type: "object", properties, required}` only, and @pulumi/policy sends the engine
 * nothing else of a configSchema, so `additionalProperties: false` never reaches it), and the
 * policy would quietly keep its default. The pack checks the same at run time (guardedPolicy).
 * @see https://www.pulumi.com/docs/iac/using-pulumi/crossguard/configuration/
 */
import * as fs from "fs";
import { closest, distance } from "fastest-levenshtein";

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export const enforcementLevels: readonly EnforcementLevel[] = [
  "advisory",
  "mandatory",
  "remediate",
  "disabled",
];

/** One policy's JSON schema as GetAnalyzerInfo reports it. */
export interface PolicyConfigSchema {
  readonly properties: Record<string, JsonSchema>;
  readonly required?: readonly string[];
}

/** The subset of JSON Schema that policy config schemas use. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly unknown[];
  readonly items?: JsonSchema;
  readonly [key: string]: unknown;
}

/** What reconciliation needs to know about a policy (a subset of GetAnalyzerInfo's PolicyInfo). */
export interface PolicyDefaults {
  readonly name: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly configSchema?: PolicyConfigSchema;
}

/** One policy's entry of a `--policy-pack-config` file, after parsing. */
export interface PolicyConfigEntry {
  readonly enforcementLevel?: EnforcementLevel;
  readonly properties?: Record<string, unknown>;
}

/** A parsed `--policy-pack-config` file: policy name (or "all") -> entry. */
export type PolicyPackConfigFile = Record<string, PolicyConfigEntry>;

/** What Configure receives for one policy. */
export interface ResolvedPolicyConfig {
  readonly enforcementLevel: EnforcementLevel;
  readonly properties: Record<string, unknown>;
}
export type ResolvedPackConfig = Record<string, ResolvedPolicyConfig>;

/** A config file or merged config that the CLI would refuse; `problems` has one line each. */
export class PolicyConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid policy pack config: ${problems.join("; ")}`);
    this.name = "PolicyConfigError";
  }
}

function isLevel(v: unknown): v is EnforcementLevel {
  return typeof v === "string" && (enforcementLevels as readonly string[]).includes(v);
}

function levelProblem(policy: string, v: unknown): string {
  return `"${policy}": ${JSON.stringify(v)} is not a valid enforcement level (${enforcementLevels.join(", ")})`;
}

/**
 * Parses a `--policy-pack-config` document: `{"all": "mandatory", "name": "advisory" |
 * {"enforcementLevel": "...", "<prop>": value}}`. Throws PolicyConfigError as the CLI refuses.
 */
export function parsePolicyPackConfig(doc: unknown): PolicyPackConfigFile {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    throw new PolicyConfigError(["the file must hold a JSON object keyed by policy name"]);
  }
  const result: PolicyPackConfigFile = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(doc)) {
    if (typeof value === "string") {
      if (isLevel(value)) result[name] = { enforcementLevel: value };
      else problems.push(levelProblem(name, value));
    } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const { enforcementLevel, ...properties } = value as Record<string, unknown>;
      if (enforcementLevel !== undefined && !isLevel(enforcementLevel)) {
        problems.push(levelProblem(name, enforcementLevel));
        continue;
      }
      if (name === "all" && Object.keys(properties).length > 0) {
        problems.push(`"all" takes only an enforcement level, not ${Object.keys(properties).join(", ")}`);
        continue;
      }
      result[name] = {
        ...(enforcementLevel !== undefined ? { enforcementLevel } : {}),
        ...(Object.keys(properties).length > 0 ? { properties } : {}),
      };
    } else {
      problems.push(`"${name}": ${JSON.stringify(value)} is not valid; use a level string or an object`);
    }
  }
  if (problems.length > 0) throw new PolicyConfigError(problems);
  return result;
}

/** Reads and parses a `--policy-pack-config` JSON file (an empty file is an empty config, as in the CLI). */
export function loadPolicyPackConfigFile(file: string): PolicyPackConfigFile {
  const text = fs.readFileSync(file, "utf8");
  if (text.trim() === "") return {};
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new PolicyConfigError([`${file} is not valid JSON: ${(e as Error).message}`]);
  }
  return parsePolicyPackConfig(doc);
}

function typeMatches(type: string, v: unknown): boolean {
  switch (type) {
    case "integer":
      return typeof v === "number" && Number.isInteger(v);
    case "number":
      return typeof v === "number";
    case "boolean":
      return typeof v === "boolean";
    case "string":
      return typeof v === "string";
    case "array":
      return Array.isArray(v);
    case "object":
      return v !== null && typeof v === "object" && !Array.isArray(v);
    case "null":
      return v === null;
    default:
      return true;
  }
}

/** The problems of one value against one property schema (type, enum, minimum, maximum, items). */
export function validateValue(path: string, schema: JsonSchema, v: unknown): string[] {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length > 0 && !types.some((t: string) => typeMatches(t, v))) {
    return [`${path} must be ${types.join(" or ")}, got ${JSON.stringify(v)}`];
  }
  const problems: string[] = [];
  if (schema.enum && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(v))) {
    problems.push(`${path} must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}`);
  }
  if (typeof v === "number" && schema.minimum !== undefined && v < schema.minimum) {
    problems.push(`${path} must be at least ${schema.minimum}, got ${v}`);
  }
  if (typeof v === "number" && schema.maximum !== undefined && v > schema.maximum) {
    problems.push(`${path} must be at most ${schema.maximum}, got ${v}`);
  }
  if (Array.isArray(v) && schema.items) {
    const items = schema.items;
    v.forEach((item, i) => problems.push(...validateValue(`${path}[${i}]`, items, item)));
  }
  return problems;
}

/** How far (edits) a misspelled name may be from a real one to be offered as "did you mean". */
const suggestionDistance = 3;

function suggestion(name: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(name, known as string[]);
  return distance(name, best) <= suggestionDistance ? best : undefined;
}

/** The problems of a policy's properties that its schema does not declare (`enforcementLevel` is always allowed). */
export function unknownSettings(
  policy: PolicyDefaults,
  properties: Readonly<Record<string, unknown>>,
): string[] {
  const allowed = Object.keys(policy.configSchema?.properties ?? {});
  return Object.keys(properties)
    .filter((k) => k !== "enforcementLevel" && !allowed.includes(k))
    .map((k) =>
      allowed.length === 0
        ? `${policy.name}: ${k} is not a setting of this policy; it takes only enforcementLevel`
        : `${policy.name}: ${k} is not a setting of this policy; allowed: ${allowed.join(", ")} (and enforcementLevel)`,
    );
}

/** The problems of names in a config file that match no policy of the pack. */
function unknownPolicies(policies: readonly PolicyDefaults[], file: PolicyPackConfigFile): string[] {
  const known = policies.map((p) => p.name);
  return Object.keys(file)
    .filter((n) => n !== "all" && !known.includes(n))
    .map((n) => {
      const near = suggestion(n, known);
      return near
        ? `"${n}" is not a policy of this pack (did you mean "${near}"?)`
        : `"${n}" is not a policy of this pack; the policies are ${known.join(", ")}`;
    });
}

/**
 * The config the CLI sends to Configure: schema defaults and each policy's own level, then the
 * file's "all" level, then the file's per-policy entries; validated against the schemas, with
 * unknown policy names and properties rejected (see above).
 */
export function reconcilePolicyConfig(
  policies: readonly PolicyDefaults[],
  file: PolicyPackConfigFile = {},
): ResolvedPackConfig {
  const unknown = [
    ...unknownPolicies(policies, file),
    ...policies.flatMap((p) => unknownSettings(p, file[p.name]?.properties ?? {})),
  ];
  if (unknown.length > 0) throw new PolicyConfigError(unknown);
  const result: ResolvedPackConfig = {};
  for (const p of policies) {
    const defaults = Object.entries(p.configSchema?.properties ?? {}).filter(([, s]) => "default" in s);
    result[p.name] = {
      enforcementLevel: p.enforcementLevel,
      properties: Object.fromEntries(defaults.map(([k, s]) => [k, s.default])),
    };
  }
  const all = file.all?.enforcementLevel;
  if (all) {
    for (const name of Object.keys(result)) result[name] = { ...result[name], enforcementLevel: all };
  }
  for (const [name, entry] of Object.entries(file)) {
    if (name === "all") continue;
    result[name] = {
      enforcementLevel: entry.enforcementLevel ?? result[name].enforcementLevel,
      properties: { ...result[name].properties, ...entry.properties },
    };
  }
  const problems = policies.flatMap((p) => {
    const schema = p.configSchema;
    if (!schema) return [];
    const props = result[p.name].properties;
    const missing = (schema.required ?? [])
      .filter((k) => !(k in props))
      .map((k) => `${p.name}: ${k} is required`);
    const invalid = Object.entries(props).flatMap(([k, v]) =>
      schema.properties[k] ? validateValue(`${p.name}: ${k}`, schema.properties[k], v) : [],
    );
    return [...missing, ...invalid];
  });
  if (problems.length > 0) throw new PolicyConfigError(problems);
  return result;
}
