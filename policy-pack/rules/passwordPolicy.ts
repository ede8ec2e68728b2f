/**
 * The password-policy rules, written once and judged on two sources: the stack's
 * `aws.iam.AccountPasswordPolicy` resource (policy-pack/resources/) and the live account's
 * GetAccountPasswordPolicy answer (policy-pack/account/, the audit). Each rule takes the
 * settings and its thresholds and returns the violation message, or undefined when compliant.
 */
import { baselinePasswordPolicy, passwordPolicyLimits } from "aws-account-baseline-vocabulary";

/** The settings, named as `aws.iam.AccountPasswordPolicy`'s inputs. Absent means "not set". */
export interface PasswordPolicySettings {
  readonly minimumPasswordLength?: number;
  readonly passwordReusePrevention?: number;
  /** Days; absent or 0 means passwords never expire. */
  readonly maxPasswordAge?: number;
  readonly requireUppercaseCharacters?: boolean;
  readonly requireLowercaseCharacters?: boolean;
  readonly requireNumbers?: boolean;
  readonly requireSymbols?: boolean;
}

/**
 * What an account with no password policy enforces: 8 characters, no reuse prevention, no
 * expiry, and no single character class required (AWS asks for three of the four kinds, which
 * no field of a policy expresses).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 */
export const awsDefaultPasswordPolicy: PasswordPolicySettings = {
  minimumPasswordLength: 8,
  requireUppercaseCharacters: false,
  requireLowercaseCharacters: false,
  requireNumbers: false,
  requireSymbols: false,
};

export interface MinimumLengthConfig {
  readonly minimumLength: number;
}
export interface ReusePreventionConfig {
  readonly minimumReusePrevention: number;
}
export interface CharacterClassesConfig {
  readonly requireUppercase: boolean;
  readonly requireLowercase: boolean;
  readonly requireNumbers: boolean;
  readonly requireSymbols: boolean;
}
export interface MaxAgeConfig {
  readonly maximumAgeDays: number;
}

const baseline = baselinePasswordPolicy;
const limits = passwordPolicyLimits;

/**
 * JSON schemas for the thresholds, with AWS's bounds; the pack's configSchema and the audit's
 * defaults. The defaults are the baseline the components declare (the shared vocabulary).
 */
export const passwordPolicyConfigSchemas = {
  "password-policy-minimum-length": {
    properties: {
      minimumLength: {
        type: "integer",
        default: baseline.minimumLength,
        minimum: limits.minimumLength.min,
        maximum: limits.minimumLength.max,
        description: "Shortest password length that passes (CIS 1.7 (v3 1.8): 14).",
      },
    },
  },
  "password-policy-reuse-prevention": {
    properties: {
      minimumReusePrevention: {
        type: "integer",
        default: baseline.reusePrevention,
        minimum: limits.reusePrevention.min,
        maximum: limits.reusePrevention.max,
        description:
          "Fewest previous passwords that must be remembered (CIS 1.8 (v3 1.9): 24, the maximum AWS allows).",
      },
    },
  },
  "password-policy-character-classes": {
    properties: {
      requireUppercase: {
        type: "boolean",
        default: baseline.requireUppercase,
        description: "Require an uppercase letter.",
      },
      requireLowercase: {
        type: "boolean",
        default: baseline.requireLowercase,
        description: "Require a lowercase letter.",
      },
      requireNumbers: { type: "boolean", default: baseline.requireNumbers, description: "Require a number." },
      requireSymbols: { type: "boolean", default: baseline.requireSymbols, description: "Require a symbol." },
    },
  },
  "password-policy-max-age": {
    properties: {
      maximumAgeDays: {
        type: "integer",
        default: baseline.maxAgeDays,
        minimum: limits.maxAgeDays.min,
        maximum: limits.maxAgeDays.max,
        description: "Longest password lifetime in days that passes (Security Hub IAM.17: 90).",
      },
    },
  },
} as const;

export type PasswordPolicyRuleName = keyof typeof passwordPolicyConfigSchemas;

export interface PasswordPolicyConfig {
  readonly "password-policy-minimum-length": MinimumLengthConfig;
  readonly "password-policy-reuse-prevention": ReusePreventionConfig;
  readonly "password-policy-character-classes": CharacterClassesConfig;
  readonly "password-policy-max-age": MaxAgeConfig;
}

/** Every threshold at its schema default. */
export const defaultPasswordPolicyConfig: PasswordPolicyConfig = {
  "password-policy-minimum-length": { minimumLength: baseline.minimumLength },
  "password-policy-reuse-prevention": { minimumReusePrevention: baseline.reusePrevention },
  "password-policy-character-classes": {
    requireUppercase: baseline.requireUppercase,
    requireLowercase: baseline.requireLowercase,
    requireNumbers: baseline.requireNumbers,
    requireSymbols: baseline.requireSymbols,
  },
  "password-policy-max-age": { maximumAgeDays: baseline.maxAgeDays },
};

export function checkMinimumLength(s: PasswordPolicySettings, c: MinimumLengthConfig): string | undefined {
  const actual = s.minimumPasswordLength;
  if (actual === undefined) {
    // A declared policy without MinimumPasswordLength gets AWS's 6; AWS's 8 applies only when the
    // account has no policy at all (awsDefaultPasswordPolicy, which sets the field).
    return `minimum password length is not set (AWS applies 6 to a policy without it); at least ${c.minimumLength} is required`;
  }
  return actual < c.minimumLength
    ? `minimum password length is ${actual}; at least ${c.minimumLength} is required`
    : undefined;
}

export function checkReusePrevention(
  s: PasswordPolicySettings,
  c: ReusePreventionConfig,
): string | undefined {
  const actual = s.passwordReusePrevention;
  if (actual === undefined || actual === 0) {
    return `password reuse prevention is not set; at least ${c.minimumReusePrevention} previous passwords must be remembered`;
  }
  return actual < c.minimumReusePrevention
    ? `password reuse prevention remembers ${actual} previous passwords; at least ${c.minimumReusePrevention} is required`
    : undefined;
}

const classes = [
  ["requireUppercase", "requireUppercaseCharacters", "uppercase letters"],
  ["requireLowercase", "requireLowercaseCharacters", "lowercase letters"],
  ["requireNumbers", "requireNumbers", "numbers"],
  ["requireSymbols", "requireSymbols", "symbols"],
] as const;

export function checkCharacterClasses(
  s: PasswordPolicySettings,
  c: CharacterClassesConfig,
): string | undefined {
  const wanted = classes.filter(([key]) => c[key]);
  const missing = wanted.filter(([, field]) => s[field] !== true).map(([, , label]) => label);
  if (missing.length === 0) return undefined;
  return `the password policy does not require ${missing.join(", ")}; it must require ${wanted
    .map(([, , label]) => label)
    .join(", ")}`;
}

export function checkMaxAge(s: PasswordPolicySettings, c: MaxAgeConfig): string | undefined {
  const actual = s.maxPasswordAge;
  if (actual === undefined || actual === 0) {
    return `passwords never expire; a maximum age of at most ${c.maximumAgeDays} days is required`;
  }
  return actual > c.maximumAgeDays
    ? `maximum password age is ${actual} days; at most ${c.maximumAgeDays} is allowed`
    : undefined;
}

/** Every rule over one set of settings: the violation message per rule name that fails. */
export function checkPasswordPolicy(
  s: PasswordPolicySettings,
  config: PasswordPolicyConfig = defaultPasswordPolicyConfig,
): Partial<Record<PasswordPolicyRuleName, string>> {
  const results: Partial<Record<PasswordPolicyRuleName, string | undefined>> = {
    "password-policy-minimum-length": checkMinimumLength(s, config["password-policy-minimum-length"]),
    "password-policy-reuse-prevention": checkReusePrevention(s, config["password-policy-reuse-prevention"]),
    "password-policy-character-classes": checkCharacterClasses(
      s,
      config["password-policy-character-classes"],
    ),
    "password-policy-max-age": checkMaxAge(s, config["password-policy-max-age"]),
  };
  return Object.fromEntries(Object.entries(results).filter(([, v]) => v !== undefined));
}

/**
 * The settings raised to the thresholds (used by `remediate`): weaker values are replaced,
 * stronger ones are kept, nothing else is touched.
 */
export function strengthenPasswordPolicy<T extends PasswordPolicySettings>(
  s: T,
  config: PasswordPolicyConfig = defaultPasswordPolicyConfig,
): T {
  const length = config["password-policy-minimum-length"].minimumLength;
  const reuse = config["password-policy-reuse-prevention"].minimumReusePrevention;
  const maxAge = config["password-policy-max-age"].maximumAgeDays;
  const cls = config["password-policy-character-classes"];
  return {
    ...s,
    minimumPasswordLength: Math.max(s.minimumPasswordLength ?? 0, length),
    passwordReusePrevention: Math.max(s.passwordReusePrevention ?? 0, reuse),
    maxPasswordAge: s.maxPasswordAge && s.maxPasswordAge > 0 ? Math.min(s.maxPasswordAge, maxAge) : maxAge,
    requireUppercaseCharacters: s.requireUppercaseCharacters === true || cls.requireUppercase,
    requireLowercaseCharacters: s.requireLowercaseCharacters === true || cls.requireLowercase,
    requireNumbers: s.requireNumbers === true || cls.requireNumbers,
    requireSymbols: s.requireSymbols === true || cls.requireSymbols,
  };
}
