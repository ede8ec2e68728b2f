/**
 * `--config FILE`: the same JSON as a `--policy-pack-config` file, so the pack and the audit
 * share thresholds:
 * `{"all": "mandatory", "access-keys-rotated": {"enforcementLevel": "advisory", "maximumKeyAgeDays": 60}}`.
 * Properties are checked against each policy's schema (type, minimum, maximum); a policy set to
 * `disabled` is not audited.
 */
import { readFile } from "fs/promises";
import { controls, PolicyName } from "../controls";
import { passwordPolicyConfigSchemas, PasswordPolicyConfig } from "../rules/passwordPolicy";
import { accountConfigSchemas, AccountThresholds, defaultAccountThresholds } from "../account/config";
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

/** Validates a parsed config object; returns the thresholds and the policies left enabled. */
export function auditConfigFrom(raw: unknown, file: string): AuditConfig {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ConfigError(`${file}: expected a JSON object of policy names`);
  }
  const entries = Object.entries(raw as Record<string, unknown>);
  let allLevel: string | undefined;
  const levelOf = new Map<string, string>();
  const props = new Map<string, Record<string, unknown>>();
  for (const [key, value] of entries) {
    if (key === "all") {
      allLevel = level(
        `${file}: "all"`,
        typeof value === "object" && value
          ? (value as { enforcementLevel?: unknown }).enforcementLevel
          : value,
      );
      continue;
    }
    if (!(key in controls)) throw new ConfigError(`${file}: unknown policy "${key}"`);
    if (typeof value === "string") {
      levelOf.set(key, level(`${file}: "${key}"`, value));
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new ConfigError(`${file}: "${key}" must be an enforcement level or an object`);
    }
    const { enforcementLevel, ...rest } = value as Record<string, unknown>;
    if (enforcementLevel !== undefined)
      levelOf.set(key, level(`${file}: "${key}".enforcementLevel`, enforcementLevel));
    const schema = schemas[key as PolicyName];
    if (schema) {
      for (const [prop, v] of Object.entries(rest)) {
        const s = schema.properties[prop];
        if (!s) throw new ConfigError(`${file}: "${key}" has no property "${prop}"`);
        checkValue(`${file}: "${key}".${prop}`, s, v);
      }
    }
    props.set(key, rest);
  }
  const get = <T extends object>(name: string, defaults: T): T =>
    ({ ...defaults, ...(props.get(name) ?? {}) }) as T;
  const thresholds = Object.fromEntries(
    Object.entries(defaultAccountThresholds).map(([name, d]) => [name, get(name, d)]),
  ) as unknown as AccountThresholds;
  const passwordPolicy = Object.fromEntries(
    Object.entries(defaultRuleSettings.passwordPolicy).map(([name, d]) => [name, get(name, d)]),
  ) as unknown as PasswordPolicyConfig;
  return {
    settings: { thresholds, passwordPolicy },
    policies: auditPolicyNames.filter((p) => (levelOf.get(p) ?? allLevel) !== "disabled"),
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
