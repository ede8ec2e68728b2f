/**
 * The last-accessed review's settings, as the JSON schema of the pack's opt-in policy (with its
 * defaults) and the defaults the audit's `--last-accessed` uses.
 */
export const lastAccessedConfigSchema = {
  properties: {
    unusedDays: {
      type: "integer",
      default: 90,
      minimum: 1,
      maximum: 400,
      description:
        "A service a principal may use but has not used for this many days is reported (IAM tracks service access for 400 days).",
    },
    lastAccessedWaitSeconds: {
      type: "integer",
      default: 60,
      minimum: 1,
      maximum: 900,
      description:
        "Longest total pause waiting for one principal's last-accessed job before it is not evaluated.",
    },
    concurrency: {
      type: "integer",
      default: 10,
      minimum: 1,
      maximum: 50,
      description: "IAM calls in flight at once (IAM throttles each account's request rate).",
    },
  },
} as const;

const p = lastAccessedConfigSchema.properties;
export const defaultUnusedDays = p.unusedDays.default;
export const unusedDaysRange = { min: p.unusedDays.minimum, max: p.unusedDays.maximum } as const;
export const defaultLastAccessedWaitSeconds = p.lastAccessedWaitSeconds.default;
export const defaultLastAccessedConcurrency = p.concurrency.default;

export interface LastAccessedSettings {
  readonly unusedDays: number;
  readonly lastAccessedWaitSeconds: number;
  readonly concurrency: number;
}

export const defaultLastAccessedSettings: LastAccessedSettings = {
  unusedDays: defaultUnusedDays,
  lastAccessedWaitSeconds: defaultLastAccessedWaitSeconds,
  concurrency: defaultLastAccessedConcurrency,
};
