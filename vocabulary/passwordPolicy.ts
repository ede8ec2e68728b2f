/**
 * The password policy both halves agree on: AWS's bounds for each setting (what the components
 * accept, and the bounds of the pack's thresholds) and the baseline's values (what the components
 * declare by default, and the thresholds the pack and the audit judge by default).
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccountPasswordPolicy.html
 */

/** AWS's bounds (UpdateAccountPasswordPolicy). */
export const passwordPolicyLimits = {
  minimumLength: { min: 6, max: 128 },
  reusePrevention: { min: 1, max: 24 },
  maxAgeDays: { min: 1, max: 1095 },
} as const;

/**
 * The baseline: CIS AWS Foundations v5.0.0 1.7 (length 14) and 1.8 (24 remembered), Security Hub
 * IAM.17 (expiry within 90 days) and IAM.11-14 (every character class).
 */
export const baselinePasswordPolicy = {
  minimumLength: 14,
  reusePrevention: 24,
  maxAgeDays: 90,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
} as const;
