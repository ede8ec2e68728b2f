/**
 * The IAM users' policies (CIS 1.9, 1.11-1.13; v3 1.10, 1.12-1.14), one finding per user that violates, computed
 * from the credential report rows alone: no per-user API calls.
 */
import { AccessKeyFacts, ReportUser } from "../facts";
import { ageInDays } from "../time";
import { days, eachUser, Rule } from "./context";

const activeKeys = (u: ReportUser): AccessKeyFacts[] => u.accessKeys.filter((k) => k.active);

export const iamUsersMfaEnabled: Rule = (facts) =>
  eachUser("iam-users-mfa-enabled", facts.users, (u) =>
    u.passwordEnabled === true && !u.mfaActive
      ? "console password enabled without MFA; MFA is required for every user with a console password"
      : undefined,
  );

export const accessKeysRotated: Rule = (facts, settings, now) => {
  const max = settings.thresholds["access-keys-rotated"].maximumKeyAgeDays;
  return eachUser("access-keys-rotated", facts.users, (u) => {
    const stale = activeKeys(u)
      .map((k) => ({ k, rotated: k.lastRotated ?? u.createdAt }))
      .filter((x): x is { k: AccessKeyFacts; rotated: Date } => x.rotated !== null)
      .map(({ k, rotated }) => ({ k, age: ageInDays(now, rotated) }))
      .filter(({ age }) => age > max)
      .map(({ k, age }) => `access key ${k.number} last rotated ${days(age)} ago`);
    return stale.length > 0 ? `${stale.join(", ")}; at most ${max} allowed` : undefined;
  });
};

/**
 * IAM records password use since this day: `no_information` means never used, or (for a password
 * set before it) not used since.
 */
const signInTrackingBegan = new Date("2014-10-20T00:00:00Z");

/** How long one credential has gone unused, in words and days; undefined when that is unknown. */
function passwordIdle(u: ReportUser, now: Date): { text: string; age: number } | undefined {
  if (u.passwordEnabled !== true) return undefined;
  if (u.passwordLastUsed instanceof Date) {
    const age = ageInDays(now, u.passwordLastUsed);
    return { text: `console password last used ${days(age)} ago`, age };
  }
  const since = u.passwordLastChanged ?? u.createdAt;
  if (!since) return undefined;
  const age = ageInDays(now, since);
  const never =
    u.passwordLastUsed === "no_information" && since < signInTrackingBegan
      ? "not used since IAM began recording sign-ins on 2014-10-20, if ever"
      : "never used";
  return { text: `console password ${never} (set ${days(age)} ago)`, age };
}

function keyIdle(u: ReportUser, k: AccessKeyFacts, now: Date): { text: string; age: number } | undefined {
  if (k.lastUsed) {
    const age = ageInDays(now, k.lastUsed);
    return { text: `access key ${k.number} last used ${days(age)} ago`, age };
  }
  const since = k.lastRotated ?? u.createdAt;
  if (!since) return undefined;
  const age = ageInDays(now, since);
  return { text: `access key ${k.number} never used (created ${days(age)} ago)`, age };
}

export const unusedCredentialsDisabled: Rule = (facts, settings, now) => {
  const limit = settings.thresholds["unused-credentials-disabled"].unusedDays;
  return eachUser("unused-credentials-disabled", facts.users, (u) => {
    const idle = [passwordIdle(u, now), ...activeKeys(u).map((k) => keyIdle(u, k, now))]
      .filter((x) => x !== undefined && x.age >= limit)
      .map((x) => x!.text);
    return idle.length > 0
      ? `${idle.join(", ")}; credentials unused for ${days(limit)} or more must be disabled`
      : undefined;
  });
};

export const singleActiveAccessKey: Rule = (facts) =>
  eachUser("single-active-access-key", facts.users, (u) =>
    activeKeys(u).length > 1 ? "access keys 1 and 2 are both active; at most 1 allowed" : undefined,
  );
