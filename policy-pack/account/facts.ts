/**
 * What the account checks know about one AWS account, whichever way it was read (the IAM API or
 * a credential report file). Every part that may be missing is a `Fact`: either its value, or
 * `unavailable` with the reason (the permission that was denied, the report that never finished,
 * "a credential report file does not contain ..."). Rules turn an unavailable fact into a
 * `not-evaluated` finding; they never guess.
 */
import type { PasswordPolicySettings } from "../rules/passwordPolicy";
import type { PermissionFacts } from "./permissions/snapshot";

export type Fact<T> = { readonly value: T } | { readonly unavailable: string };

export function available<T>(value: T): Fact<T> {
  return { value };
}

export function unavailable<T>(reason: string): Fact<T> {
  return { unavailable: reason };
}

export function isAvailable<T>(f: Fact<T>): f is { readonly value: T } {
  return "value" in f;
}

/** One access key column group of the credential report. */
export interface AccessKeyFacts {
  readonly number: 1 | 2;
  readonly active: boolean;
  /** When the key was created or last rotated; null for `N/A` (no such key: an inactive key still has a time). */
  readonly lastRotated: Date | null;
  /** null when the key was never used (`N/A`). */
  readonly lastUsed: Date | null;
}

/** Whether the key exists, active or not: the report writes `N/A` for a key that does not. */
export function keyPresent(k: AccessKeyFacts): boolean {
  return k.active || k.lastRotated !== null;
}

/** One row of the credential report, typed. */
export interface ReportUser {
  /** As the report writes it: `<root_account>` for root. */
  readonly user: string;
  readonly arn: string;
  readonly isRoot: boolean;
  /** 1-based line of the row in the CSV (the header is line 1). */
  readonly line: number;
  readonly createdAt: Date | null;
  /** `not_supported` for root, whose password the report does not describe. */
  readonly passwordEnabled: boolean | "not_supported";
  /**
   * The report's own words when there is no time: `no_information`, the password was never used
   * (or not since 2014-10-20, when IAM began tracking); `N/A`, the user has no password (root's
   * `not_supported` reads the same).
   */
  readonly passwordLastUsed: Date | "no_information" | "N/A";
  /** null for `N/A` / `not_supported`. */
  readonly passwordLastChanged: Date | null;
  readonly mfaActive: boolean;
  readonly accessKeys: readonly [AccessKeyFacts, AccessKeyFacts];
}

export const ROOT_USER = "<root_account>";

/**
 * GetAccountSummary's keys the root checks use. A key IAM did not return is absent (an emulator
 * may leave some out); a check that needs it is not evaluated (rules/context.ts `summaryFlag`).
 */
export interface AccountSummary {
  readonly accountAccessKeysPresent?: boolean;
  readonly accountMfaEnabled?: boolean;
  readonly accountPasswordPresent?: boolean;
}

/** GetAccountSummary's keys as IAM names them, for the summary's fields. */
export const summaryKeys = {
  accountAccessKeysPresent: "AccountAccessKeysPresent",
  accountMfaEnabled: "AccountMFAEnabled",
  accountPasswordPresent: "AccountPasswordPresent",
} as const satisfies Record<keyof AccountSummary, string>;

export const contactTypes = ["BILLING", "OPERATIONS", "SECURITY"] as const;
export type ContactType = (typeof contactTypes)[number];

/** The credentials half (below) and the permissions half (./permissions/snapshot.ts). */
export interface AccountFacts extends PermissionFacts {
  /** 12 digits, from STS GetCallerIdentity or the report's ARNs; null when neither said. */
  readonly accountId: string | null;
  readonly source: "aws" | "credential-report";
  /** The report file, when read from one (as the user named it). */
  readonly sourceFile?: string;
  /** When IAM generated the report (GetCredentialReport's GeneratedTime, also in the CLI's JSON); null for a bare CSV. */
  readonly reportGeneratedAt: Date | null;
  readonly users: Fact<readonly ReportUser[]>;
  readonly summary: Fact<AccountSummary>;
  /** Serial numbers of the virtual MFA devices assigned to root (ListVirtualMFADevices). */
  readonly rootVirtualMfaDevices: Fact<readonly string[]>;
  /** The live password policy; `null` when none is set (AWS's weak default applies). */
  readonly passwordPolicy: Fact<PasswordPolicySettings | null>;
  /** Whether each alternate contact is registered (GetAlternateContact). */
  readonly alternateContacts: Readonly<Record<ContactType, Fact<boolean>>>;
}

/**
 * Root's credentials were removed by Organizations' centralized root access: nothing to protect.
 * Undefined when the summary lacks a key that decides it.
 */
export function rootCredentialsRemoved(s: AccountSummary): boolean | undefined {
  if (s.accountPasswordPresent === true || s.accountAccessKeysPresent === true) return false;
  if (s.accountPasswordPresent === undefined || s.accountAccessKeysPresent === undefined) return undefined;
  return true;
}
