import { baselinePasswordPolicy, passwordPolicyLimits } from "aws-account-baseline-vocabulary";
import type { PasswordPolicyArgs } from "../passwordPolicy";
import {
  booleanValue,
  integerFrom,
  Issues,
  join,
  objectOf,
  retainOnDeleteDefault,
  validated,
} from "./checks";

/** PasswordPolicyArgs with every default applied. */
export type ResolvedPasswordPolicyArgs = Required<PasswordPolicyArgs>;

/**
 * The secure defaults, written once: the baseline the policy pack's thresholds also default to
 * (the shared vocabulary), plus the settings only the component has.
 */
export const passwordPolicyDefaults: ResolvedPasswordPolicyArgs = {
  ...baselinePasswordPolicy,
  allowUsersToChange: true,
  hardExpiry: false,
  retainOnDelete: retainOnDeleteDefault,
};

const keys = Object.keys(passwordPolicyDefaults) as (keyof ResolvedPasswordPolicyArgs)[];
const integerKeys = ["minimumLength", "reusePrevention", "maxAgeDays"] as const;

/** Checks `value` as PasswordPolicyArgs, recording problems under `path`; applies the defaults. */
export function checkPasswordPolicyArgs(
  issues: Issues,
  value: unknown,
  path = "passwordPolicy",
): ResolvedPasswordPolicyArgs | undefined {
  const before = issues.count;
  const given = objectOf(issues, path, value ?? {}, keys, "an object of password-policy settings");
  if (given === undefined) return undefined;
  const resolved: Record<string, number | boolean | undefined> = {};
  for (const key of keys) {
    const v = given[key];
    if (v === undefined) {
      resolved[key] = passwordPolicyDefaults[key];
    } else if ((integerKeys as readonly string[]).includes(key)) {
      const { min, max } = passwordPolicyLimits[key as (typeof integerKeys)[number]];
      resolved[key] = integerFrom(issues, join(path, key), v, min, max);
    } else {
      resolved[key] = booleanValue(issues, join(path, key), v);
    }
  }
  return issues.count === before ? (resolved as ResolvedPasswordPolicyArgs) : undefined;
}

/** Validates and applies defaults; throws a ValidationError naming every bad field. */
export function resolvePasswordPolicyArgs(args: PasswordPolicyArgs): ResolvedPasswordPolicyArgs {
  return validated(checkPasswordPolicyArgs, args);
}
