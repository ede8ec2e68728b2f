/**
 * The root user's policies (CIS 1.3-1.6; v3 1.4-1.7). Where the API was read, GetAccountSummary
 * answers for root even when root has no password (the report row says `not_supported` then);
 * the report row answers when reading a file. Root with no credential left (centralized root
 * access, or deleted by hand: no password, no key) has nothing to protect and passes the MFA
 * checks (Security Hub IAM.9 / IAM.6). A report without root's row leaves these not evaluated,
 * saying so; so does a summary without a key that decides.
 */
import {
  AccessKeyFacts,
  AccountFacts,
  available,
  Fact,
  isAvailable,
  keyPresent,
  rootCredentialsRemoved,
  ROOT_USER,
} from "../facts";
import { fail, notEvaluated } from "../finding";
import { ageInDays, isoSeconds } from "../time";
import { days, Rule, rootRow, summaryFlag } from "./context";

const subject = ROOT_USER;

/**
 * Root has no credential left: no password and no access key, active or not. A root key in the
 * report row decides at once (the summary may be older than the report); then GetAccountSummary
 * where it was read (unknown, naming the key, when it lacks one that decides); a report file's
 * root row otherwise (CIS v5 1.4's audit: "mfa_active TRUE or password_enabled FALSE").
 */
function credentialsRemoved(facts: AccountFacts): Fact<boolean> {
  const row = rootRow(facts);
  if (isAvailable(row) && row.value.accessKeys.some(keyPresent)) return available(false);
  if (!isAvailable(facts.summary)) return available(isAvailable(row) && row.value.passwordEnabled === false);
  const removed = rootCredentialsRemoved(facts.summary.value);
  if (removed !== undefined) return available(removed);
  const password = summaryFlag(facts, "accountPasswordPresent");
  return isAvailable(password) ? summaryFlag(facts, "accountAccessKeysPresent") : password;
}

/** A not-evaluated finding: root has no MFA, but whether it still has credentials to protect is unknown. */
const removalUnknown = (policy: "root-mfa-enabled" | "root-hardware-mfa", why: string) =>
  notEvaluated(
    policy,
    subject,
    `the root user has no MFA, but ${why}, so whether root still has credentials to protect is unknown`,
  );

/** "access key 1 (active) is" / "access keys 1 (active) and 2 (inactive) are". */
function keysPresent(keys: readonly AccessKeyFacts[]): string {
  const each = keys.map((k) => `${k.number} (${k.active ? "active" : "inactive"})`).join(" and ");
  return keys.length === 1 ? `access key ${each} is` : `access keys ${each} are`;
}

export const rootAccessKeysAbsent: Rule = (facts) => {
  const policy = "root-access-keys-absent";
  const row = rootRow(facts);
  const keys = isAvailable(row) ? row.value.accessKeys.filter(keyPresent) : [];
  if (keys.length > 0) {
    return [
      fail(
        policy,
        subject,
        `${subject}: ${keysPresent(keys)} present; the root user must have no access keys, active or inactive (delete ${keys.length === 1 ? "it" : "them"})`,
      ),
    ];
  }
  const present = summaryFlag(facts, "accountAccessKeysPresent");
  if (isAvailable(present)) {
    return present.value
      ? [
          fail(
            policy,
            subject,
            `${subject}: the root user has an access key, active or inactive (GetAccountSummary AccountAccessKeysPresent = 1); the root user must have no access keys`,
          ),
        ]
      : [];
  }
  if (isAvailable(row)) return [];
  return [notEvaluated(policy, subject, isAvailable(facts.summary) ? present.unavailable : row.unavailable)];
};

export const rootMfaEnabled: Rule = (facts) => {
  const policy = "root-mfa-enabled";
  const mfa = summaryFlag(facts, "accountMfaEnabled");
  if (isAvailable(mfa) && mfa.value) return [];
  const row = rootRow(facts);
  if (!isAvailable(mfa)) {
    if (!isAvailable(row)) {
      return [notEvaluated(policy, subject, isAvailable(facts.summary) ? mfa.unavailable : row.unavailable)];
    }
    if (row.value.mfaActive) return [];
  }
  const removed = credentialsRemoved(facts);
  if (!isAvailable(removed)) return [removalUnknown(policy, removed.unavailable)];
  if (removed.value) return [];
  if (isAvailable(mfa)) {
    return [
      fail(
        policy,
        subject,
        `${subject}: MFA is not enabled for the root user (GetAccountSummary AccountMFAEnabled = 0)`,
      ),
    ];
  }
  const keys = isAvailable(row) ? row.value.accessKeys.filter(keyPresent) : [];
  const why =
    isAvailable(row) && row.value.passwordEnabled === false && keys.length > 0
      ? `mfa_active is false; password_enabled is false but ${keysPresent(keys)} present, so root still has a credential`
      : "mfa_active is false";
  return [fail(policy, subject, `${subject}: MFA is not enabled for the root user (${why})`)];
};

/** Whether root has any MFA device: the summary's AccountMFAEnabled, else the report row's mfa_active. */
function rootHasMfa(facts: AccountFacts): Fact<boolean> {
  const flag = summaryFlag(facts, "accountMfaEnabled");
  if (isAvailable(flag)) return flag;
  const row = rootRow(facts);
  if (isAvailable(row)) return available(row.value.mfaActive);
  return isAvailable(facts.summary) ? flag : row;
}

export const rootHardwareMfa: Rule = (facts) => {
  const policy = "root-hardware-mfa";
  const removed = credentialsRemoved(facts);
  if (isAvailable(removed) && removed.value) return [];
  const mfa = rootHasMfa(facts);
  if (isAvailable(mfa) && !mfa.value) {
    if (!isAvailable(removed)) return [removalUnknown(policy, removed.unavailable)];
    return [
      fail(policy, subject, `${subject}: the root user has no MFA device; a hardware MFA device is required`),
    ];
  }
  const devices = facts.rootVirtualMfaDevices;
  if (isAvailable(devices) && devices.value.length > 0) {
    return [
      fail(
        policy,
        subject,
        `${subject}: virtual MFA device ${devices.value.join(", ")} is assigned to the root user; a hardware MFA device is required`,
      ),
    ];
  }
  if (!isAvailable(mfa)) return [notEvaluated(policy, subject, mfa.unavailable)];
  return isAvailable(devices) ? [] : [notEvaluated(policy, subject, devices.unavailable)];
};

export const rootNotRecentlyUsed: Rule = (facts, settings, now) => {
  const policy = "root-not-recently-used";
  const row = rootRow(facts);
  if (!isAvailable(row)) return [notEvaluated(policy, subject, row.unavailable)];
  const window = settings.thresholds[policy].windowDays;
  const uses: [string, Date][] = [];
  const r = row.value;
  if (r.passwordLastUsed instanceof Date) uses.push(["password", r.passwordLastUsed]);
  for (const k of r.accessKeys) if (k.lastUsed) uses.push([`access key ${k.number}`, k.lastUsed]);
  const recent = uses
    .map(([what, at]) => ({ what, at, age: ageInDays(now, at) }))
    .filter((u) => u.age < window)
    .map((u) => `${u.what} used ${days(u.age)} ago (${isoSeconds(u.at)})`);
  return recent.length === 0
    ? []
    : [
        fail(
          policy,
          subject,
          `${subject}: root ${recent.join(", ")}; the root user must not be used within the last ${days(window)}`,
        ),
      ];
};
