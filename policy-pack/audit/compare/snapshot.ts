/**
 * The compact snapshot the JSON output carries so that a later audit can be compared with it
 * (`--compare`): who exists and which credentials they hold, without secrets. The credential
 * report has no access key ids or MFA serial numbers (and the audit makes no per-user calls), so a
 * key is its user, slot (1 or 2) and creation time, and MFA is whether the user has a device.
 * From the permissions snapshot (when it was read): the role and group names, each group's
 * members, and who holds full administrative rights through what (no policy documents).
 */
import { AccountFacts, isAvailable, keyPresent, ReportUser } from "../../account/facts";
import { AdminHolder, adminHoldersOf } from "../../account/permissions/adminHolders";

/** The version of the JSON output's shape; `--compare` accepts only outputs of this version. */
export const formatVersion = 1;

export interface SnapshotKey {
  readonly slot: 1 | 2;
  /** ISO 8601; when the key was created (the report's `access_key_N_last_rotated`). */
  readonly createdAt: string | null;
  readonly active: boolean;
}

export interface SnapshotUser {
  /** As the report writes it (`<root_account>` for root). */
  readonly name: string;
  readonly createdAt: string | null;
  /** false: no console password; null: unknown (root's, when the account summary was not read). */
  readonly password: false | { readonly lastChanged: string | null } | null;
  readonly mfa: boolean;
  readonly accessKeys: SnapshotKey[];
}

export interface SnapshotGroup {
  readonly name: string;
  /** User names, as the permissions snapshot lists each user's groups. */
  readonly members: string[];
}

export interface SnapshotPermissions {
  readonly roles: string[];
  readonly groups: SnapshotGroup[];
  /** Who holds full administrative rights, and each route (account/permissions/adminHolders.ts). */
  readonly admins: AdminHolder[];
}

export interface Snapshot {
  /** null when the credential report could not be read; `usersUnavailable` says why. */
  readonly users: SnapshotUser[] | null;
  readonly usersUnavailable?: string;
  /** null when the permissions snapshot could not be read; `permissionsUnavailable` says why. */
  readonly permissions: SnapshotPermissions | null;
  readonly permissionsUnavailable?: string;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function rootPassword(facts: AccountFacts): SnapshotUser["password"] {
  if (!isAvailable(facts.summary)) return null;
  const present = facts.summary.value.accountPasswordPresent;
  return present === undefined ? null : present ? { lastChanged: null } : false;
}

function userOf(u: ReportUser, facts: AccountFacts): SnapshotUser {
  const password =
    u.passwordEnabled === "not_supported"
      ? rootPassword(facts)
      : u.passwordEnabled
        ? { lastChanged: iso(u.passwordLastChanged) }
        : false;
  return {
    name: u.user,
    createdAt: iso(u.createdAt),
    password,
    mfa: u.mfaActive,
    accessKeys: u.accessKeys
      .filter(keyPresent)
      .map((k) => ({ slot: k.number, createdAt: iso(k.lastRotated), active: k.active })),
  };
}

function usersOf(facts: AccountFacts): Pick<Snapshot, "users" | "usersUnavailable"> {
  if (!isAvailable(facts.users)) return { users: null, usersUnavailable: facts.users.unavailable };
  return { users: facts.users.value.map((u) => userOf(u, facts)) };
}

function permissionsOf(facts: AccountFacts): Pick<Snapshot, "permissions" | "permissionsUnavailable"> {
  const a = facts.authorization;
  if (!isAvailable(a)) return { permissions: null, permissionsUnavailable: a.unavailable };
  const members = new Map<string, string[]>(a.value.groups.map((g) => [g.name, []]));
  for (const u of a.value.users) for (const g of u.groups) members.get(g)?.push(u.name);
  return {
    permissions: {
      roles: a.value.roles.map((r) => r.name),
      groups: [...members].map(([name, users]) => ({ name, members: users })),
      admins: adminHoldersOf(a.value),
    },
  };
}

export function snapshotOf(facts: AccountFacts): Snapshot {
  return { ...usersOf(facts), ...permissionsOf(facts) };
}
