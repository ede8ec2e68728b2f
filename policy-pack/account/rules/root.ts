/**
 * The root user's policies (CIS 1.3-1.6; v3 1.4-1.7). Where the API was read, GetAccountSummary answers for
 * root even when root has no password (the report row says `not_supported` then); the report
 * row answers when reading a file. Root whose credentials Organizations removed (centralized
 * root access: no password, no keys) has nothing to protect and passes.
 */
import { AccountFacts, Fact, isAvailable, rootCredentialsRemoved, ROOT_USER } from "../facts";
import { fail, notEvaluated } from "../finding";
import { ageInDays, isoSeconds } from "../time";
import { days, Rule, rootRow, summaryFlag } from "./context";

const subject = ROOT_USER;

/**
 * No root password and no root key, by the summary and (when read) the report row alike;
 * unknown, naming the key, when the summary was read without a key that decides it.
 */
function credentialsRemoved(facts: AccountFacts): Fact<boolean> {
  const row = rootRow(facts);
  const rowKeys = isAvailable(row) && row.value.accessKeys.some((k) => k.active);
  if (!isAvailable(facts.summary) || rowKeys) return { value: false };
  const removed = rootCredentialsRemoved(facts.summary.value);
  if (removed !== undefined) return { value: removed };
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

export const rootAccessKeysAbsent: Rule = (facts) => {
  const policy = "root-access-keys-absent";
  const row = rootRow(facts);
  const active = isAvailable(row) ? row.value.accessKeys.filter((k) => k.active).map((k) => k.number) : [];
  if (active.length > 0) {
    const keys =
      active.length === 1 ? `access key ${active[0]} is` : `access keys ${active.join(" and ")} are`;
    return [fail(policy, subject, `${subject}: ${keys} active; the root user must have no access keys`)];
  }
  const present = summaryFlag(facts, "accountAccessKeysPresent");
  if (isAvailable(present)) {
    return present.value
      ? [
          fail(
            policy,
            subject,
            `${subject}: the root user has an access key (GetAccountSummary AccountAccessKeysPresent = 1); the root user must have no access keys`,
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
  if (isAvailable(mfa)) {
    if (mfa.value) return [];
    const removed = credentialsRemoved(facts);
    if (!isAvailable(removed)) return [removalUnknown(policy, removed.unavailable)];
    return removed.value
      ? []
      : [
          fail(
            policy,
            subject,
            `${subject}: MFA is not enabled for the root user (GetAccountSummary AccountMFAEnabled = 0)`,
          ),
        ];
  }
  const row = rootRow(facts);
  if (!isAvailable(row)) {
    return [notEvaluated(policy, subject, isAvailable(facts.summary) ? mfa.unavailable : row.unavailable)];
  }
  return row.value.mfaActive
    ? []
    : [fail(policy, subject, `${subject}: MFA is not enabled for the root user (mfa_active is false)`)];
};

export const rootHardwareMfa: Rule = (facts) => {
  const policy = "root-hardware-mfa";
  const devices = facts.rootVirtualMfaDevices;
  const removed = credentialsRemoved(facts);
  if (isAvailable(removed) && removed.value) return [];
  if (!isAvailable(devices)) return [notEvaluated(policy, subject, devices.unavailable)];
  if (devices.value.length > 0) {
    const list = devices.value.join(", ");
    return [
      fail(
        policy,
        subject,
        `${subject}: virtual MFA device ${list} is assigned to the root user; a hardware MFA device is required`,
      ),
    ];
  }
  const summaryMfa = summaryFlag(facts, "accountMfaEnabled");
  const row = rootRow(facts);
  const mfa = isAvailable(summaryMfa) ? summaryMfa.value : isAvailable(row) ? row.value.mfaActive : undefined;
  if (mfa === undefined) return [notEvaluated(policy, subject, "whether root has any MFA device is unknown")];
  if (!mfa && !isAvailable(removed)) return [removalUnknown(policy, removed.unavailable)];
  return mfa
    ? []
    : [
        fail(
          policy,
          subject,
          `${subject}: the root user has no MFA device; a hardware MFA device is required`,
        ),
      ];
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
