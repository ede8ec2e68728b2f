/**
 * The account policies' thresholds and source settings, as JSON schemas with defaults: the
 * pack's `configSchema` for each policy, and the defaults the audit fills in before applying a
 * `--config` file (the same format as `--policy-pack-config`).
 */
import { AccountPolicyName } from "../controls";

/** Where the account policies read the account; in every account policy's schema (config is per policy). */
const sourceProperties = {
  credentialReportFile: {
    type: "string",
    description:
      "Read this credential report CSV instead of calling the IAM API (absolute, or relative to the policy pack folder).",
  },
  credentialReportWaitSeconds: {
    type: "integer",
    default: 60,
    minimum: 1,
    maximum: 900,
    description: "Longest total wait for IAM to generate the credential report before giving up.",
  },
} as const;

export const accountConfigSchemas = {
  "root-access-keys-absent": { properties: { ...sourceProperties } },
  "root-mfa-enabled": { properties: { ...sourceProperties } },
  "root-hardware-mfa": { properties: { ...sourceProperties } },
  "root-not-recently-used": {
    properties: {
      ...sourceProperties,
      windowDays: {
        type: "integer",
        default: 1,
        minimum: 1,
        maximum: 365,
        description:
          "Root use (password sign-in or access key) within this many days fails (CIS 1.6 (v3 1.7): no everyday use of root).",
      },
    },
  },
  "iam-users-mfa-enabled": { properties: { ...sourceProperties } },
  "access-keys-rotated": {
    properties: {
      ...sourceProperties,
      maximumKeyAgeDays: {
        type: "integer",
        default: 90,
        minimum: 1,
        maximum: 3650,
        description:
          "Oldest active access key, in days since creation or rotation, that passes (CIS 1.13 (v3 1.14): 90).",
      },
    },
  },
  "unused-credentials-disabled": {
    properties: {
      ...sourceProperties,
      unusedDays: {
        type: "integer",
        default: 45,
        minimum: 1,
        maximum: 3650,
        description:
          "An enabled password or active key unused for this many days or more fails (CIS 1.11 (v3 1.12) / Security Hub IAM.22: 45).",
      },
    },
  },
  "single-active-access-key": { properties: { ...sourceProperties } },
  "security-contact-registered": { properties: { ...sourceProperties } },
} as const satisfies Record<AccountPolicyName, unknown>;

export interface SourceConfig {
  readonly credentialReportFile?: string;
  readonly credentialReportWaitSeconds: number;
}

export interface AccountThresholds {
  readonly "root-not-recently-used": { readonly windowDays: number };
  readonly "access-keys-rotated": { readonly maximumKeyAgeDays: number };
  readonly "unused-credentials-disabled": { readonly unusedDays: number };
}

/** Every threshold at its schema default. */
export const defaultAccountThresholds: AccountThresholds = {
  "root-not-recently-used": {
    windowDays: accountConfigSchemas["root-not-recently-used"].properties.windowDays.default,
  },
  "access-keys-rotated": {
    maximumKeyAgeDays: accountConfigSchemas["access-keys-rotated"].properties.maximumKeyAgeDays.default,
  },
  "unused-credentials-disabled": {
    unusedDays: accountConfigSchemas["unused-credentials-disabled"].properties.unusedDays.default,
  },
};

export const defaultReportWaitSeconds = sourceProperties.credentialReportWaitSeconds.default;
