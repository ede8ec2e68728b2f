/**
 * Account facts for rule and policy tests: a compliant account read from the API, and a user row
 * builder with compliant defaults, so each test changes one field.
 */
import { AccountFacts, ReportUser } from "../../policy-pack/account/facts";
import { strengthenPasswordPolicy } from "../../policy-pack/rules/passwordPolicy";
import { permissionFacts } from "./permissionFacts";

export const NOW = new Date("2026-11-20T12:00:00Z");

/** `days` before NOW (fractions allowed). */
export const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * 86_400_000);

export function row(user: string, fields: Partial<ReportUser> = {}): ReportUser {
  return {
    user,
    arn: `arn:aws:iam::123456789012:user/${user}`,
    isRoot: false,
    line: 2,
    createdAt: daysAgo(400),
    passwordEnabled: true,
    passwordLastUsed: daysAgo(1),
    passwordLastChanged: daysAgo(30),
    mfaActive: true,
    accessKeys: [
      { number: 1, active: false, lastRotated: null, lastUsed: null },
      { number: 2, active: false, lastRotated: null, lastUsed: null },
    ],
    ...fields,
  };
}

export function rootRow(fields: Partial<ReportUser> = {}): ReportUser {
  return row("<root_account>", {
    arn: "arn:aws:iam::123456789012:root",
    isRoot: true,
    passwordEnabled: "not_supported",
    passwordLastUsed: daysAgo(200),
    passwordLastChanged: null,
    ...fields,
  });
}

/** A compliant account as the API reads it; override any part. */
export function apiFacts(overrides: Partial<AccountFacts> = {}): AccountFacts {
  return {
    accountId: "123456789012",
    source: "aws",
    reportGeneratedAt: daysAgo(0.1),
    users: { value: [rootRow(), row("alice")] },
    summary: {
      value: { accountAccessKeysPresent: false, accountMfaEnabled: true, accountPasswordPresent: true },
    },
    rootVirtualMfaDevices: { value: [] },
    passwordPolicy: { value: strengthenPasswordPolicy({}) },
    alternateContacts: { BILLING: { value: true }, OPERATIONS: { value: true }, SECURITY: { value: true } },
    ...permissionFacts(),
    ...overrides,
  };
}

/** One active key rotated and used as given. */
export const key = (number: 1 | 2, lastRotated: Date, lastUsed: Date | null = null) => ({
  number,
  active: true,
  lastRotated,
  lastUsed,
});
