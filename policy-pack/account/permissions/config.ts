/**
 * The permission policies' settings, as JSON schemas with defaults (each policy's `configSchema`,
 * and the audit's defaults before a `--config` file).
 */

/** An AWS region name such as us-east-1 or us-gov-west-1. */
export const regionPattern = "^[a-z]{2}(-[a-z]+)+-\\d$";

/** `sourceProperties`: where the account is read, in every account policy's schema. */
export function permissionConfigSchemas<S extends object>(sourceProperties: S) {
  return {
    "admin-access-requires-mfa": { properties: { ...sourceProperties } },
    "user-policies-via-groups-only": { properties: { ...sourceProperties } },
    "no-custom-full-admin-policies": { properties: { ...sourceProperties } },
    "cloudshell-full-access-restricted": { properties: { ...sourceProperties } },
    "no-access-keys-at-setup": {
      properties: {
        ...sourceProperties,
        setupWindowMinutes: {
          type: "integer",
          default: 60,
          minimum: 0,
          maximum: 10080,
          description:
            "An access key created (access_key_N_last_rotated) within this many minutes of user_creation_time counts as created with the user (CIS v5 1.10).",
        },
      },
    },
    "no-expired-server-certificates": { properties: { ...sourceProperties } },
    "support-role-exists": { properties: { ...sourceProperties } },
    "access-analyzer-enabled": {
      properties: {
        ...sourceProperties,
        regions: {
          type: "array",
          items: { type: "string", pattern: regionPattern },
          uniqueItems: true,
          default: [] as string[],
          description:
            "Regions that must each have an active external access analyzer; empty: the stack's aws provider region (the audit: AWS_REGION, else us-east-1).",
        },
      },
    },
    "centralized-root-access-enabled": { properties: { ...sourceProperties } },
  } as const;
}

export interface PermissionThresholds {
  readonly "no-access-keys-at-setup": { readonly setupWindowMinutes: number };
  readonly "access-analyzer-enabled": { readonly regions: readonly string[] };
}

export function permissionThresholds(
  schemas: ReturnType<typeof permissionConfigSchemas<object>>,
): PermissionThresholds {
  return {
    "no-access-keys-at-setup": {
      setupWindowMinutes: schemas["no-access-keys-at-setup"].properties.setupWindowMinutes.default,
    },
    "access-analyzer-enabled": { regions: schemas["access-analyzer-enabled"].properties.regions.default },
  };
}
