/**
 * An AWS Organization on fakeAws for the org-wide audit's tests and benchmark: a management
 * account reached with the ambient test credentials, and member accounts reached only through
 * STS AssumeRole. Each member is compliant but for one IAM user with a console password and no
 * MFA (one failing finding per account, so every output must say which account it is about);
 * root credentials are removed as Organizations' centralized root access leaves them.
 */
import { FakeAccount, FakeAws, OrganizationMember, ScriptedError } from "./fakeAws";

/** The access key id of the ambient test credentials (tests/support/env.ts, bench/support/safeEnv.ts). */
export const AMBIENT_KEY = "AKIAIOSFODNN7EXAMPLE";
export const MANAGEMENT_ID = "100000000000";
export const FIXED_NOW = new Date("2026-11-20T12:00:00Z");

const strongPasswordPolicy = {
  MinimumPasswordLength: 14,
  RequireSymbols: true,
  RequireNumbers: true,
  RequireUppercaseCharacters: true,
  RequireLowercaseCharacters: true,
  AllowUsersToChangePassword: true,
  ExpirePasswords: true,
  MaxPasswordAge: 90,
  PasswordReusePrevention: 24,
};

/** `n` distinct 12-digit member account ids. */
export const memberIds = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => String(200000000001 + i));

/** A member account as described above; `extra` overrides any part. */
export function memberAccount(accountId: string, extra: Partial<FakeAccount> = {}): FakeAccount {
  return {
    accountId,
    name: `member-${accountId.slice(-4)}`,
    users: [
      {
        name: `dev-${accountId.slice(-4)}`,
        createdAt: "2026-01-01T00:00:00+00:00",
        mfa: false,
        password: { lastUsed: "2026-11-19T00:00:00+00:00", lastChanged: "2026-10-01T00:00:00+00:00" },
      },
    ],
    root: { mfa: false },
    summary: { AccountAccessKeysPresent: 0, AccountMFAEnabled: 0, AccountPasswordPresent: 0 },
    contacts: ["BILLING", "OPERATIONS", "SECURITY"],
    passwordPolicy: strongPasswordPolicy,
    now: FIXED_NOW,
    ...extra,
  };
}

export interface OrganizationSpec {
  readonly members: readonly string[];
  /** Per-member overrides (failures, latency, roles). */
  readonly overrides?: Readonly<Record<string, Partial<FakeAccount>>>;
  /** Listed by ListAccounts with this state, but not ACTIVE: must not be audited. */
  readonly inactive?: readonly OrganizationMember[];
  readonly management?: Partial<FakeAccount>;
  readonly pageSize?: number;
  /** ListAccounts answers this error for this page (0-based). */
  readonly failPage?: { readonly page: number; readonly error: ScriptedError };
}

/** Registers the management account (ambient key), every member, and the organization's listing. */
export function addOrganization(fake: FakeAws, spec: OrganizationSpec): void {
  fake.addAccount(AMBIENT_KEY, memberAccount(MANAGEMENT_ID, { name: "management", ...spec.management }));
  for (const id of spec.members) fake.addAccount(null, memberAccount(id, spec.overrides?.[id]));
  fake.setOrganization(
    MANAGEMENT_ID,
    [
      { accountId: MANAGEMENT_ID, name: "management" },
      ...spec.members.map((id) => ({ accountId: id, name: `member-${id.slice(-4)}` })),
      ...(spec.inactive ?? []),
    ],
    spec.pageSize,
    spec.failPage,
  );
}
