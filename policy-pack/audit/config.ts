/**
 * `--config FILE`: the same JSON as a `--policy-pack-config` file, so the pack and the audit
 * share thresholds:
 * `{"all": "mandatory", "access-keys-rotated": {"enforcementLevel": "advisory", "maximumKeyAgeDays": 60}}`.
 * Properties are checked against each policy's schema (type, minimum, maximum); a policy set to
 * `disabled` is not audited.
 */
import { readFile } from "fs/promises";
import { controls, PolicyName } from "../controls";
import { passwordPolicyConfigSchemas } from "../rules/passwordPolicy";
import { accountConfigSchemas, defaultAccountThresholds } from "../account/config";
import { auditPolicyNames, AuditPolicyName, defaultRuleSettings, RuleSettings } from "../account/findings";

export class ConfigError extends Error {}

const levels = new Set(["advisory", "mandatory", "remediate", "disabled"]);

interface PropertySchema {
  readonly type: string;
  readonly minimum?: number;
  readonly maximum?: number;
}

const schemas: Partial<Record<PolicyName, { properties: Record<string, PropertySchema> }>> = {
  ...accountConfigSchemas,
  ...passwordPolicyConfigSchemas,
};

export interface AuditConfig {
  readonly settings: RuleSettings;
  /** The policies to audit, in report order. */
  readonly policies: readonly AuditPolicyName[];
}

export const defaultAuditConfig: AuditConfig = { settings: defaultRuleSettings, policies: auditPolicyNames };

function checkValue(where: string, schema: PropertySchema, v: unknown): void {
  const ok =
    schema.type === "integer"
      ? Number.isInteger(v)
      : schema.type === "number"
        ? typeof v === "number"
        : typeof v === schema.type;
  if (!ok)
    throw new ConfigError(
      `${where} must be ${schema.type === "integer" ? "an integer" : `a ${schema.type}`}`,
    );
  const n = v as number;
  if (schema.minimum !== undefined && n < schema.minimum)
    throw new ConfigError(`${where} must be at least ${schema.minimum}`);
  if (schema.maximum !== undefined && n > schema.maximum)
    throw new ConfigError(`${where} must be at most ${schema.maximum}`);
}

function level(where: string, v: unknown): string {
  if (typeof v !== "string" || !levels.has(v)) {
    throw new ConfigError(`${where} must be one of ${[...levels].join(", ")}`);
  }
  return v;
}

interface Entry {
  readonly level?: string;
  readonly props: Record<string, unknown>;
}

/** One policy's entry: a level string, or `{ enforcementLevel?, ...properties }` checked against its schema. */
function entryOf(file: string, key: string, value: unknown): Entry {
  if (!(key in controls)) throw new ConfigError(`${file}: unknown policy "${key}"`);
  if (typeof value === "string") return { level: level(`${file}: "${key}"`, value), props: {} };
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigError(`${file}: "${key}" must be an enforcement level or an object`);
  }
  const { enforcementLevel, ...props } = value as Record<string, unknown>;
  const schema = schemas[key as PolicyName];
  for (const [prop, v] of schema ? Object.entries(props) : []) {
    const s = schema?.properties[prop];
    if (!s) throw new ConfigError(`${file}: "${key}" has no property "${prop}"`);
    checkValue(`${file}: "${key}".${prop}`, s, v);
  }
  return {
    level:
      enforcementLevel === undefined
        ? undefined
        : level(`${file}: "${key}".enforcementLevel`, enforcementLevel),
    props,
  };
}

/** Each default group with the file's properties for that policy laid over it. */
function overlay<T extends object>(defaults: T, entries: Map<string, Entry>): T {
  return Object.fromEntries(
    Object.entries(defaults).map(([name, d]) => [name, { ...d, ...(entries.get(name)?.props ?? {}) }]),
  ) as T;
}

/** Validates a parsed config object; returns the thresholds and the policies left enabled. */
export function auditConfigFrom(raw: unknown, file: string): AuditConfig {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ConfigError(`${file}: expected a JSON object of policy names`);
  }
  const { all, ...rest } = raw as Record<string, unknown>;
  const allLevel =
    all === undefined
      ? undefined
      : level(
          `${file}: "all"`,
          typeof all === "object" && all ? (all as { enforcementLevel?: unknown }).enforcementLevel : all,
        );
  const entries = new Map(Object.entries(rest).map(([key, value]) => [key, entryOf(file, key, value)]));
  return {
    settings: {
      thresholds: overlay(defaultAccountThresholds, entries),
      passwordPolicy: overlay(defaultRuleSettings.passwordPolicy, entries),
    },
    policies: auditPolicyNames.filter((p) => (entries.get(p)?.level ?? allLevel) !== "disabled"),
  };
}

export async function loadAuditConfig(file: string, displayName = file): Promise<AuditConfig> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw new ConfigError(
      `cannot read config ${displayName}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${displayName}: not valid JSON (${(e as Error).message})`);
  }
  return auditConfigFrom(raw, displayName);
}
