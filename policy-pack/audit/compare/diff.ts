/**
 * The changes between a previous audit of an account and this one: users added and removed
 * (a name whose creation time differs was deleted and created again: both), their console
 * passwords, access keys (same key: same slot and creation time) and MFA; roles, groups, group
 * memberships and admin rights (./diffPermissions.ts); and the findings new and resolved. A part
 * unreadable in either audit is not compared (and said so), never diffed against nothing.
 */
import { ACCOUNT_SUBJECT, Finding } from "../../account/finding";
import { ROOT_USER } from "../../account/facts";
import { permissionChanges } from "./diffPermissions";
import { PreviousAccount } from "./previous";
import { Snapshot, SnapshotKey, SnapshotUser } from "./snapshot";
import {
  AccountChanges,
  CredentialChange,
  CredentialStatusChange,
  NotCompared,
  PrincipalChange,
} from "./types";

/** What the current audit of the account gives the comparison. */
export interface CurrentAccount {
  readonly account: string | null;
  readonly findings: readonly Finding[];
  readonly snapshot: Snapshot;
}

const status = (k: SnapshotKey) => (k.active ? "active" : "inactive");
const keyId = (k: SnapshotKey) => `${k.slot}\0${k.createdAt ?? ""}`;
const keyDetail = (k: SnapshotKey) =>
  `access key ${k.slot} (${k.createdAt ? `created ${k.createdAt}, ` : ""}${status(k)})`;
const passwordDetail = (p: { lastChanged: string | null }) =>
  `console password${p.lastChanged ? ` (set ${p.lastChanged})` : ""}`;

/** Every credential a user holds, as changes of one direction (a user added or removed brings them all). */
function credentialsOf(u: SnapshotUser): CredentialChange[] {
  return [
    ...(u.password
      ? [{ user: u.name, credential: "password" as const, detail: passwordDetail(u.password) }]
      : []),
    ...u.accessKeys.map((k) => ({ user: u.name, credential: "access-key" as const, detail: keyDetail(k) })),
    ...(u.mfa ? [{ user: u.name, credential: "mfa" as const, detail: "MFA device" }] : []),
  ];
}

interface CredentialDiff {
  readonly added: CredentialChange[];
  readonly removed: CredentialChange[];
  readonly changed: CredentialStatusChange[];
}

function userCredentials(before: SnapshotUser, now: SnapshotUser, out: CredentialDiff): void {
  const user = now.name;
  // null: unknown in one of the audits (root's password without the account summary): not compared.
  if (before.password !== null && now.password !== null) {
    if (!before.password && now.password)
      out.added.push({ user, credential: "password", detail: passwordDetail(now.password) });
    if (before.password && !now.password)
      out.removed.push({ user, credential: "password", detail: passwordDetail(before.password) });
  }
  const was = new Map(before.accessKeys.map((k) => [keyId(k), k]));
  const is = new Map(now.accessKeys.map((k) => [keyId(k), k]));
  for (const [id, k] of is) {
    const old = was.get(id);
    if (!old) out.added.push({ user, credential: "access-key", detail: keyDetail(k) });
    else if (old.active !== k.active) {
      out.changed.push({
        user,
        credential: "access-key",
        detail: keyDetail(k),
        from: status(old),
        to: status(k),
      });
    }
  }
  for (const [id, k] of was) {
    if (!is.has(id)) out.removed.push({ user, credential: "access-key", detail: keyDetail(k) });
  }
  if (!before.mfa && now.mfa) out.added.push({ user, credential: "mfa", detail: "MFA device" });
  if (before.mfa && !now.mfa) out.removed.push({ user, credential: "mfa", detail: "MFA device" });
}

/** The same user: same name, and the same creation time when both audits know it. */
const sameUser = (a: SnapshotUser, b: SnapshotUser) =>
  a.createdAt === null || b.createdAt === null || a.createdAt === b.createdAt;

const principal = (u: SnapshotUser): PrincipalChange => ({
  kind: "user",
  name: u.name,
  ...(u.createdAt ? { createdAt: u.createdAt } : {}),
});

function userChanges(before: SnapshotUser[], now: SnapshotUser[]) {
  const was = new Map(before.map((u) => [u.name, u]));
  const is = new Map(now.map((u) => [u.name, u]));
  const added: PrincipalChange[] = [];
  const removed: PrincipalChange[] = [];
  const credentials: CredentialDiff = { added: [], removed: [], changed: [] };
  for (const u of before) {
    const current = is.get(u.name);
    if (current && sameUser(u, current)) continue;
    if (u.name !== ROOT_USER) removed.push(principal(u));
    credentials.removed.push(...credentialsOf(u));
  }
  for (const u of now) {
    const old = was.get(u.name);
    if (old && sameUser(old, u)) userCredentials(old, u, credentials);
    else {
      if (u.name !== ROOT_USER) added.push(principal(u));
      credentials.added.push(...credentialsOf(u));
    }
  }
  return { principals: { added, removed }, credentials };
}

/** A finding's identity across audits: its policy and subject. */
export const findingKey = (f: Pick<Finding, "policy" | "subject">) => `${f.policy}\0${f.subject}`;

function findingChanges(before: readonly Finding[], now: readonly Finding[]): AccountChanges["findings"] {
  const failing = (fs: readonly Finding[]) =>
    new Map(fs.filter((f) => f.status === "fail").map((f) => [findingKey(f), f]));
  const was = failing(before);
  const is = failing(now);
  const unevaluated = new Set(now.filter((f) => f.status === "not-evaluated").map(findingKey));
  const resolved: Finding[] = [];
  const notEvaluatedNow: Finding[] = [];
  for (const [key, f] of was) {
    if (is.has(key)) continue;
    const unknown =
      unevaluated.has(key) || unevaluated.has(findingKey({ policy: f.policy, subject: ACCOUNT_SUBJECT }));
    (unknown ? notEvaluatedNow : resolved).push(f);
  }
  return { new: [...is].filter(([key]) => !was.has(key)).map(([, f]) => f), resolved, notEvaluatedNow };
}

/** Why a part cannot be compared (unreadable in the previous audit, or in this one), or undefined. */
function unreadablePart(
  part: NotCompared["part"],
  before: { value: unknown; why?: string },
  now: { value: unknown; why?: string },
): NotCompared | undefined {
  if (before.value === null)
    return { part, reason: `the previous audit could not read them: ${before.why ?? "not audited"}` };
  if (now.value === null) return { part, reason: `this audit could not read them: ${now.why ?? "unknown"}` };
  return undefined;
}

export function diffAccount(
  previous: PreviousAccount,
  previousAuditedAt: string,
  now: CurrentAccount,
): AccountChanges {
  const was = previous.snapshot;
  const is = now.snapshot;
  const usersBefore = was?.users ?? null;
  const permsBefore = was?.permissions ?? null;
  const users =
    usersBefore !== null && is.users !== null
      ? userChanges(usersBefore, is.users)
      : { principals: { added: [], removed: [] }, credentials: { added: [], removed: [], changed: [] } };
  const perms =
    permsBefore !== null && is.permissions !== null
      ? permissionChanges(permsBefore, is.permissions)
      : {
          principals: { added: [], removed: [] },
          groupMemberships: { added: [], removed: [] },
          adminRights: { gained: [], lost: [] },
        };
  const notCompared = [
    unreadablePart(
      "users and credentials",
      { value: usersBefore, why: was?.usersUnavailable },
      { value: is.users, why: is.usersUnavailable },
    ),
    unreadablePart(
      "roles, groups and admin rights",
      { value: permsBefore, why: was?.permissionsUnavailable },
      { value: is.permissions, why: is.permissionsUnavailable },
    ),
  ].filter((n): n is NotCompared => n !== undefined);
  return {
    account: now.account,
    previousAuditedAt,
    principals: {
      added: [...users.principals.added, ...perms.principals.added],
      removed: [...users.principals.removed, ...perms.principals.removed],
    },
    credentials: users.credentials,
    groupMemberships: perms.groupMemberships,
    adminRights: perms.adminRights,
    findings: findingChanges(previous.findings, now.findings),
    notCompared,
  };
}
