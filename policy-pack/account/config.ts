/**
 * The account policies' thresholds and source settings, as JSON schemas with defaults: the
 * pack's `configSchema` for each policy, and the defaults the audit fills in before applying a
 * `--config` file (the same format as `--policy-pack-config`).
 */
import { AccountPolicyName } from "../controls";
import { permissionConfigSchemas, PermissionThresholds, permissionThresholds } from "./permissions/config";

/** What an account policy reports when it cannot read the account (see `unreadableAccount`). */
export const unreadableAccountChoices = ["violation", "advisory"] as const;
export type UnreadableAccount = (typeof unreadableAccountChoices)[number];

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
  accountDeadlineSeconds: {
    type: "integer",
    default: 120,
    minimum: 1,
    maximum: 3600,
    description:
      "Longest time reading the account may take (role assumption, every call and retry, the report wait); what has not answered by then is not evaluated.",
  },
  unreadableAccount: {
    type: "string",
    enum: unreadableAccountChoices as unknown as string[],
    default: "violation" as UnreadableAccount,
    description:
      'When the account (or the fact this policy needs) cannot be read: "violation" reports it at the policy\'s enforcement level, so a mandatory policy fails the preview (fail closed); "advisory" reports it as an advisory that never fails the preview.',
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
  ...permissionConfigSchemas(sourceProperties),
} as const satisfies Record<AccountPolicyName, unknown>;

export interface SourceConfig {
  readonly credentialReportFile?: string;
  readonly credentialReportWaitSeconds: number;
}

export interface AccountThresholds extends PermissionThresholds {
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
  ...permissionThresholds(accountConfigSchemas),
};

export const defaultReportWaitSeconds = sourceProperties.credentialReportWaitSeconds.default;
export const defaultDeadlineSeconds = sourceProperties.accountDeadlineSeconds.default;
export const accountDeadlineRange = {
  min: sourceProperties.accountDeadlineSeconds.minimum,
  max: sourceProperties.accountDeadlineSeconds.maximum,
} as const;
export const defaultUnreadableAccount: UnreadableAccount = sourceProperties.unreadableAccount.default;
