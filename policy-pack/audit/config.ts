/**
 * `--config FILE`: the same JSON as a `--policy-pack-config` file, so the pack and the audit
 * share thresholds:
 * `{"all": "mandatory", "access-keys-rotated": {"enforcementLevel": "advisory", "maximumKeyAgeDays": 60}}`.
 * The file is read by the pack's own config reader (config/packConfig.ts, as `npm run check`
 * reads it): schema defaults, then "all", then each policy's entry, checked against each
 * policy's schema; names and properties that match no policy are errors, as everywhere. A policy
 * set to `disabled` is not audited.
 */
import { readFile } from "fs/promises";
import { controls } from "../controls";
import {
  PolicyConfigError,
  PolicyDefaults,
  PolicyPackConfigFile,
  parsePolicyPackConfig,
  reconcilePolicyConfig,
  ResolvedPackConfig,
} from "../config/packConfig";
import { passwordPolicyConfigSchemas } from "../rules/passwordPolicy";
import { accountConfigSchemas } from "../account/config";
import {
  defaultLastAccessedSettings,
  lastAccessedConfigSchema,
  LastAccessedSettings,
} from "../account/lastAccessed/config";
import { auditPolicyNames, AuditPolicyName, defaultRuleSettings, RuleSettings } from "../account/findings";

export class ConfigError extends Error {}

export interface AuditConfig {
  readonly settings: RuleSettings;
  /** The policies to audit, in report order. */
  readonly policies: readonly AuditPolicyName[];
  /** unused-service-permissions' settings: `--last-accessed`'s defaults. */
  readonly lastAccessed: LastAccessedSettings;
}

export const defaultAuditConfig: AuditConfig = {
  settings: defaultRuleSettings,
  policies: auditPolicyNames,
  lastAccessed: defaultLastAccessedSettings,
};

const schemas: Partial<Record<string, PolicyDefaults["configSchema"]>> = {
  ...accountConfigSchemas,
  ...passwordPolicyConfigSchemas,
  "unused-service-permissions": lastAccessedConfigSchema,
};

/** Every policy of the pack (the file may name the resource policies too), with its schema if audited. */
const packPolicies: PolicyDefaults[] = Object.keys(controls).map((name) => ({
  name,
  enforcementLevel: "advisory",
  configSchema: schemas[name],
}));

/** Each default group with the file's values for exactly the keys the group has. */
function overlay<T extends object>(defaults: T, resolved: ResolvedPackConfig): T {
  return Object.fromEntries(
    Object.entries(defaults).map(([name, group]) => {
      const given = resolved[name]?.properties ?? {};
      const keys = Object.keys(group as object).filter((k) => k in given);
      return [name, { ...group, ...Object.fromEntries(keys.map((k) => [k, given[k]])) }];
    }),
  ) as T;
}

/** Validates a parsed config object; returns the thresholds and the policies left enabled. */
export function auditConfigFrom(raw: unknown, file: string): AuditConfig {
  let parsed: PolicyPackConfigFile;
  let resolved: ResolvedPackConfig;
  try {
    parsed = parsePolicyPackConfig(raw);
    resolved = reconcilePolicyConfig(packPolicies, parsed);
  } catch (e) {
    if (e instanceof PolicyConfigError) throw new ConfigError(`${file}: ${e.problems.join("; ")}`);
    throw e;
  }
  return {
    settings: {
      thresholds: overlay(defaultRuleSettings.thresholds, resolved),
      passwordPolicy: overlay(defaultRuleSettings.passwordPolicy, resolved),
    },
    policies: auditPolicyNames.filter((p) => resolved[p].enforcementLevel !== "disabled"),
    lastAccessed: overlay({ "unused-service-permissions": defaultLastAccessedSettings }, resolved)[
      "unused-service-permissions"
    ],
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
    raw = text.trim() === "" ? {} : JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${displayName}: not valid JSON (${(e as Error).message})`);
  }
  return auditConfigFrom(raw, displayName);
}
